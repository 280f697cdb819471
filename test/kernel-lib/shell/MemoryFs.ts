/**
 * A plain in-memory `FileSystem` (no layers) for the shell's unit tests: one tree of nodes, POSIX
 * errors with the errno codes the contract names. Kept small and obvious so a shell test failure
 * points at the shell, not at the filesystem.
 */
import type { Content } from '../../../kernel-lib/src/content/Content';
import { EMPTY_CONTENT, concatContent, toContent } from '../../../kernel-lib/src/content';
import { FsError, type FileData, type FileStat, type FileSystem } from '../../../kernel-lib/src/unionfs/FileSystem';

type Node =
  | { kind: 'file'; mode: number; uid: number; gid: number; mtimeMs: number; content: Content }
  | { kind: 'dir'; mode: number; uid: number; gid: number; mtimeMs: number; children: Map<string, Node> }
  | { kind: 'symlink'; mode: number; uid: number; gid: number; mtimeMs: number; target: string };

export class MemoryFs implements FileSystem {
  readonly root: Node = { kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: 0, children: new Map() };
  now: () => number;

  constructor(now: () => number = () => Date.UTC(2025, 5, 2, 9, 0, 0)) {
    this.now = now;
  }

  #split(path: string): string[] {
    return path.split('/').filter((p) => p !== '');
  }

  /** Resolves a path; `follow` decides whether a final symlink is followed. */
  #lookup(path: string, follow: boolean, syscall: string, depth = 0): Node {
    if (depth > 40) throw new FsError('ELOOP', syscall, path);
    const parts = this.#split(path);
    let node: Node = this.root;
    let current = '';
    for (let i = 0; i < parts.length; i++) {
      if (node.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
      const child = node.children.get(parts[i] as string);
      if (child === undefined) throw new FsError('ENOENT', syscall, path);
      const last = i === parts.length - 1;
      if (child.kind === 'symlink' && (!last || follow)) {
        const target = child.target.startsWith('/') ? child.target : `${current}/${child.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.#lookup(`${target}${rest === '' ? '' : `/${rest}`}`, follow, syscall, depth + 1);
      }
      node = child;
      current = `${current}/${parts[i] as string}`;
    }
    return node;
  }

  #parent(path: string, syscall: string): { dir: Extract<Node, { kind: 'dir' }>; name: string } {
    const parts = this.#split(path);
    const name = parts.pop();
    if (name === undefined) throw new FsError('EBUSY', syscall, path);
    const dir = this.#lookup(`/${parts.join('/')}`, true, syscall);
    if (dir.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
    return { dir, name };
  }

  #stat(node: Node): FileStat {
    const size = node.kind === 'file' ? node.content.size : node.kind === 'dir' ? 4096 : Buffer.byteLength(node.target);
    return Object.freeze({ kind: node.kind, mode: node.mode, size, uid: node.uid, gid: node.gid, mtimeMs: node.mtimeMs });
  }

  stat(path: string): FileStat {
    return this.#stat(this.#lookup(path, true, 'stat'));
  }

  lstat(path: string): FileStat {
    return this.#stat(this.#lookup(path, false, 'lstat'));
  }

  exists(path: string): boolean {
    try {
      this.#lookup(path, true, 'stat');
      return true;
    } catch {
      return false;
    }
  }

  readFile(path: string): Content {
    const node = this.#lookup(path, true, 'open');
    if (node.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    if (node.kind !== 'file') throw new FsError('EINVAL', 'read', path);
    return node.content;
  }

  writeFile(path: string, data: FileData, options: { mode?: number } = {}): void {
    this.#write(path, toContent(data), false, options.mode);
  }

  appendFile(path: string, data: FileData): void {
    this.#write(path, toContent(data), true, undefined);
  }

  #write(path: string, content: Content, append: boolean, mode: number | undefined): void {
    let existing: Node | undefined;
    try {
      existing = this.#lookup(path, true, 'open');
    } catch (e) {
      if (!(e instanceof FsError && e.errno === 'ENOENT')) throw e;
    }
    if (existing !== undefined) {
      if (existing.kind === 'dir') throw new FsError('EISDIR', 'open', path);
      if (existing.kind === 'file') {
        existing.content = append ? concatContent(existing.content, content) : content;
        existing.mtimeMs = this.now();
        return;
      }
    }
    const { dir, name } = this.#parent(path, 'open');
    dir.children.set(name, { kind: 'file', mode: mode ?? 0o644, uid: 0, gid: 0, mtimeMs: this.now(), content });
    dir.mtimeMs = this.now();
  }

  truncate(path: string, size: number): void {
    const node = this.#lookup(path, true, 'truncate');
    if (node.kind !== 'file') throw new FsError('EISDIR', 'truncate', path);
    node.content = node.content.truncate(size);
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (options.recursive === true) {
      let current = '';
      for (const part of this.#split(path)) {
        current = `${current}/${part}`;
        if (!this.exists(current)) this.mkdir(current, { mode: options.mode });
        else if (this.stat(current).kind !== 'dir') throw new FsError('ENOTDIR', 'mkdir', path);
      }
      return;
    }
    const { dir, name } = this.#parent(path, 'mkdir');
    if (dir.children.has(name)) throw new FsError('EEXIST', 'mkdir', path);
    dir.children.set(name, { kind: 'dir', mode: options.mode ?? 0o755, uid: 0, gid: 0, mtimeMs: this.now(), children: new Map() });
    dir.mtimeMs = this.now();
  }

  readdir(path: string): string[] {
    const node = this.#lookup(path, true, 'scandir');
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', 'scandir', path);
    return [...node.children.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let parent: { dir: Extract<Node, { kind: 'dir' }>; name: string };
    try {
      parent = this.#parent(path, 'unlink');
    } catch (e) {
      if (options.force === true && e instanceof FsError && e.errno === 'ENOENT') return;
      throw e;
    }
    const node = parent.dir.children.get(parent.name);
    if (node === undefined) {
      if (options.force === true) return;
      throw new FsError('ENOENT', 'unlink', path);
    }
    if (node.kind === 'dir' && options.recursive !== true) throw new FsError('EISDIR', 'unlink', path);
    parent.dir.children.delete(parent.name);
    parent.dir.mtimeMs = this.now();
  }

  rmdir(path: string): void {
    const { dir, name } = this.#parent(path, 'rmdir');
    const node = dir.children.get(name);
    if (node === undefined) throw new FsError('ENOENT', 'rmdir', path);
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
    if (node.children.size > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    dir.children.delete(name);
    dir.mtimeMs = this.now();
  }

  rename(from: string, to: string): void {
    const src = this.#parent(from, 'rename');
    const node = src.dir.children.get(src.name);
    if (node === undefined) throw new FsError('ENOENT', 'rename', from);
    if (node.kind === 'dir' && (to === from || to.startsWith(`${from}/`))) throw new FsError('EINVAL', 'rename', from);
    const dst = this.#parent(to, 'rename');
    const existing = dst.dir.children.get(dst.name);
    if (existing !== undefined) {
      if (existing.kind === 'dir' && node.kind !== 'dir') throw new FsError('EISDIR', 'rename', to);
      if (existing.kind !== 'dir' && node.kind === 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (existing.kind === 'dir' && existing.children.size > 0) throw new FsError('ENOTEMPTY', 'rename', to);
    }
    src.dir.children.delete(src.name);
    dst.dir.children.set(dst.name, node);
  }

  chmod(path: string, mode: number): void {
    this.#lookup(path, true, 'chmod').mode = mode;
  }

  chown(path: string, uid: number, gid: number): void {
    const node = this.#lookup(path, true, 'chown');
    node.uid = uid;
    node.gid = gid;
  }

  symlink(target: string, path: string): void {
    const { dir, name } = this.#parent(path, 'symlink');
    if (dir.children.has(name)) throw new FsError('EEXIST', 'symlink', path);
    dir.children.set(name, { kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtimeMs: this.now(), target });
  }

  readlink(path: string): string {
    const node = this.#lookup(path, false, 'readlink');
    if (node.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return node.target;
  }

  utimes(path: string, mtimeMs: number): void {
    this.#lookup(path, true, 'utime').mtimeMs = mtimeMs;
  }

  /** Test helper: write files (creating parents) from a map of path → text. */
  seed(files: Readonly<Record<string, string>>): this {
    for (const [path, text] of Object.entries(files)) {
      const dir = path.slice(0, path.lastIndexOf('/'));
      if (dir !== '') this.mkdir(dir, { recursive: true });
      this.writeFile(path, text);
    }
    return this;
  }
}

export const EMPTY = EMPTY_CONTENT;

/** A filesystem like a small container's: /etc/passwd, /etc/group, /tmp, /root, /bin. */
export function containerFs(now?: () => number): MemoryFs {
  return new MemoryFs(now).seed({
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\n',
    '/etc/group': 'root:x:0:\nnogroup:x:65534:\napp:x:1000:\n',
    '/etc/hostname': 'c0ffee123456\n',
    '/root/.keep': '',
    '/tmp/.keep': '',
  });
}
