export {
  type FileSystem,
  type FileStat,
  type FileKind,
  type FileData,
  type FsErrorCode,
  FS_ERROR_TEXT,
  FsError,
} from './FileSystem';
export { UnionFs, type UnionFsOptions, mergedNames } from './UnionFs';
export { type FsClock, tickingClock, FS_CLOCK_EPOCH_MS } from './FsClock';
export { type CopyUpRecord, type CopyUpReason } from './copyUp';
export { type LowerLayer, lowerIndex } from './lowerIndex';
