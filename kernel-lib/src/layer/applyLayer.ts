/**
 * Applying layers onto a tree — what `docker pull` does when it unpacks a layer onto the layers below
 * (OCI image-spec layer.md "Applying Changesets", go-archive UnpackLayer):
 * 1. entries in tar order: a directory over a directory replaces only its attributes (children
 *    kept); any other combination removes what was there and puts the new entry;
 * 2. a whiteout removes its path; an opaque marker removes every child of its directory that this
 *    layer did not unpack itself, so it hides only what is below, wherever it sits in the tar
 *    (our writer puts whiteouts before a re-added name and the marker right after its directory);
 * 3. missing parent directories are created with mode 0755 (go-archive MkdirAll) — for whiteouts
 *    and opaque markers too;
 *    intermediate symlinks are followed, resolved inside the root (as the chrooted unpacker does);
 * 4. a hard link becomes a file sharing its target's content and attributes.
 */
import type { Layer } from './Layer';
import type { LayerEntry } from './LayerEntry';
import { FileTree, newDirNode, pathParts, type TreeDirNode, type TreeNode } from './FileTree';
import { LayerApplyError } from './LayerError';

const MAX_SYMLINK_HOPS = 40; // Linux MAXSYMLINKS

/**
 * The directory at `parts` (symlinks followed, ".." resolved, never above the root); created with
 * mode 0755 where missing when `create` is given. Undefined when absent (or not a directory) and not created.
 */
export function resolveTreeDir(
  root: TreeDirNode,
  parts: readonly string[],
  create?: { layer: number; mtimeMs: number },
): TreeDirNode | undefined {
  const stack = resolveStack(root, parts, create, { n: 0 }, [root]);
  return stack?.[stack.length - 1];
}

/** The chain root → … → the directory at `parts`, so that ".." after a symlink climbs the real ancestry. */
function resolveStack(
  root: TreeDirNode,
  parts: readonly string[],
  create: { layer: number; mtimeMs: number } | undefined,
  hops: { n: number },
  start: readonly TreeDirNode[],
): TreeDirNode[] | undefined {
  let stack = [...start];
  for (const part of parts) {
    const here = stack[stack.length - 1] as TreeDirNode;
    if (part === '..') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    let next: TreeNode | undefined = here.children.get(part);
    if (next === undefined || next.kind === 'whiteout') {
      if (!create) return undefined;
      next = newDirNode({ layer: create.layer, mtimeMs: create.mtimeMs });
      here.children.set(part, next);
    }
    if (next.kind === 'symlink') {
      if (++hops.n > MAX_SYMLINK_HOPS) return undefined;
      const resolved = resolveStack(root, pathParts(next.target), create, hops, next.target.startsWith('/') ? [root] : stack);
      if (resolved === undefined) return undefined;
      stack = resolved;
      continue;
    }
    if (next.kind !== 'dir') return undefined;
    stack.push(next);
  }
  return stack;
}

function split(path: string): [string[], string] {
  const parts = pathParts(path);
  const base = parts.pop() ?? '';
  return [parts, base];
}

/**
 * An opaque marker: removes every child of `dir` (recursively) that this layer did not itself
 * unpack — go-archive UnpackLayer walks the directory and keeps only `unpackedPaths`.
 */
function pruneOpaque(dir: TreeDirNode, prefix: string, unpacked: ReadonlySet<string>): void {
  for (const [name, child] of [...dir.children]) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (!unpacked.has(path)) dir.children.delete(name);
    else if (child.kind === 'dir') pruneOpaque(child, path, unpacked);
  }
}

function applyEntry(tree: FileTree, entry: LayerEntry, layerIndex: number, unpacked: Set<string>): void {
  const [parentParts, base] = split(entry.path);
  const create = { layer: layerIndex, mtimeMs: entry.mtimeMs };
  if (entry.kind === 'whiteout') {
    // go-archive creates a missing parent (MkdirAll) for every entry, whiteouts included.
    resolveTreeDir(tree.root, parentParts, create)?.children.delete(base);
    return;
  }
  if (entry.kind === 'opaque') {
    const dir = resolveTreeDir(tree.root, pathParts(entry.path), create);
    if (dir) pruneOpaque(dir, entry.path, unpacked);
    return;
  }
  unpacked.add(entry.path);
  if (base === '') {
    // The root directory itself: attributes only.
    Object.assign(tree.root, { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtimeMs: entry.mtimeMs, layer: layerIndex });
    return;
  }
  const parent = resolveTreeDir(tree.root, parentParts, { layer: layerIndex, mtimeMs: entry.mtimeMs });
  if (parent === undefined) {
    throw new LayerApplyError(entry.path, 'a path component below it is not a directory in the layers underneath');
  }
  const meta = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtimeMs: entry.mtimeMs, layer: layerIndex };
  const existing = parent.children.get(base);
  switch (entry.kind) {
    case 'dir':
      if (existing?.kind === 'dir') Object.assign(existing, meta);
      else parent.children.set(base, { kind: 'dir', children: new Map(), opaque: false, ...meta });
      return;
    case 'file':
      parent.children.set(base, { kind: 'file', content: entry.content, ...meta });
      return;
    case 'symlink':
      parent.children.set(base, { kind: 'symlink', target: entry.linkTarget, ...meta });
      return;
    case 'hardlink': {
      const [tParent, tBase] = split(entry.linkTarget);
      const target = resolveTreeDir(tree.root, tParent)?.children.get(tBase);
      if (target?.kind !== 'file') {
        throw new LayerApplyError(entry.path, `its hard-link target ${JSON.stringify(entry.linkTarget)} is not a file in this or a lower layer`);
      }
      parent.children.set(base, { ...target, layer: layerIndex });
      return;
    }
  }
}

/** Applies `layer` to `tree` in place (the tree's nodes record `layerIndex`). */
export function applyLayerInPlace(tree: FileTree, layer: Pick<Layer, 'entries'>, layerIndex = 0): void {
  const unpacked = new Set<string>();
  for (const entry of layer.entries) applyEntry(tree, entry, layerIndex, unpacked);
}

/** A new tree: `tree` with `layer` applied on top. */
export function applyLayer(tree: FileTree, layer: Pick<Layer, 'entries'>, layerIndex = 0): FileTree {
  const next = tree.clone();
  applyLayerInPlace(next, layer, layerIndex);
  return next;
}

/** The root filesystem of a stack of layers (bottom first), each node marked with its layer index. */
export function flattenLayers(layers: ReadonlyArray<Pick<Layer, 'entries'>>): FileTree {
  const tree = new FileTree();
  layers.forEach((layer, i) => applyLayerInPlace(tree, layer, i));
  return tree;
}
