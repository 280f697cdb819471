/**
 * The filesystem a container's processes see: its root filesystem (the union of the image's layers,
 * the init layer and the writable layer) with the runtime's mounts on top — file bind mounts
 * (/etc/hostname, /etc/hosts, /etc/resolv.conf), the tmpfs on /dev, proc, sysfs and volumes.
 *
 * Paths are resolved here, component by component and following symlinks across mounts (a symlink
 * in the image pointing into a volume reaches the volume), so each filesystem underneath only
 * ever gets a path without symlinks in it. The kernel's rules for mount points apply:
 * - unlink, rmdir or rename of a mount point fails with EBUSY ("Resource busy");
 * - rename between two mounts fails with EXDEV (busybox `mv` then copies and deletes);
 * - mkdir or symlink onto a mount point fails with EEXIST;
 * - a read-only mount refuses changes with EROFS.
 */
import type { Content } from '../content/Content';
import { toContent } from '../content/createContent';
import { pathParts } from '../layer/FileTree';
import { FsError, type FileData, type FileStat, type FileSystem, type FsErrorCode } from '../unionfs/FileSystem';
import type { FsClock } from '../unionfs/FsClock';
import type { ContainerMount, DirMount, FileBindMount } from './ContainerMount';

const MAX_SYMLINKS = 40;

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Where a path lands: a bind-mounted file, or a path inside one filesystem (the rootfs or a mount). */
type Located =
  | { readonly kind: 'file'; readonly mount: FileBindMount; readonly path: string }
  | { readonly kind: 'fs'; readonly fs: FileSystem; readonly inner: string; readonly mount: DirMount | undefined; readonly path: string };

export class ContainerFs implements FileSystem {
  readonly rootfs: FileSystem;
  readonly mounts: readonly ContainerMount[];
  readonly #clock: FsClock;
  readonly #files = new Map<string, FileBindMount>();
  /** Directory mounts, deepest first (the longest prefix wins). */
  readonly #dirs: DirMount[];

  constructor(rootfs: FileSystem, mounts: readonly ContainerMount[], clock: FsClock) {
    this.rootfs = rootfs;
    this.mounts = Object.freeze([...mounts]);
    this.#clock = clock;
    for (const m of mounts) if (m.kind === 'file') this.#files.set(m.path, m);
    this.#dirs = mounts.filter((m): m is DirMount => m.kind === 'dir').sort((a, b) => b.path.length - a.path.length);
  }

  // ── resolution ────────────────────────────────────────────────────────────────────────────────

