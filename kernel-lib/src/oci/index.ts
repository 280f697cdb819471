// Public surface of the oci module (re-exported from src/index.ts).
export { dockerSaveEntries, type SaveArchiveImage } from './dockerSave';
export { readImageArchive, type ImageArchiveFormat, type LoadedArchive, type LoadedArchiveImage } from './readImageArchive';
export { ArchiveFiles } from './archiveFiles';
export { streamContent } from './streamContent';
export {
  InvalidImageArchiveError,
  TruncatedImageArchiveError,
  BlobDigestMismatchError,
  MissingBlobError,
  UnsafeArchivePathError,
  EmptyExportError,
} from './archiveErrors';
