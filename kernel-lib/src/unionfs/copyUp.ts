/**
 * Copy-up: before anything in a lower layer is changed, overlayfs copies it into the upper
 * directory — the parent directories first (attributes only), then the object itself. Measured on
 * the kernel here (and kept by test/peers/overlayfs.test.ts):
 * - append, truncate(2), chmod, chown, utimes and rename of a lower file copy its **whole data**
 *   (1 GiB lower file, `echo x >>` → 3.6 s; `chmod` → 3.3 s);
 * - open with O_TRUNC (`echo x > file`, writeFile) copies up **no data** — only the attributes;
 * - directories and symlinks copy no file data.
 * Every copy-up is recorded with the bytes it copied, which the container's cost model turns into time.
 */
import type { FileKind } from './FileSystem';
import type { TreeDirNode, TreeNode } from '../layer/FileTree';
import { lookupChild, type MergedDir, type MergedEntry } from './mergedPath';

/** Why a copy-up happened: the operation that needed to change a lower object. */
export type CopyUpReason = 'write' | 'append' | 'truncate' | 'chmod' | 'chown' | 'utimes' | 'rename' | 'parent';

export interface CopyUpRecord {
  readonly reason: CopyUpReason;
  /** Merged path of the object copied up ("/etc/nginx/nginx.conf"). */
  readonly path: string;
  readonly kind: FileKind;
  /** File bytes copied (0 for directories, symlinks and O_TRUNC opens). */
  readonly bytes: number;
}

export function mergedDirPath(dir: MergedDir): string {
  const names: string[] = [];
  for (let d: MergedDir | undefined = dir; d?.parent; d = d.parent) names.unshift(d.name);
  return `/${names.join('/')}`;
}

export function entryPath(entry: MergedEntry): string {
  const parent = mergedDirPath(entry.dir);
  return parent === '/' ? `/${entry.name}` : `${parent}/${entry.name}`;
}

/** Makes sure `dir` exists in the upper directory (copying up its ancestors' attributes first). */
export function ensureUpperDir(dir: MergedDir, record: (r: CopyUpRecord) => void): TreeDirNode {
  if (dir.upper) return dir.upper;
  const parent = dir.parent;
  if (!parent) throw new Error('the root always has an upper directory');
  const parentUpper = ensureUpperDir(parent, record);
  // Another lookup of the same directory may have copied it up already.
  const existing = parentUpper.children.get(dir.name);
  if (existing?.kind === 'dir') {
    dir.upper = existing;
    return existing;
  }
  const lower = dir.lower as TreeDirNode;
  const copy: TreeDirNode = {
    kind: 'dir',
    children: new Map(),
    opaque: false,
    mode: lower.mode,
    uid: lower.uid,
    gid: lower.gid,
    mtimeMs: lower.mtimeMs,
    layer: -1,
  };
  parentUpper.children.set(dir.name, copy);
  dir.upper = copy;
  record({ reason: 'parent', path: mergedDirPath(dir), kind: 'dir', bytes: 0 });
  return copy;
}

/**
 * The upper node of `entry`, copying it up when it is only in a lower layer. `withData: false` is
 * the O_TRUNC case (attributes only; the caller replaces the content).
 */
export function copyUp(
  entry: MergedEntry,
  reason: CopyUpReason,
  withData: boolean,
  record: (r: CopyUpRecord) => void,
): TreeNode {
  if (entry.upper) return entry.upper;
  const lower = entry.lower as TreeNode;
  const parentUpper = ensureUpperDir(entry.dir, record);
  const existing = parentUpper.children.get(entry.name);
  if (existing !== undefined && existing.kind !== 'whiteout') return existing;
  let copy: TreeNode;
  let bytes = 0;
  if (lower.kind === 'dir') {
    copy = { kind: 'dir', children: new Map(), opaque: false, mode: lower.mode, uid: lower.uid, gid: lower.gid, mtimeMs: lower.mtimeMs, layer: -1 };
  } else if (lower.kind === 'file') {
    bytes = withData ? lower.content.size : 0;
    // Content values are immutable: the copy shares them; `bytes` is what the kernel would copy.
    copy = { ...lower, layer: -1 };
  } else {
    copy = { ...lower, layer: -1 };
  }
  parentUpper.children.set(entry.name, copy);
  record({ reason, path: entryPath(entry), kind: lower.kind === 'whiteout' ? 'file' : lower.kind, bytes });
  return copy;
}

/** The entry again after a change to its directory (entries are snapshots of a lookup). */
export function refresh(entry: MergedEntry): MergedEntry {
  return lookupChild(entry.dir, entry.name);
}
