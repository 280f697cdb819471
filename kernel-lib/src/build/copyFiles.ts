/**
 * COPY/ADD as BuildKit's FileOp copies (dockerfile2llb dispatchCopy: CopyDirContentsOnly,
 * FollowSymlinks, AllowWildcard, AllowEmptyWildcard, CreateDestPath):
 *
 * - a source path may hold wildcards (`package*.json`); a wildcard that matches nothing copies
 *   nothing, a plain path that does not exist is an error ("…: not found");
 * - a directory source copies its *contents* into the destination;
 * - a file goes to `dest/<name>` when the destination ends with `/`, is `.`, there are several
 *   sources or a wildcard, or the destination is an existing directory; otherwise to `dest` itself;
 * - a symlink named as the source is followed; symlinks inside a copied directory are copied as links;
 * - files keep their mode and mtime; `--chmod` replaces the mode, owners are 0:0 unless `--chown`;
 * - missing parent directories of the destination are created (0755).
 */
import type { Content } from '../content/Content';
import { toContent } from '../content/createContent';
import { FsError, type FileStat, type FileSystem } from '../unionfs/FileSystem';
import type { BuildContext } from './BuildContext';
import type { ChecksumNode, ChecksumSource } from './contentChecksum';

/** The read side of a filesystem, enough to copy from. */
export type ReadableFs = Pick<FileSystem, 'lstat' | 'stat' | 'readdir' | 'readFile' | 'readlink' | 'exists'>;

const abs = (p: string): string => '/' + p.replace(/^\/+/, '');

/** The build context as a read-only filesystem rooted at "/". */
export function contextFs(context: BuildContext): ReadableFs {
  const entry = (path: string, syscall: string) => {
    const rel = path.replace(/^\/+/, '').replace(/\/+$/, '');
    if (rel === '') return undefined;
    const found = context.get(rel);
    if (found === undefined) throw new FsError('ENOENT', syscall, path);
    return found;
  };
  const statOf = (e: ReturnType<typeof entry>): FileStat =>
    e === undefined
      ? { kind: 'dir', mode: 0o755, size: 4096, uid: 0, gid: 0, mtimeMs: 0 }
      : { kind: e.kind, mode: e.mode, size: e.kind === 'file' ? e.content.size : e.kind === 'symlink' ? e.linkTarget.length : 4096, uid: 0, gid: 0, mtimeMs: e.mtimeMs };
  const fs: ReadableFs = {
    lstat: (path) => statOf(entry(path, 'lstat')),
    stat: (path) => {
      let e = entry(path, 'stat');
      for (let hops = 0; e !== undefined && e.kind === 'symlink' && hops < 40; hops++) {
        const target = e.linkTarget.startsWith('/') ? e.linkTarget : `${e.path.slice(0, e.path.lastIndexOf('/') + 1)}${e.linkTarget}`;
        e = entry(abs(target), 'stat');
      }
      return statOf(e);
    },
    readdir: (path) => context.children(path.replace(/^\/+/, '').replace(/\/+$/, '')),
    readFile: (path) => {
      const e = entry(path, 'open');
      if (e === undefined || e.kind === 'dir') throw new FsError('EISDIR', 'read', path);
      if (e.kind === 'symlink') return fs.readFile(abs(e.linkTarget.startsWith('/') ? e.linkTarget : `${e.path.slice(0, e.path.lastIndexOf('/') + 1)}${e.linkTarget}`));
      return e.content;
    },
    readlink: (path) => {
      const e = entry(path, 'readlink');
      if (e === undefined || e.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
      return e.linkTarget;
    },
    exists: (path) => {
      try {
        fs.lstat(path);
        return true;
      } catch {
        return false;
      }
    },
  };
  return fs;
}

/** A `ChecksumSource` over any readable filesystem (owners reset to 0 as BuildKit's local source does). */
export function checksumSourceOf(fs: ReadableFs, resetOwners: boolean): ChecksumSource {
  return {
    node(path: string): ChecksumNode | undefined {
      let stat: FileStat;
      try {
        stat = fs.lstat(abs(path));
      } catch {
        return undefined;
      }
      return {
        kind: stat.kind,
        mode: stat.mode,
        uid: resetOwners ? 0 : stat.uid,
        gid: resetOwners ? 0 : stat.gid,
        size: stat.size,
        linkTarget: stat.kind === 'symlink' ? fs.readlink(abs(path)) : '',
        digest: () => fs.readFile(abs(path)).digest(),
      };
    },
    children: (path) => fs.readdir(abs(path)),
  };
}

const hasWildcard = (p: string): boolean => /[*?[]/.test(p);

function segmentRegex(segment: string): RegExp {
  let out = '^';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += '[' + segment.slice(i + 1, close).replace(/^!/, '^') + ']';
        i = close;
      }
    } else if (ch === '\\' && i + 1 < segment.length) out += '\\' + segment[++i];
    else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(out + '$');
}

