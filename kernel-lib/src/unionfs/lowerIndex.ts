/**
 * The read-only lower layers, indexed once as one merged tree (whiteouts and opaque markers already
 * applied, each node marked with the layer it came from). Looking a path up is then one walk of its
 * components whatever the number of layers — what overlayfs gets from its dentry cache, and why the
 * benchmark with 100+ layers shows no growth. Indexes are shared between union filesystems over the
 * same layer objects (every container of an image), keyed by the layers' identity.
 */
import { bytesContent } from '../content/createContent';
import { flattenLayers } from '../layer/applyLayer';
import type { FileTree } from '../layer/FileTree';
import { Layer } from '../layer/Layer';
import type { LayerEntry } from '../layer/LayerEntry';
import { readTar } from '../tar/readTar';

/** A layer as the union filesystem takes it: our `Layer`, or any layer that can stream its tar. */
export type LowerLayer = { readonly entries: readonly LayerEntry[] } | { tarChunks(): Iterable<Uint8Array> };

interface MemoNode {
  tree?: FileTree;
  next: WeakMap<object, MemoNode>;
}
const memo: MemoNode = { next: new WeakMap() };

function entriesOf(layer: LowerLayer): { entries: readonly LayerEntry[] } {
  if ('entries' in layer) return layer;
  const chunks = [...layer.tarChunks()];
  const bytes = bytesContent(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.length)))).bytes(Infinity);
  return new Layer(readTar(bytes));
}

/** The merged tree of `layers` (bottom first). Shared: callers must not mutate it. */
export function lowerIndex(layers: readonly LowerLayer[]): FileTree {
  let node = memo;
  for (const layer of layers) {
    let next = node.next.get(layer);
    if (!next) {
      next = { next: new WeakMap() };
      node.next.set(layer, next);
    }
    node = next;
  }
  if (!node.tree) node.tree = flattenLayers(layers.map(entriesOf));
  return node.tree;
}
