/**
 * A mutable in-memory directory tree: what a stack of layers unpacks to, and the store of the union
 * filesystem's lower index and upper directory.
 *
 * Why not memfs: memfs keeps a file's bytes in a Buffer, so a lazy 1 GB `Content` would have to be
 * materialised; it has no whiteout or opaque notion, and no per-node record of the layer a file came
 * from. Nodes here hold `Content` values (shared, never copied) and the overlay's own marks:
 * `whiteout` nodes (overlayfs: a 0/0 character device) and `opaque` directories
 * (`trusted.overlay.opaque=y`). Paths are "/a/b" or "a/b"; names compare by UTF-8 bytes, as the
 * kernel's readdir order and Go's filepath.Walk sort do.
 */
import type { Content } from '../content/Content';

export interface TreeNodeMeta {
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  /** Index of the layer that provided this node (bottom = 0); -1 for nodes made in a writable upper. */
  layer: number;
}
export interface TreeFileNode extends TreeNodeMeta {
  kind: 'file';
  content: Content;
}
export interface TreeDirNode extends TreeNodeMeta {
  kind: 'dir';
  children: Map<string, TreeNode>;
  /** Hides every lower child (overlayfs opaque dir / OCI `.wh..wh..opq`). */
  opaque: boolean;
}
export interface TreeSymlinkNode extends TreeNodeMeta {
  kind: 'symlink';
  target: string;
}
/** A deletion recorded in an overlay upper (a 0/0 char device; `.wh.<name>` in a tar). */
export interface TreeWhiteoutNode extends TreeNodeMeta {
  kind: 'whiteout';
}
export type TreeNode = TreeFileNode | TreeDirNode | TreeSymlinkNode | TreeWhiteoutNode;

/** Splits "/a//b/" into ["a", "b"]. "." components are dropped; ".." is kept for the caller to resolve. */
export function pathParts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Byte order of the UTF-8 names (the order of `ls`, `readdir` in the model, and Go's sort.Strings). */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals UTF-8 byte order except around surrogates: compare bytes only then.
  if (/[\ud800-\uffff]/.test(a + b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}

export function newDirNode(meta: Partial<TreeNodeMeta> = {}): TreeDirNode {
  return { kind: 'dir', children: new Map(), opaque: false, mode: 0o755, uid: 0, gid: 0, mtimeMs: 0, layer: -1, ...meta };
}

export function cloneNode(node: TreeNode): TreeNode {
  if (node.kind !== 'dir') return { ...node };
  const copy: TreeDirNode = { ...node, children: new Map() };
  for (const [name, child] of node.children) copy.children.set(name, cloneNode(child));
  return copy;
}

export class FileTree {
  readonly root: TreeDirNode;

  constructor(root: TreeDirNode = newDirNode()) {
    this.root = root;
  }

  /** The node at `path`, following no symlinks; undefined when absent. */
  get(path: string): TreeNode | undefined {
    let node: TreeNode = this.root;
    for (const part of pathParts(path)) {
      if (node.kind !== 'dir') return undefined;
      const next = node.children.get(part);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  clone(): FileTree {
    return new FileTree(cloneNode(this.root) as TreeDirNode);
  }

  /** Every node below the root, depth first, children in name order: ["a", node], ["a/b", node] … */
  *walk(from: TreeDirNode = this.root, prefix = ''): Generator<[string, TreeNode]> {
    const names = [...from.children.keys()].sort(compareNames);
    for (const name of names) {
      const node = from.children.get(name) as TreeNode;
      const path = prefix === '' ? name : `${prefix}/${name}`;
      yield [path, node];
      if (node.kind === 'dir') yield* this.walk(node, path);
    }
  }

  /** Number of nodes below the root. */
  get count(): number {
    let n = 0;
    for (const _ of this.walk()) n++;
    return n;
  }
}
