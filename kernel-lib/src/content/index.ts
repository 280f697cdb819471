export type { Content } from './Content';
export type { ContentSegment } from './ContentSegments';
export { InvalidContentSizeError, ContentTooLargeError } from './ContentError';
export {
  bytesContent,
  textContent,
  zeroContent,
  randomContent,
  concatContent,
  toContent,
  isContent,
  EMPTY_CONTENT,
} from './createContent';
export { seededRandomChunks, seededRandomBytes } from './seededRandomStream';
