/**
 * Opening redirections (XCU §2.7) against the filesystem, with busybox ash's messages
 * (`sh: can't create /x/y: nonexistent directory`, `sh: can't open f: no such file`).
 * The device files a container has (/dev/null, /dev/zero, /dev/urandom, /dev/stdout, /dev/stderr)
 * are handled here, so they work whatever the image's /dev holds.
 */
import { FsError, type FileSystem } from '../unionfs/FileSystem';
import { strerror } from './fsErrors';
import { contentInput, FileSink, NullSink, type OutputSink, type ShellInput } from './io';

export interface Fd {
  readonly input?: ShellInput;
  readonly sink?: OutputSink;
}

export type FdTable = Map<number, Fd>;

/** A redirection that could not be opened; `message` follows "sh: ". */
export class RedirectError extends Error {}

const NULL_SINK = new NullSink();

/** The sink for `> path` / `>> path`. */
export function openForWrite(fs: FileSystem, fds: FdTable, shown: string, path: string, append: boolean): OutputSink {
  switch (path) {
    case '/dev/null':
    case '/dev/zero':
    case '/dev/urandom':
    case '/dev/random':
      return NULL_SINK;
    case '/dev/stdout':
    case '/dev/fd/1':
      return fds.get(1)?.sink ?? NULL_SINK;
    case '/dev/stderr':
    case '/dev/fd/2':
      return fds.get(2)?.sink ?? NULL_SINK;
  }
  try {
    return new FileSink(fs, path, append);
  } catch (e) {
    if (e instanceof FsError) {
      // ash's openredirect: ENOENT on create is reported as "nonexistent directory".
      const why = e.errno === 'ENOENT' || e.errno === 'ENOTDIR' ? 'nonexistent directory' : strerror(e);
      throw new RedirectError(`can't create ${shown}: ${why}`);
    }
    throw e;
  }
}

/** The input for `< path`. */
export function openForRead(fs: FileSystem, fds: FdTable, shown: string, path: string): ShellInput {
  switch (path) {
    case '/dev/null':
      return contentInput('');
    case '/dev/zero':
      return { kind: 'device', device: 'zero', path };
    case '/dev/urandom':
    case '/dev/random':
      return { kind: 'device', device: 'urandom', path };
    case '/dev/stdin':
    case '/dev/fd/0':
      return fds.get(0)?.input ?? contentInput('');
  }
  try {
    const stat = fs.stat(path);
    if (stat.kind === 'dir') return contentInput(''); // reading a directory fails at read(2), not open(2)
    return contentInput(fs.readFile(path));
  } catch (e) {
    if (e instanceof FsError) {
      const why = e.errno === 'ENOENT' || e.errno === 'ENOTDIR' ? 'no such file' : strerror(e);
      throw new RedirectError(`can't open ${shown}: ${why}`);
    }
    throw e;
  }
}
