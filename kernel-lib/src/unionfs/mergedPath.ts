/**
 * Path lookup in the merged view of an overlay: the upper directory over the indexed lower tree.
 * Each directory on the way is a `MergedDir` — its upper part (if copied up or created), its visible
 * lower part (none once the upper part is opaque) and its parent, so ".." and copy-up of parents
 * work after symlinks. Cost: one step per path component, independent of the number of layers.
 */
import type { TreeDirNode, TreeNode } from '../layer/FileTree';
import { pathParts } from '../layer/FileTree';
import { FsError } from './FileSystem';

export interface MergedDir {
  upper: TreeDirNode | undefined;
  lower: TreeDirNode | undefined;
  readonly parent: MergedDir | undefined;
  readonly name: string;
}

/** One name inside a merged directory. */
export interface MergedEntry {
  readonly dir: MergedDir;
  readonly name: string;
  /** The upper node, when it is not a whiteout. */
  readonly upper: TreeNode | undefined;
  /** The lower node shown through (absent under an opaque dir or an upper non-directory). */
  readonly lower: TreeNode | undefined;
  /** A lower node exists at this name (visible or whited out): deleting needs a whiteout. */
  readonly lowerExists: boolean;
  /** What a reader sees: the upper node, else the lower; undefined when absent or whited out. */
  readonly node: TreeNode | undefined;
}

const MAX_SYMLINK_HOPS = 40;

export function lookupChild(dir: MergedDir, name: string): MergedEntry {
  const up = dir.upper?.children.get(name);
  const low = dir.lower?.children.get(name);
  const whiteout = up?.kind === 'whiteout';
  const upper = whiteout ? undefined : up;
  const lower = whiteout || (upper !== undefined && upper.kind !== 'dir') ? undefined : low;
  return { dir, name, upper, lower, lowerExists: low !== undefined, node: upper ?? lower };
}

/** The merged directory an entry names (the caller checked it is a directory). */
export function childDir(entry: MergedEntry): MergedDir {
  const upper = entry.upper?.kind === 'dir' ? entry.upper : undefined;
  const lowerVisible = upper === undefined || !upper.opaque;
  const lower = lowerVisible && entry.lower?.kind === 'dir' ? entry.lower : undefined;
  return { upper, lower, parent: entry.dir, name: entry.name };
}

export interface Resolved {
  /** The directory holding the last component (for "/" itself: undefined). */
  readonly entry: MergedEntry | undefined;
  /** The root's merged dir when the path is "/". */
  readonly root: MergedDir | undefined;
}

/**
 * Resolves `path` from `root`. Intermediate symlinks are always followed; the last one only with
 * `followLast`. A missing last component is fine (entry.node is undefined); a missing or
 * non-directory intermediate component throws ENOENT / ENOTDIR, as path_lookupat does.
 */
export function resolveMerged(root: MergedDir, path: string, followLast: boolean, syscall: string, hops = { n: 0 }): Resolved {
  return walk(root, root, pathParts(path), followLast, syscall, path, hops);
}

function atDir(dir: MergedDir): Resolved {
  return dir.parent ? { entry: lookupChild(dir.parent, dir.name), root: undefined } : { entry: undefined, root: dir };
}

/** The merged directory a resolved path names; ENOENT / ENOTDIR otherwise. */
export function resolvedDir(resolved: Resolved, syscall: string, path: string): MergedDir {
  if (resolved.root) return resolved.root;
  const entry = resolved.entry as MergedEntry;
  if (entry.node === undefined) throw new FsError('ENOENT', syscall, path);
  if (entry.node.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
  return childDir(entry);
}

function walk(
  root: MergedDir,
  start: MergedDir,
  parts: readonly string[],
  followLast: boolean,
  syscall: string,
  original: string,
  hops: { n: number },
): Resolved {
  let dir = start;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    if (part === '..') {
      dir = dir.parent ?? dir;
      if (last) return atDir(dir);
      continue;
    }
    const entry = lookupChild(dir, part);
    const node = entry.node;
    if (last && !(followLast && node?.kind === 'symlink')) return { entry, root: undefined };
    if (node === undefined) throw new FsError('ENOENT', syscall, original);
    if (node.kind === 'symlink') {
      if (++hops.n > MAX_SYMLINK_HOPS) throw new FsError('ELOOP', syscall, original);
      const from = node.target.startsWith('/') ? root : dir;
      const target = walk(root, from, pathParts(node.target), true, syscall, original, hops);
      if (last) return target;
      dir = resolvedDir(target, syscall, original);
      continue;
    }
    if (node.kind !== 'dir') throw new FsError('ENOTDIR', syscall, original);
    dir = childDir(entry);
  }
  return atDir(dir);
}
