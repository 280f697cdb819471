import { entriesOf, entrySize, absPath, type LayerLike } from './layerFiles';

/**
 * Files an image carries but never shows: written in one layer, then replaced or deleted by a
 * later one. The earlier bytes stay in the earlier layer (layers are immutable), so they still
 * cost disk, network — and, for a secret, can still be read with `docker save`.
 */
export interface HiddenFile {
  readonly path: string;
  /** The layer (0-based) that holds the hidden bytes. */
  readonly layer: number;
  readonly size: number;
  /** 'overwritten': a later layer wrote the path again; 'deleted': a later layer removed it (or a parent). */
  readonly fate: 'overwritten' | 'deleted';
  /** The layer that replaced or deleted it. */
  readonly byLayer: number;
}

export function hiddenFiles(layers: readonly LayerLike[]): HiddenFile[] {
  const live = new Map<string, { layer: number; size: number }>();
  const out: HiddenFile[] = [];
  layers.forEach((layer, i) => {
    const entries = entriesOf(layer);
    const hide = (path: string, fate: HiddenFile['fate']): void => {
      const prev = live.get(path);
      if (prev && prev.layer < i) out.push(Object.freeze({ path, layer: prev.layer, size: prev.size, fate, byLayer: i }));
      live.delete(path);
    };
    for (const e of entries) {
      const p = absPath(e.path);
      if (e.kind === 'whiteout' || e.kind === 'opaque') {
        for (const q of [...live.keys()]) {
          if (q.startsWith(p === '/' ? '/' : p + '/') || (e.kind === 'whiteout' && q === p)) hide(q, 'deleted');
        }
      }
    }
    for (const e of entries) {
      if (e.kind !== 'file' && e.kind !== 'symlink' && e.kind !== 'hardlink') continue;
      const p = absPath(e.path);
      if (live.has(p)) hide(p, 'overwritten');
      live.set(p, { layer: i, size: entrySize(e) });
    }
  });
  return out.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
}
