/**
 * A union filesystem as overlayfs builds it for a container: read-only lower layers (indexed once,
 * see lowerIndex.ts) under one writable upper directory.
 *
 * - Lookup goes top-down: the upper entry wins; a whiteout hides the name; an opaque upper
 *   directory hides everything below it.
 * - Changing a lower object first copies it up (copyUp.ts), counting the bytes copied.
 * - Deleting a name that exists below leaves a whiteout; a directory made where a whiteout is
 *   becomes opaque.
 * - Renaming a directory that exists in a lower layer fails with EXDEV, as overlayfs does without
 *   `redirect_dir` (Docker's default; the kernel here reports redirect_dir=N): `mv` then copies and
 *   deletes. Renaming files copies them up first.
 * Every behaviour is checked against the real kernel by test/peers/overlayfs.test.ts.
 *
 * @example
 *   const fs = new UnionFs({ layers: [base, app] });
 *   fs.appendFile('/etc/hosts', '10.0.0.2 db\n');   // copy-up of /etc/hosts (its whole size)
 *   fs.copiedUpBytes;                               // bytes the kernel would have copied
 *   fs.upperAsLayer();                              // the container's changes as an OCI layer
 */
import type { Content } from '../content/Content';
import { toContent } from '../content/createContent';
import { FileTree, compareNames, newDirNode, type TreeDirNode, type TreeNode } from '../layer/FileTree';
import type { Layer } from '../layer/Layer';
import { layerFromTree } from '../layer/layerFromTree';
import { printFileTree, type PrintTreeOptions } from '../layer/printTree';
import { copyUp, ensureUpperDir, entryPath, mergedDirPath, refresh, type CopyUpReason, type CopyUpRecord } from './copyUp';
import { FsError, type FileData, type FileStat, type FileSystem } from './FileSystem';
import { tickingClock, type FsClock } from './FsClock';
import { lowerIndex, type LowerLayer } from './lowerIndex';
import { childDir, lookupChild, resolveMerged, resolvedDir, type MergedDir, type MergedEntry, type Resolved } from './mergedPath';

export interface UnionFsOptions {
  /** Lower layers, bottom first (read-only). */
  layers?: readonly LowerLayer[];
  /** Where mtimes come from (default: a deterministic ticking clock). */
  clock?: FsClock;
  /** Mode bits cleared on create (default 0o022, as in a container). */
  umask?: number;
}

/** A directory's size as ext4 and busybox `ls -l` show it. */
const DIR_SIZE = 4096;

export class UnionFs implements FileSystem {
  /** The indexed lower layers (shared, read-only). */
  readonly lower: FileTree;
  /** The writable upper directory: copied-up and new objects, whiteouts, opaque directories. */
  readonly upper: FileTree;
  readonly clock: FsClock;
  readonly umask: number;
  readonly #copyUps: CopyUpRecord[] = [];
  #copiedUpBytes = 0;

  constructor(options: UnionFsOptions = {}) {
    this.lower = lowerIndex(options.layers ?? []);
    const root = this.lower.root;
    this.upper = new FileTree(newDirNode({ mode: root.mode, uid: root.uid, gid: root.gid, mtimeMs: root.mtimeMs }));
    this.clock = options.clock ?? tickingClock();
    this.umask = options.umask ?? 0o022;
  }

  /** Total file bytes copied up from lower layers so far. */
  get copiedUpBytes(): number {
    return this.#copiedUpBytes;
  }

  /** Every copy-up so far, in order (parents included, with 0 bytes). */
  get copyUps(): readonly CopyUpRecord[] {
    return this.#copyUps;
  }

  // ── lookup ────────────────────────────────────────────────────────────────────────────────────

