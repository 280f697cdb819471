import { layerLabel } from '../diagram/layerStack';
import type { UnionLayerInput } from '../diagram/unionView';
import type { ImageHistoryLike } from './modelShapes';

/** Any object: layers that carry `entries` are read; others (a layer known only by its tar) show empty. */
type MaybeEntryLayer = object;

/** A layer with its changeset (the layer module's `Layer`, a catalog layer). */
export interface EntryLayerLike {
  readonly entries: ReadonlyArray<{ readonly kind: string; readonly path: string; readonly content?: { readonly size: number } }>;
}

/**
 * An image's layers as the union figure's lower layers, bottom first, each labelled with the
 * instruction that made it (its history entry). Hard links count as files; other kinds map 1:1.
 */
export function unionLayersOf(image: { readonly layers: readonly MaybeEntryLayer[]; readonly history?: readonly ImageHistoryLike[] }): UnionLayerInput[] {
  const made = (image.history ?? []).filter((h) => !h.empty_layer);
  return image.layers.map((maybe, i) => {
    const layer: EntryLayerLike = 'entries' in maybe ? (maybe as EntryLayerLike) : { entries: [] };
    const entries = layer.entries.map((e) => ({
      path: '/' + e.path.replace(/^\/+/, ''),
      type: (e.kind === 'hardlink' ? 'file' : e.kind) as UnionLayerInput['entries'][number]['type'],
      size: e.kind === 'file' || e.kind === 'hardlink' ? e.content?.size : undefined,
    }));
    return { label: made[i] ? layerLabel(made[i]!.created_by) : `레이어 ${i + 1}`, entries };
  });
}
