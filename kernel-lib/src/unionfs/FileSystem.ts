/**
 * The POSIX-like filesystem contract shared by the union filesystem (which implements it), the
 * simulated shell (which runs commands against it) and the container runtime (which wraps it with
 * bind mounts such as /etc/hostname). Paths are absolute and normalised ("/a/b"); operations are
 * synchronous because the model lives in memory (STYLE.md convention 3).
 *
 * Failures throw `FsError` carrying the errno-style code that a real kernel would return, so the
 * shell can print busybox's exact message ("No such file or directory", "Directory not empty" …).
 */
import { LayerlabError } from '../errors/LayerlabError';
import type { Content } from '../content/Content';

export type FileKind = 'file' | 'dir' | 'symlink';

export interface FileStat {
  readonly kind: FileKind;
  /** Permission bits only (e.g. 0o644, 0o755, 0o4755); the kind is in `kind`. */
  readonly mode: number;
  readonly size: number;
  readonly uid: number;
  readonly gid: number;
  /** Modification time in milliseconds since the epoch (the model's clock, not the wall clock). */
  readonly mtimeMs: number;
}

export type FileData = Content | Uint8Array | string;

export interface FileSystem {
  /** Follows symlinks. */
  stat(path: string): FileStat;
  /** Does not follow a final symlink. */
  lstat(path: string): FileStat;
  exists(path: string): boolean;
  readFile(path: string): Content;
  /** Creates or truncates-and-writes (O_CREAT|O_TRUNC); `mode` applies only when creating. */
  writeFile(path: string, data: FileData, options?: { mode?: number }): void;
  /** O_APPEND; creates the file when missing. */
  appendFile(path: string, data: FileData): void;
  truncate(path: string, size: number): void;
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void;
  /** Names in the directory, sorted by byte order. */
  readdir(path: string): string[];
  /** unlink(2) for files and symlinks; with `recursive`, removes a directory tree; `force` ignores ENOENT. */
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  /** rmdir(2): the directory must be empty. */
  rmdir(path: string): void;
  /** rename(2), including over an existing file and moving directories. */
  rename(from: string, to: string): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  /** Sets the modification time (touch). */
  utimes(path: string, mtimeMs: number): void;
}

export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EINVAL'
  | 'EBUSY'
  | 'EROFS'
  | 'EXDEV'
  | 'ELOOP'
  | 'EACCES'
  | 'EPERM';

/** strerror(3) texts, as busybox prints them after "cmd: can't …: ". */
export const FS_ERROR_TEXT: Readonly<Record<FsErrorCode, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EBUSY: 'Resource busy',
  EROFS: 'Read-only file system',
  EXDEV: 'Invalid cross-device link',
  ELOOP: 'Symbolic link loop',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
};

export class FsError extends LayerlabError {
  readonly errno: FsErrorCode;
  readonly syscall: string;
  readonly path: string;

  constructor(errno: FsErrorCode, syscall: string, path: string) {
    super(errno, `${errno}: ${FS_ERROR_TEXT[errno]}, ${syscall} '${path}'`, { data: { errno, syscall, path } });
    this.errno = errno;
    this.syscall = syscall;
    this.path = path;
  }
}
