/**
 * The catalog serves precomputed layer identities so that pulling a 993 MB image stays
 * interactive. This test rebuilds every layer from its spec, streams its tar and its gzip blob
 * through SHA-256 and checks every precomputed value — and that the table is used at all (its
 * fingerprint matches the spec it was computed from).
 */
import { describe, expect, it } from 'vitest';
import { catalogLayers } from '../../../kernel-lib/src/catalog/catalog';
import { CATALOG_LAYER_DIGESTS } from '../../../kernel-lib/src/catalog/catalogLayerDigests';

describe('precomputed catalog layer digests', () => {
  const layers = catalogLayers();

  it('cover every layer of the catalog, each for its current spec', () => {
    expect(Object.keys(CATALOG_LAYER_DIGESTS).sort()).toEqual(layers.map((l) => l.key).sort());
    for (const layer of layers) expect(CATALOG_LAYER_DIGESTS[layer.key]?.[0], layer.key).toBe(layer.fingerprint);
  });

  it('equal the digests and sizes of the bytes, re-derived', { timeout: 300_000 }, () => {
    for (const layer of layers) {
      const derived = layer.deriveIdentities();
      expect({ diffId: layer.diffId, size: layer.size, digest: layer.digest, compressedSize: layer.compressedSize }, layer.key).toEqual(derived);
      // DiffSize (docker's SIZE) is the bytes of regular files the real layer module counts.
      expect(layer.diffSize, layer.key).toBe(layer.layer.diffSize);
    }
  });
});