  #route(path: string): { fs: FileSystem; inner: string; mount: DirMount | undefined } {
    for (const m of this.#dirs) {
      if (path === m.path) return { fs: m.fs, inner: '/', mount: m };
      if (path.startsWith(`${m.path}/`)) return { fs: m.fs, inner: path.slice(m.path.length), mount: m };
    }
    return { fs: this.rootfs, inner: path, mount: undefined };
  }

  /** Resolves every symlink on the way (and the last one with `followLast`). A missing last name is fine. */
  #locate(path: string, followLast: boolean, syscall: string): Located {
    let todo = pathParts(path);
    let done: string[] = [];
    let links = 0;
    while (todo.length > 0) {
      const part = todo.shift() as string;
      if (part === '..') {
        done.pop();
        continue;
      }
      const candidate = [...done, part];
      const last = todo.length === 0;
      const here = `/${candidate.join('/')}`;
      const file = this.#files.get(here);
      if (file !== undefined) {
        if (!last) throw new FsError('ENOTDIR', syscall, path);
        return { kind: 'file', mount: file, path: here };
      }
      if (last && !followLast) {
        done = candidate;
        break;
      }
      const { fs, inner } = this.#route(here);
      let st: FileStat;
      try {
        st = fs.lstat(inner);
      } catch (error) {
        if (!(error instanceof FsError)) throw error;
        if (last && error.errno === 'ENOENT') {
          done = candidate;
          break;
        }
        throw new FsError(error.errno, syscall, path);
      }
      if (st.kind === 'symlink') {
        if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', syscall, path);
        const target = fs.readlink(inner);
        if (target.startsWith('/')) done = [];
        todo = [...pathParts(target), ...todo];
        continue;
      }
      if (!last && st.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
      done = candidate;
    }
    const full = `/${done.join('/')}`;
    const file = this.#files.get(full);
    if (file !== undefined) return { kind: 'file', mount: file, path: full };
    return { kind: 'fs', ...this.#route(full), path: full };
  }

  /** Runs `op` on the filesystem the path lands in, with the caller's path in any error. */
  #call<T>(at: Located & { kind: 'fs' }, syscall: string, path: string, op: (fs: FileSystem, inner: string) => T): T {
    try {
      return op(at.fs, at.inner);
    } catch (error) {
      if (error instanceof FsError) throw new FsError(error.errno, error.syscall || syscall, path);
      throw error;
    }
  }

  #writable(at: Located, syscall: string, path: string): void {
    if (at.kind === 'fs' && at.mount?.readOnly) throw new FsError('EROFS', syscall, path);
  }

  #isMountPoint(at: Located): boolean {
    return at.kind === 'file' || (at.mount !== undefined && at.inner === '/');
  }

  #fail(errno: FsErrorCode, syscall: string, path: string): never {
    throw new FsError(errno, syscall, path);
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────

  stat(path: string): FileStat {
    const at = this.#locate(path, true, 'stat');
    return at.kind === 'file' ? at.mount.file.stat() : this.#call(at, 'stat', path, (fs, p) => fs.stat(p));
  }

  lstat(path: string): FileStat {
    const at = this.#locate(path, false, 'lstat');
    return at.kind === 'file' ? at.mount.file.stat() : this.#call(at, 'lstat', path, (fs, p) => fs.lstat(p));
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch (error) {
      if (error instanceof FsError) return false;
      throw error;
    }
  }

  readFile(path: string): Content {
    const at = this.#locate(path, true, 'open');
    return at.kind === 'file' ? at.mount.file.content : this.#call(at, 'open', path, (fs, p) => fs.readFile(p));
  }

  readdir(path: string): string[] {
    const at = this.#locate(path, true, 'scandir');
    if (at.kind === 'file') this.#fail('ENOTDIR', 'scandir', path);
    return this.#call(at, 'scandir', path, (fs, p) => fs.readdir(p));
  }

  readlink(path: string): string {
    const at = this.#locate(path, false, 'readlink');
    if (at.kind === 'file') this.#fail('EINVAL', 'readlink', path);
    return this.#call(at, 'readlink', path, (fs, p) => fs.readlink(p));
  }

  // ── writing ───────────────────────────────────────────────────────────────────────────────────

  writeFile(path: string, data: FileData, options: { mode?: number } = {}): void {
    const at = this.#locate(path, true, 'open');
    if (at.kind === 'file') {
      at.mount.file.content = toContent(data);
      at.mount.file.mtimeMs = this.#clock.now();
      return;
    }
    this.#writable(at, 'open', path);
    this.#call(at, 'open', path, (fs, p) => fs.writeFile(p, data, options));
  }

  appendFile(path: string, data: FileData): void {
    const at = this.#locate(path, true, 'open');
    if (at.kind === 'file') {
      at.mount.file.content = at.mount.file.content.append(toContent(data));
      at.mount.file.mtimeMs = this.#clock.now();
      return;
    }
    this.#writable(at, 'open', path);
    this.#call(at, 'open', path, (fs, p) => fs.appendFile(p, data));
  }

  truncate(path: string, size: number): void {
    const at = this.#locate(path, true, 'open');
    if (at.kind === 'file') {
      at.mount.file.content = at.mount.file.content.truncate(size);
      at.mount.file.mtimeMs = this.#clock.now();
      return;
    }
    this.#writable(at, 'open', path);
    this.#call(at, 'open', path, (fs, p) => fs.truncate(p, size));
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (options.recursive) {
      // mkdir -p through the mounts: each missing component is made where it lands.
      const parts = pathParts(path).filter((p) => p !== '..');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join('/')}`;
        let st: FileStat | undefined;
        try {
          st = this.stat(prefix);
        } catch (error) {
          if (!(error instanceof FsError)) throw error;
          if (error.errno !== 'ENOENT') throw new FsError(error.errno, 'mkdir', path);
          let dangling = false;
          try {
            dangling = this.lstat(prefix).kind === 'symlink';
          } catch {
            /* absent */
          }
          if (dangling) throw new FsError('ENOENT', 'mkdir', path);
        }
        if (st === undefined) this.mkdir(prefix, { mode: options.mode });
        else if (st.kind !== 'dir') throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
      }
      return;
    }
    const at = this.#locate(path, false, 'mkdir');
    if (this.#isMountPoint(at)) this.#fail('EEXIST', 'mkdir', path);
    this.#writable(at, 'mkdir', path);
    this.#call(at as Located & { kind: 'fs' }, 'mkdir', path, (fs, p) => fs.mkdir(p, { mode: options.mode }));
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let at: Located;
    try {
      at = this.#locate(path, false, 'unlink');
    } catch (error) {
      if (options.force && error instanceof FsError && error.errno === 'ENOENT') return;
      throw error;
    }
    if (this.#isMountPoint(at)) this.#fail('EBUSY', at.kind === 'file' ? 'unlink' : 'rmdir', path);
    const inFs = at as Located & { kind: 'fs' };
    let st: FileStat;
    try {
      st = inFs.fs.lstat(inFs.inner);
    } catch (error) {
      if (options.force && error instanceof FsError && error.errno === 'ENOENT') return;
      if (error instanceof FsError) throw new FsError(error.errno, 'unlink', path);
      throw error;
    }
    this.#writable(at, 'unlink', path);
    if (st.kind !== 'dir' || !options.recursive || !this.#hasMountsBelow(inFs.path)) {
      this.#call(inFs, 'unlink', path, (fs, p) => fs.rm(p, options));
      return;
    }
    // A tree with mount points inside: child by child (as rm -r does), the mount points refuse
    // with EBUSY and the directory then stays.
    let first: unknown;
    for (const name of this.readdir(inFs.path)) {
      try {
        this.rm(`${inFs.path}/${name}`, { recursive: true });
      } catch (error) {
        first ??= error;
      }
    }
    if (first !== undefined) throw first;
    this.rmdir(inFs.path);
  }

  #hasMountsBelow(path: string): boolean {
    return this.mounts.some((m) => m.path.startsWith(`${path}/`));
  }

  rmdir(path: string): void {
    const at = this.#locate(path, false, 'rmdir');
    if (at.kind === 'file') this.#fail('ENOTDIR', 'rmdir', path);
    if (this.#isMountPoint(at)) this.#fail('EBUSY', 'rmdir', path);
    this.#writable(at, 'rmdir', path);
    this.#call(at as Located & { kind: 'fs' }, 'rmdir', path, (fs, p) => fs.rmdir(p));
  }

  rename(from: string, to: string): void {
    const a = this.#locate(from, false, 'rename');
    const b = this.#locate(to, false, 'rename');
    // The kernel's order (do_renameat2, vfs_rename): two different mounts → EXDEV; a source that is
    // an ancestor of the target → EINVAL, the reverse → ENOTEMPTY; then the type checks; then a
    // mount point on either side → EBUSY. A mount point belongs to its parent's mount.
    if (this.#route(parentOf(a.path)).fs !== this.#route(parentOf(b.path)).fs) this.#fail('EXDEV', 'rename', from);
    const src = this.#lstatAt(a);
    const dst = this.#lstatAt(b);
    if (src === undefined) this.#fail('ENOENT', 'rename', from);
    if (a.path === b.path) return;
    if (b.path.startsWith(`${a.path}/`)) this.#fail('EINVAL', 'rename', from);
    if (a.path.startsWith(`${b.path}/`)) this.#fail('ENOTEMPTY', 'rename', from);
    if (dst !== undefined && src.kind === 'dir' && dst.kind !== 'dir') this.#fail('ENOTDIR', 'rename', from);
    if (dst !== undefined && src.kind !== 'dir' && dst.kind === 'dir') this.#fail('EISDIR', 'rename', from);
    if (this.#isMountPoint(a)) this.#fail('EBUSY', 'rename', from);
    if (this.#isMountPoint(b)) this.#fail('EBUSY', 'rename', to);
    const s = a as Located & { kind: 'fs' };
    const d = b as Located & { kind: 'fs' };
    if (s.fs !== d.fs) this.#fail('EXDEV', 'rename', from);
    this.#writable(a, 'rename', from);
    this.#call(s, 'rename', from, (fs, p) => fs.rename(p, d.inner));
  }

  #lstatAt(at: Located): FileStat | undefined {
    if (at.kind === 'file') return at.mount.file.stat();
    try {
      return at.fs.lstat(at.inner);
    } catch (error) {
      if (error instanceof FsError && error.errno === 'ENOENT') return undefined;
      throw error;
    }
  }

  chmod(path: string, mode: number): void {
    const at = this.#locate(path, true, 'chmod');
    if (at.kind === 'file') {
      at.mount.file.mode = mode & 0o7777;
      return;
    }
    this.#writable(at, 'chmod', path);
    this.#call(at, 'chmod', path, (fs, p) => fs.chmod(p, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    const at = this.#locate(path, true, 'chown');
    if (at.kind === 'file') {
      at.mount.file.uid = uid;
      at.mount.file.gid = gid;
      return;
    }
    this.#writable(at, 'chown', path);
    this.#call(at, 'chown', path, (fs, p) => fs.chown(p, uid, gid));
  }

  utimes(path: string, mtimeMs: number): void {
    const at = this.#locate(path, true, 'utime');
    if (at.kind === 'file') {
      at.mount.file.mtimeMs = mtimeMs;
      return;
    }
    this.#writable(at, 'utime', path);
    this.#call(at, 'utime', path, (fs, p) => fs.utimes(p, mtimeMs));
  }

  symlink(target: string, path: string): void {
    const at = this.#locate(path, false, 'symlink');
    if (this.#isMountPoint(at)) this.#fail('EEXIST', 'symlink', path);
    this.#writable(at, 'symlink', path);
    this.#call(at as Located & { kind: 'fs' }, 'symlink', path, (fs, p) => fs.symlink(target, p));
  }
}
