import { FS_ERROR_TEXT, FsError } from '../unionfs/FileSystem';

/** strerror(3) text of a filesystem error ("No such file or directory"); rethrows anything else. */
export function strerror(e: unknown): string {
  if (e instanceof FsError) return FS_ERROR_TEXT[e.errno];
  throw e;
}

export function isFsError(e: unknown, ...codes: FsError['errno'][]): e is FsError {
  return e instanceof FsError && (codes.length === 0 || codes.includes(e.errno));
}
