export {
  type TarEntry,
  type TarEntryType,
  type TarEntryInput,
  tarEntry,
  normaliseTarPath,
} from './TarEntry';
export { TarFormatError, UnsafeTarPathError, InvalidTarEntryError } from './TarError';
export { tarChunks, tarSize, tarDigest, writeTar } from './writeTar';
export { readTar } from './readTar';
export { gzipChunks, gzipBytes, gunzipBytes, isGzip, GZIP_LEVEL } from './gzip';
