import { entriesOf, entrySize, absPath, type AnalyzedEntry, type LayerLike } from './layerFiles';

/**
 * dive's image efficiency (wagoodman/dive `dive/filetree/efficiency.go`, `Efficiency`, and
 * `dive/image/analysis.go`), reproduced formula for formula so the numbers match `dive --ci`:
 *
 *  - every layer's file tree is walked, **leaf nodes only** (files, links, empty directories,
 *    whiteouts; opaque markers are skipped, as dive's tree never adds `.wh..wh..` names);
 *  - a visit contributes the entry's size; a whiteout contributes, when the deleted path was a
 *    directory in the layers below, the total size under it — and 0 when it was a file (dive's quirk);
 *  - per path: cumulative = Σ contributions, minimum = the smallest single contribution;
 *  - efficiency = Σ minimum / Σ cumulative (1 when nothing was seen);
 *  - "inefficient" paths are those seen in ≥ 2 layers; wastedBytes = Σ of their cumulative sizes
 *    (every copy, the first included);
 *  - userSizeBytes = the sizes of layers 1…n−1 (only layer 0 counts as "the base image");
 *    wastedUserPercent = wastedBytes / userSizeBytes.
 */
export interface InefficientPath {
  readonly path: string;
  /** In how many layers the path appears (added, changed or deleted). */
  readonly count: number;
  readonly cumulativeSize: number;
}

export interface ImageEfficiency {
  /** 0…1. */
  readonly efficiency: number;
  /** As dive's UI shows it: int(100 × efficiency). */
  readonly score: number;
  readonly wastedBytes: number;
  /** Σ of every layer's size (Σ tar entry sizes). */
  readonly sizeBytes: number;
  readonly userSizeBytes: number;
  /** wastedBytes / userSizeBytes (0 when there are no user layers). */
  readonly wastedUserPercent: number;
  /** Largest cumulative size first. */
  readonly inefficientPaths: readonly InefficientPath[];
}

interface Node { size: number; isDir: boolean; children: Map<string, Node> }

function newDir(): Node { return { size: 0, isDir: true, children: new Map() }; }

function getOrMake(root: Node, parts: string[]): Node {
  let n = root;
  for (const p of parts) {
    let c = n.children.get(p);
    if (!c) { c = newDir(); n.children.set(p, c); }
    n = c;
  }
  return n;
}

function find(root: Node, parts: string[]): Node | undefined {
  let n: Node | undefined = root;
  for (const p of parts) { n = n?.children.get(p); if (!n) return undefined; }
  return n;
}

function subtreeSize(n: Node): number {
  let s = n.size;
  for (const c of n.children.values()) s += subtreeSize(c);
  return s;
}

/** Apply one layer to the stacked tree (whiteouts delete, opaque dirs clear, entries replace). */
function stack(root: Node, entries: readonly AnalyzedEntry[]): void {
  for (const e of entries) {
    const parts = absPath(e.path).split('/').filter(Boolean);
    if (e.kind === 'whiteout') {
      const parent = find(root, parts.slice(0, -1));
      parent?.children.delete(parts[parts.length - 1]!);
    } else if (e.kind === 'opaque') {
      getOrMake(root, parts).children.clear();
    }
  }
  for (const e of entries) {
    if (e.kind === 'whiteout' || e.kind === 'opaque') continue;
    const parts = absPath(e.path).split('/').filter(Boolean);
    if (parts.length === 0) continue;
    const node = getOrMake(root, parts);
    node.isDir = e.kind === 'dir';
    node.size = entrySize(e);
    if (!node.isDir) node.children.clear();
  }
}

/** The leaves of one layer's own tree (dive: `VisitDepthChildFirst` with `IsLeaf`). */
function leaves(entries: readonly AnalyzedEntry[]): AnalyzedEntry[] {
  const withChildren = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'opaque') continue;
    const parts = absPath(e.path).split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) withChildren.add('/' + parts.slice(0, i).join('/'));
  }
  return entries.filter((e) => e.kind !== 'opaque' && absPath(e.path) !== '/' && !withChildren.has(absPath(e.path)));
}

export function imageEfficiency(layers: readonly LayerLike[]): ImageEfficiency {
  const data = new Map<string, { count: number; cumulative: number; min: number }>();
  const order: string[] = [];
  const stacked = newDir();
  let sizeBytes = 0;
  let userSizeBytes = 0;
  layers.forEach((layer, i) => {
    const entries = entriesOf(layer);
    const layerSize = entries.reduce((s, e) => s + entrySize(e), 0);
    sizeBytes += layerSize;
    if (i > 0) userSizeBytes += layerSize;
    for (const e of leaves(entries)) {
      const path = absPath(e.path);
      let size = entrySize(e);
      if (e.kind === 'whiteout') {
        const prev = find(stacked, path.split('/').filter(Boolean));
        size = prev && prev.isDir ? subtreeSize(prev) : 0;
      }
      let d = data.get(path);
      if (!d) { d = { count: 0, cumulative: 0, min: -1 }; data.set(path, d); order.push(path); }
      d.count++;
      d.cumulative += size;
      if (d.min < 0 || size < d.min) d.min = size;
    }
    stack(stacked, entries);
  });
  let minimum = 0;
  let discovered = 0;
  for (const d of data.values()) { minimum += d.min; discovered += d.cumulative; }
  const efficiency = discovered === 0 ? 1 : minimum / discovered;
  const inefficientPaths = order
    .filter((p) => data.get(p)!.count >= 2)
    .map((p) => ({ path: p, count: data.get(p)!.count, cumulativeSize: data.get(p)!.cumulative }))
    .sort((a, b) => b.cumulativeSize - a.cumulativeSize || (a.path < b.path ? -1 : 1));
  const wastedBytes = inefficientPaths.reduce((s, p) => s + p.cumulativeSize, 0);
  return Object.freeze({
    efficiency,
    score: Math.trunc(100 * efficiency),
    wastedBytes,
    sizeBytes,
    userSizeBytes,
    wastedUserPercent: userSizeBytes === 0 ? 0 : wastedBytes / userSizeBytes,
    inefficientPaths: Object.freeze(inefficientPaths.map((p) => Object.freeze(p))),
  });
}
