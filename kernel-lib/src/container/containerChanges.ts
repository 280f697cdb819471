/**
 * `docker diff`: the container's filesystem compared with its parent's (the image plus the init
 * layer), by the rules of go-archive changes.go `ChangesDirs` / `addChanges` (OCI-FACTS §3.4):
 * - a path that did not exist → `A`, and every path under a new directory → `A`;
 * - a path that no longer exists → `D`, only the topmost one (its old children are not listed);
 * - a path whose type, permission bits, owner — or, for a non-directory, size or mtime — differ → `C`
 *   (mtimes are equal when identical, or in the same second when either has no sub-second part);
 *   a directory's own mtime and size never count;
 * - a directory with any change inside is `C` itself (before its children) unless it is `A`;
 *   `/` is never listed.
 * Mounts (bind-mounted files, volumes, /dev) are not part of the walked tree: like docker, the
 * diff never shows them. Docker does not sort (Go map order); the model sorts by path, byte order.
 *
 * Only directories that have an upper part can hold a change, so the walk descends only there —
 * the same answer as walking both whole trees, at the cost of the container's changes.
 */
import { compareNames, type TreeDirNode, type TreeNode } from '../layer/FileTree';
import type { UnionFs } from '../unionfs/UnionFs';

export type ContainerChangeKind = 'A' | 'C' | 'D';

/** One line of `docker diff`: "C /etc", "A /etc/app.conf", "D /tmp/old". */
export interface ContainerChange {
  readonly kind: ContainerChangeKind;
  readonly path: string;
}

/** The moby API's `Kind` numbers (archive.ChangeType): Modify 0, Add 1, Delete 2. */
export const CHANGE_KIND_NUMBER: Readonly<Record<ContainerChangeKind, 0 | 1 | 2>> = Object.freeze({ C: 0, A: 1, D: 2 });

/** A node of the container's merged view: its upper part and the lower part showing through. */
interface Merged {
  readonly node: TreeNode;
  readonly upper: TreeNode | undefined;
  readonly lower: TreeNode | undefined;
}

function mergedChildren(dir: Merged): Map<string, Merged> {
  const out = new Map<string, Merged>();
  const upper = dir.upper?.kind === 'dir' ? dir.upper : undefined;
  const lower = dir.lower?.kind === 'dir' && !(upper?.opaque ?? false) ? dir.lower : undefined;
  if (upper) {
    for (const [name, node] of upper.children) {
      if (node.kind === 'whiteout') continue;
      const low = node.kind === 'dir' && !node.opaque ? lower?.children.get(name) : undefined;
      out.set(name, { node, upper: node, lower: low });
    }
  }
  if (lower) {
    for (const [name, node] of lower.children) {
      if (upper?.children.has(name)) continue;
      out.set(name, { node, upper: undefined, lower: node });
    }
  }
  return out;
}

function sizeOf(node: TreeNode): number {
  if (node.kind === 'file') return node.content.size;
  if (node.kind === 'symlink') return Buffer.byteLength(node.target);
  return 0;
}

/** go-archive sameFsTime: identical, or the same second when either side has no nanoseconds. */
function sameTime(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0);
}

/** go-archive statDifferent (mode includes the file type; rdev is 0 for everything the model has). */
function statDifferent(old: TreeNode, now: TreeNode): boolean {
  if (old.kind !== now.kind || old.mode !== now.mode || old.uid !== now.uid || old.gid !== now.gid) return true;
  if (now.kind === 'dir') return false;
  return sizeOf(old) !== sizeOf(now) || !sameTime(old.mtimeMs, now.mtimeMs);
}

function join(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

function addChanges(path: string, info: Merged, old: TreeNode | undefined, out: ContainerChange[], marked: boolean): void {
  const atEntry = out.length;
  let added = marked;
  if (old === undefined) {
    out.push({ kind: 'A', path });
    added = true;
  }
  if (info.node.kind === 'dir') {
    // Nothing of the container's inside: the merged directory is the old one, unchanged.
    if (info.upper === undefined && old !== undefined) return;
    const oldChildren = new Map(old?.kind === 'dir' ? (old as TreeDirNode).children : []);
    const children = mergedChildren(info);
    for (const name of [...children.keys()].sort(compareNames)) {
      const child = children.get(name) as Merged;
      const oldChild = oldChildren.get(name);
      let childMarked = false;
      if (oldChild !== undefined) {
        if (statDifferent(oldChild, child.node)) {
          out.push({ kind: 'C', path: join(path, name) });
          childMarked = true;
        }
        oldChildren.delete(name);
      }
      addChanges(join(path, name), child, oldChild, out, childMarked);
    }
    for (const name of [...oldChildren.keys()].sort(compareNames)) out.push({ kind: 'D', path: join(path, name) });
    if (out.length > atEntry && !added && path !== '/') out.splice(atEntry, 0, { kind: 'C', path });
  }
}

/** The changes of a container's root filesystem against its lower layers, sorted by path. */
export function containerChanges(rootfs: UnionFs): ContainerChange[] {
  const out: ContainerChange[] = [];
  const root: Merged = { node: rootfs.upper.root, upper: rootfs.upper.root, lower: rootfs.upper.root.opaque ? undefined : rootfs.lower.root };
  addChanges('/', root, rootfs.lower.root, out, true);
  return out.sort((a, b) => compareNames(a.path, b.path)).map((c) => Object.freeze(c));
}
