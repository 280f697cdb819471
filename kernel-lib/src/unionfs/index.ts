export {
  type FileSystem,
  type FileStat,
  type FileKind,
  type FileData,
  type FsErrorCode,
  FS_ERROR_TEXT,
  FsError,
} from './FileSystem';
