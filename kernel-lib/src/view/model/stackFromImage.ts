import type { StackImageInput, StackLayerInput } from '../diagram/stackInput';
import type { ImageLike } from './modelShapes';

function short(id: string | undefined): string {
  if (!id) return '(이미지)';
  const hex = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return hex.slice(0, 12);
}

/**
 * An image as the layer-stack figure's input: history entries in order, each non-empty entry
 * paired with the next layer (config `history` and `rootfs.diff_ids` run in step, OCI config.md),
 * sizes as docker shows them (DiffSize), sharing by ChainID.
 */
export function stackImageOf(image: ImageLike, name?: string): StackImageInput {
  const layers: StackLayerInput[] = [];
  let k = 0;
  for (const h of image.history) {
    if (h.empty_layer) {
      layers.push({ diffId: '', size: 0, createdBy: h.created_by, emptyLayer: true });
      continue;
    }
    const l = image.layers[k];
    if (!l) break;
    layers.push({ diffId: l.diffId, size: l.diffSize ?? l.size, createdBy: h.created_by, chainId: image.chainIds?.[k] });
    k++;
  }
  // Layers without history entries (an image imported from a bare tar) still appear.
  for (; k < image.layers.length; k++) {
    const l = image.layers[k]!;
    layers.push({ diffId: l.diffId, size: l.diffSize ?? l.size, chainId: image.chainIds?.[k] });
  }
  return { name: name ?? short(image.id), layers };
}