  #root(): MergedDir {
    return { upper: this.upper.root, lower: this.upper.root.opaque ? undefined : this.lower.root, parent: undefined, name: '' };
  }

  #resolve(path: string, followLast: boolean, syscall: string): Resolved {
    return resolveMerged(this.#root(), path, followLast, syscall);
  }

  /** The existing entry at `path`, or ENOENT. `undefined` entry means the root. */
  #existing(path: string, followLast: boolean, syscall: string): { entry: MergedEntry | undefined; node: TreeNode } {
    const r = this.#resolve(path, followLast, syscall);
    if (r.root) return { entry: undefined, node: r.root.upper as TreeDirNode };
    const entry = r.entry as MergedEntry;
    if (entry.node === undefined) throw new FsError('ENOENT', syscall, path);
    return { entry, node: entry.node };
  }

  #record = (r: CopyUpRecord): void => {
    this.#copyUps.push(Object.freeze(r));
    this.#copiedUpBytes += r.bytes;
  };

  #touchDir(dir: MergedDir): void {
    ensureUpperDir(dir, this.#record).mtimeMs = this.clock.now();
  }

  /** The upper node of an existing entry, copied up if needed. */
  #upperOf(entry: MergedEntry | undefined, reason: CopyUpReason, withData: boolean): TreeNode {
    if (entry === undefined) return this.upper.root;
    return copyUp(entry, reason, withData, this.#record);
  }

  stat(path: string): FileStat {
    return statOf(this.#existing(path, true, 'stat').node);
  }

  lstat(path: string): FileStat {
    return statOf(this.#existing(path, false, 'lstat').node);
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
    const { node } = this.#existing(path, true, 'open');
    if (node.kind === 'dir') throw new FsError('EISDIR', 'read', path);
    return (node as { content: Content }).content;
  }

  readdir(path: string): string[] {
    const dir = resolvedDir(this.#resolve(path, true, 'scandir'), 'scandir', path);
    return mergedNames(dir);
  }

  readlink(path: string): string {
    const { node } = this.#existing(path, false, 'readlink');
    if (node.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return node.target;
  }

  // ── writing files ─────────────────────────────────────────────────────────────────────────────

  /** An open(2) with O_CREAT on the final (followed) name: the existing entry, or a new empty file. */
  #openForWrite(path: string, syscall: string, mode: number | undefined): { entry: MergedEntry; created: boolean } {
    const r = this.#resolve(path, true, syscall);
    if (r.root) throw new FsError('EISDIR', syscall, path);
    const entry = r.entry as MergedEntry;
    if (entry.node?.kind === 'dir') throw new FsError('EISDIR', syscall, path);
    if (entry.node !== undefined) return { entry, created: false };
    const parent = ensureUpperDir(entry.dir, this.#record);
    const now = this.clock.now();
    parent.children.set(entry.name, {
      kind: 'file',
      content: toContent(''),
      mode: (mode ?? 0o666) & ~this.umask & 0o7777,
      uid: 0,
      gid: 0,
      mtimeMs: now,
      layer: -1,
    });
    parent.mtimeMs = now;
    return { entry: refresh(entry), created: true };
  }

  writeFile(path: string, data: FileData, options: { mode?: number } = {}): void {
    const { entry } = this.#openForWrite(path, 'open', options.mode);
    // O_TRUNC: a lower file is copied up without its data (measured: instant for 1 GiB).
    const node = copyUp(entry, 'write', false, this.#record) as { content: Content; mtimeMs: number };
    node.content = toContent(data);
    node.mtimeMs = this.clock.now();
  }

  appendFile(path: string, data: FileData): void {
    const { entry } = this.#openForWrite(path, 'open', undefined);
    const node = copyUp(entry, 'append', true, this.#record) as { content: Content; mtimeMs: number };
    node.content = node.content.append(toContent(data));
    node.mtimeMs = this.clock.now();
  }

  truncate(path: string, size: number): void {
    const { entry, node } = this.#existing(path, true, 'open');
    if (node.kind === 'dir') throw new FsError('EISDIR', 'open', path);
    if (!Number.isSafeInteger(size) || size < 0) throw new FsError('EINVAL', 'ftruncate', path);
    const upper = this.#upperOf(entry, 'truncate', true) as { content: Content; mtimeMs: number };
    upper.content = upper.content.truncate(size);
    upper.mtimeMs = this.clock.now();
  }

  // ── directories ───────────────────────────────────────────────────────────────────────────────

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    const mode = (options.mode ?? 0o777) & ~this.umask & 0o7777;
    if (!options.recursive) {
      const r = this.#resolve(path, false, 'mkdir');
      if (r.root) throw new FsError('EEXIST', 'mkdir', path);
      this.#mkdirAt(r.entry as MergedEntry, mode, path);
      return;
    }
    // mkdir -p as Node's MKDirpSync does it: an existing name must stat (following symlinks) as a
    // directory — a dangling symlink gives stat's ENOENT; a non-directory gives EEXIST at the end
    // of the path and ENOTDIR before it.
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = `/${parts.slice(0, i).join('/')}`;
      const r = this.#resolve(prefix, false, 'mkdir');
      if (r.root) continue;
      const entry = r.entry as MergedEntry;
      if (entry.node === undefined) {
        this.#mkdirAt(entry, mode, prefix);
        continue;
      }
      let target: FileStat;
      try {
        target = this.stat(prefix);
      } catch (error) {
        if (error instanceof FsError) throw new FsError(error.errno, 'mkdir', path);
        throw error;
      }
      if (target.kind !== 'dir') throw new FsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
    }
  }

  #mkdirAt(entry: MergedEntry, mode: number, path: string): void {
    if (entry.node !== undefined) throw new FsError('EEXIST', 'mkdir', path);
    const parent = ensureUpperDir(entry.dir, this.#record);
    const now = this.clock.now();
    const dir = newDirNode({ mode, mtimeMs: now });
    // Made where a whiteout is (the name exists below): opaque, so the old children stay hidden.
    dir.opaque = entry.lowerExists;
    parent.children.set(entry.name, dir);
    parent.mtimeMs = now;
  }

  rmdir(path: string): void {
    const r = this.#resolve(path, false, 'rmdir');
    if (r.root) throw new FsError('EBUSY', 'rmdir', path);
    const entry = r.entry as MergedEntry;
    if (entry.node === undefined) throw new FsError('ENOENT', 'rmdir', path);
    if (entry.node.kind !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
    if (mergedNames(childDir(entry)).length > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    this.#removeEntry(entry);
  }

  /** unlink/rmdir of an existing entry: a whiteout when the name exists below, else just gone. */
  #removeEntry(entry: MergedEntry): void {
    const parent = ensureUpperDir(entry.dir, this.#record);
    const now = this.clock.now();
    if (entry.lowerExists) parent.children.set(entry.name, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtimeMs: now, layer: -1 });
    else parent.children.delete(entry.name);
    parent.mtimeMs = now;
  }

  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const r = this.#resolve(path, false, 'unlink');
    if (r.root) throw new FsError(options.recursive ? 'EBUSY' : 'EISDIR', options.recursive ? 'rmdir' : 'unlink', path);
    const entry = r.entry as MergedEntry;
    if (entry.node === undefined) {
      if (options.force) return;
      throw new FsError('ENOENT', 'unlink', path);
    }
    if (entry.node.kind !== 'dir') {
      this.#removeEntry(entry);
      return;
    }
    if (!options.recursive) throw new FsError('EISDIR', 'unlink', path);
    // rm -r: children first (each an unlink/rmdir, as coreutils and busybox do), then the directory.
    const base = path.endsWith('/') ? path.slice(0, -1) : path;
    for (const name of mergedNames(childDir(entry))) this.rm(`${base}/${name}`, { recursive: true });
    this.rmdir(path);
  }

  // ── rename ────────────────────────────────────────────────────────────────────────────────────

  rename(from: string, to: string): void {
    const a = this.#resolve(from, false, 'rename');
    const b = this.#resolve(to, false, 'rename');
    if (a.root || b.root) throw new FsError('EBUSY', 'rename', a.root ? from : to);
    const src = a.entry as MergedEntry;
    const dst = b.entry as MergedEntry;
    if (src.node === undefined) throw new FsError('ENOENT', 'rename', from);
    if (src.name === dst.name && sameDir(src.dir, dst.dir)) return;
    const srcIsDir = src.node.kind === 'dir';
    // do_renameat2's checks come first: the source may not be an ancestor of the target (EINVAL),
    // the target not an ancestor of the source (ENOTEMPTY); then vfs_rename's type checks.
    if (srcIsDir && isInside(dst.dir, src)) throw new FsError('EINVAL', 'rename', from);
    if (dst.node?.kind === 'dir' && isInside(src.dir, dst)) throw new FsError('ENOTEMPTY', 'rename', from);
    if (dst.node !== undefined) {
      if (srcIsDir && dst.node.kind !== 'dir') throw new FsError('ENOTDIR', 'rename', from);
      if (!srcIsDir && dst.node.kind === 'dir') throw new FsError('EISDIR', 'rename', from);
    }
    if (src.node === dst.node) return; // hard links to one inode: nothing to do (rename(2))
    // overlayfs without redirect_dir: a directory with a lower part (merged or lower-only) cannot be
    // moved (ovl_can_move). A directory made opaque over a deleted name has no lower part: it can.
    if (srcIsDir && childDir(src).lower !== undefined) throw new FsError('EXDEV', 'rename', from);
    if (dst.node?.kind === 'dir' && mergedNames(childDir(dst)).length > 0) {
      if (childDir(dst).lower === undefined) {
        // A target made in the upper dir: ovl_rename has already copied up the target's parent and
        // marked the moved directory opaque when the upper fs's rename fails — and they stay
        // (found by the kernel comparison, seed 2134).
        ensureUpperDir(dst.dir, this.#record);
        if (src.upper?.kind === 'dir' && !src.upper.opaque && dst.dir.lower !== undefined) src.upper.opaque = true;
      }
      throw new FsError('ENOTEMPTY', 'rename', from);
    }

    const node = copyUp(src, 'rename', true, this.#record);
    const srcParent = ensureUpperDir(src.dir, this.#record);
    const dstParent = ensureUpperDir(dst.dir, this.#record);
    const now = this.clock.now();
    if (src.lowerExists) srcParent.children.set(src.name, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtimeMs: now, layer: -1 });
    else srcParent.children.delete(src.name);
    // A directory moved into a merged directory is marked opaque (ovl_rename), so nothing below shows through.
    if (node.kind === 'dir' && !node.opaque && dst.dir.lower !== undefined) node.opaque = true;
    dstParent.children.set(dst.name, node);
    srcParent.mtimeMs = now;
    dstParent.mtimeMs = now;
  }

  // ── attributes and links ──────────────────────────────────────────────────────────────────────

  chmod(path: string, mode: number): void {
    const { entry } = this.#existing(path, true, 'chmod');
    this.#upperOf(entry, 'chmod', true).mode = mode & 0o7777;
  }

  chown(path: string, uid: number, gid: number): void {
    const { entry } = this.#existing(path, true, 'chown');
    const node = this.#upperOf(entry, 'chown', true);
    node.uid = uid;
    node.gid = gid;
  }

  utimes(path: string, mtimeMs: number): void {
    const { entry } = this.#existing(path, true, 'utime');
    this.#upperOf(entry, 'utimes', true).mtimeMs = mtimeMs;
  }

  symlink(target: string, path: string): void {
    const r = this.#resolve(path, false, 'symlink');
    if (r.root) throw new FsError('EEXIST', 'symlink', path);
    const entry = r.entry as MergedEntry;
    if (entry.node !== undefined) throw new FsError('EEXIST', 'symlink', path);
    const parent = ensureUpperDir(entry.dir, this.#record);
    const now = this.clock.now();
    parent.children.set(entry.name, { kind: 'symlink', target, mode: 0o777, uid: 0, gid: 0, mtimeMs: now, layer: -1 });
    parent.mtimeMs = now;
  }

  // ── views ─────────────────────────────────────────────────────────────────────────────────────

  /** The merged view as one tree (what the container sees; for export and for comparisons). */
  mergedTree(): FileTree {
    const build = (dir: MergedDir, self: TreeDirNode): TreeDirNode => {
      const out: TreeDirNode = { ...self, children: new Map(), opaque: false };
      for (const name of mergedNames(dir)) {
        const entry = lookupChild(dir, name);
        const node = entry.node as TreeNode;
        out.children.set(name, node.kind === 'dir' ? build(childDir(entry), node) : { ...node });
      }
      return out;
    };
    return new FileTree(build(this.#root(), this.upper.root));
  }

  /** The upper directory's changes as an OCI layer (whiteouts → `.wh.` files, opaque → `.wh..wh..opq`). */
  upperAsLayer(): Layer {
    return layerFromTree(this.upper);
  }

  /** The merged view as a printed tree (see printFileTree). */
  print(options?: PrintTreeOptions): string {
    return printFileTree(this.mergedTree(), options);
  }

  /** The upper directory as a printed tree, whiteouts and opaque marks shown. */
  printUpper(options?: PrintTreeOptions): string {
    return printFileTree(this.upper, options);
  }
}

function statOf(node: TreeNode): FileStat {
  const size = node.kind === 'file' ? node.content.size : node.kind === 'symlink' ? Buffer.byteLength(node.target) : DIR_SIZE;
  return Object.freeze({
    kind: node.kind === 'whiteout' ? 'file' : node.kind,
    mode: node.mode,
    size,
    uid: node.uid,
    gid: node.gid,
    mtimeMs: node.mtimeMs,
  });
}

/** Names visible in a merged directory, in byte order. */
export function mergedNames(dir: MergedDir): string[] {
  const names = new Set<string>();
  if (dir.upper) for (const [name, node] of dir.upper.children) if (node.kind !== 'whiteout') names.add(name);
  if (dir.lower) for (const name of dir.lower.children.keys()) if (!dir.upper?.children.has(name)) names.add(name);
  return [...names].sort(compareNames);
}

/** Two lookups name the same directory when their real paths agree (lookups resolve symlinks). */
function sameDir(a: MergedDir, b: MergedDir): boolean {
  return a === b || mergedDirPath(a) === mergedDirPath(b);
}

/** True when `dir` is `entry` itself or below it (moving a directory into itself: EINVAL). */
function isInside(dir: MergedDir, entry: MergedEntry): boolean {
  const self = entryPath(entry);
  const target = mergedDirPath(dir);
  return target === self || target.startsWith(`${self}/`);
}