/** The paths (absolute, cleaned) a source argument selects in `fs`; `[]` for an unmatched wildcard. */
export function selectSources(fs: ReadableFs, source: string, cwd = '/'): { paths: string[]; wildcard: boolean } {
  const joined = source.startsWith('/') ? source : `${cwd.replace(/\/$/, '')}/${source}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  if (!hasWildcard(source)) return { paths: [abs(parts.join('/'))], wildcard: false };
  let current = ['/'];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of current) {
      if (!hasWildcard(part)) {
        const candidate = dir === '/' ? `/${part}` : `${dir}/${part}`;
        if (fs.exists(candidate)) next.push(candidate);
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdir(dir);
      } catch {
        names = [];
      }
      const re = segmentRegex(part);
      for (const name of names) if (re.test(name)) next.push(dir === '/' ? `/${name}` : `${dir}/${name}`);
    }
    current = next;
  }
  return { paths: current.sort(), wildcard: true };
}

export interface CopyOptions {
  /** `--chmod` as octal permission bits. */
  readonly mode?: number;
  readonly uid: number;
  readonly gid: number;
  /** mtime for directories the copy has to create. */
  readonly nowMs: number;
}

function mkdirp(fs: FileSystem, path: string, options: CopyOptions): void {
  const parts = path.split('/').filter((p) => p !== '');
  let at = '';
  for (const part of parts) {
    at += '/' + part;
    if (fs.exists(at)) continue;
    fs.mkdir(at, { mode: 0o755 });
    fs.chown(at, options.uid, options.gid);
    fs.utimes(at, options.nowMs);
  }
}

function copyNode(src: ReadableFs, from: string, dst: FileSystem, to: string, options: CopyOptions, follow: boolean): number {
  const stat = follow ? src.stat(from) : src.lstat(from);
  let bytes = 0;
  if (stat.kind === 'symlink') {
    if (dst.exists(to) || isDanglingLink(dst, to)) dst.rm(to, { recursive: true, force: true });
    dst.symlink(src.readlink(from), to);
    dst.chown(to, options.uid, options.gid);
  } else if (stat.kind === 'dir') {
    if (!dst.exists(to)) {
      dst.mkdir(to, { mode: 0o755 });
    }
    for (const name of src.readdir(from)) {
      bytes += copyNode(src, `${from === '/' ? '' : from}/${name}`, dst, `${to === '/' ? '' : to}/${name}`, options, false);
    }
    if (to !== '/') {
      dst.chmod(to, options.mode ?? stat.mode);
      dst.chown(to, options.uid, options.gid);
      dst.utimes(to, stat.mtimeMs);
    }
  } else {
    const content: Content = src.readFile(from);
    if (dst.exists(to) && dst.lstat(to).kind === 'dir') dst.rm(to, { recursive: true });
    dst.writeFile(to, content, { mode: options.mode ?? stat.mode });
    dst.chmod(to, options.mode ?? stat.mode);
    dst.chown(to, options.uid, options.gid);
    dst.utimes(to, stat.mtimeMs);
    bytes += content.size;
  }
  return bytes;
}

function isDanglingLink(fs: FileSystem, path: string): boolean {
  try {
    return fs.lstat(path).kind === 'symlink';
  } catch {
    return false;
  }
}

/**
 * Copies the selected source paths to `dest` (absolute, already resolved against WORKDIR;
 * `destIsDir` when written with a trailing `/` or as `.`). Returns the bytes copied.
 */
export function copyInto(
  src: ReadableFs,
  sources: readonly string[],
  dst: FileSystem,
  dest: string,
  destIsDir: boolean,
  options: CopyOptions,
): number {
  let bytes = 0;
  const intoDir = destIsDir || sources.length > 1 || (dst.exists(dest) && dst.stat(dest).kind === 'dir');
  for (const source of sources) {
    const stat = src.stat(source);
    if (stat.kind === 'dir') {
      mkdirp(dst, dest, options);
      bytes += copyNode(src, source, dst, dest, options, true) ;
      continue;
    }
    const target = intoDir ? `${dest === '/' ? '' : dest}/${source.slice(source.lastIndexOf('/') + 1)}` : dest;
    mkdirp(dst, target.slice(0, target.lastIndexOf('/')) || '/', options);
    bytes += copyNode(src, source, dst, target, options, true);
  }
  return bytes;
}

/** An inline (heredoc) source as a one-file filesystem. */
export function inlineFs(name: string, text: string, mtimeMs: number): ReadableFs {
  const content = toContent(text);
  const path = abs(name);
  const stat: FileStat = { kind: 'file', mode: 0o644, size: content.size, uid: 0, gid: 0, mtimeMs };
  const fail = (syscall: string, p: string): never => {
    throw new FsError('ENOENT', syscall, p);
  };
  return {
    lstat: (p) => (p === path ? stat : fail('lstat', p)),
    stat: (p) => (p === path ? stat : fail('stat', p)),
    readdir: () => [name],
    readFile: (p) => (p === path ? content : fail('open', p)),
    readlink: (p) => fail('readlink', p),
    exists: (p) => p === path,
  };
}
