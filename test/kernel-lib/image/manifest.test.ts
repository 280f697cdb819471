import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../kernel-lib/src/digest/Digest';
import { imageIndexJson, imageManifestJson, type ImageManifest } from '../../../kernel-lib/src/image/manifest';
import { MediaTypes } from '../../../kernel-lib/src/image/mediaTypes';

const C = parseDigest(`sha256:${'a'.repeat(64)}`);
const L = parseDigest(`sha256:${'b'.repeat(64)}`);
const manifest: ImageManifest = {
  schemaVersion: 2,
  mediaType: MediaTypes.dockerManifest,
  config: { mediaType: MediaTypes.dockerConfig, digest: C, size: 1469 },
  layers: [{ mediaType: MediaTypes.dockerLayerGzip, digest: L, size: 3401613 }],
};

describe('imageManifestJson', () => {
  it("'distribution': docker push's schema 2 (3-space indent, size before digest)", () => {
    expect(imageManifestJson(manifest, 'distribution')).toBe(
      [
        '{',
        '   "schemaVersion": 2,',
        `   "mediaType": "${MediaTypes.dockerManifest}",`,
        '   "config": {',
        `      "mediaType": "${MediaTypes.dockerConfig}",`,
        '      "size": 1469,',
        `      "digest": "${C}"`,
        '   },',
        '   "layers": [',
        '      {',
        `         "mediaType": "${MediaTypes.dockerLayerGzip}",`,
        '         "size": 3401613,',
        `         "digest": "${L}"`,
        '      }',
        '   ]',
        '}',
      ].join('\n'),
    );
  });

  it("'buildkit': mediaType first, 2-space indent, OCI descriptor order", () => {
    const oci: ImageManifest = { ...manifest, mediaType: MediaTypes.ociManifest, config: { ...manifest.config, mediaType: MediaTypes.ociConfig } };
    expect(imageManifestJson(oci, 'buildkit').split('\n').slice(0, 8)).toEqual([
      '{',
      `  "mediaType": "${MediaTypes.ociManifest}",`,
      '  "schemaVersion": 2,',
      '  "config": {',
      `    "mediaType": "${MediaTypes.ociConfig}",`,
      `    "digest": "${C}",`,
      '    "size": 1469',
      '  },',
    ]);
  });

  it("'compact': docker save's json.Marshal of ocispec.Manifest", () => {
    expect(imageManifestJson({ ...manifest, mediaType: MediaTypes.ociManifest }, 'compact')).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaTypes.ociManifest}","config":{"mediaType":"${MediaTypes.dockerConfig}","digest":"${C}","size":1469},` +
        `"layers":[{"mediaType":"${MediaTypes.dockerLayerGzip}","digest":"${L}","size":3401613}]}`,
    );
  });

  it('writes an index with sorted annotations (a Go map)', () => {
    expect(
      imageIndexJson({
        schemaVersion: 2,
        mediaType: MediaTypes.ociIndex,
        manifests: [
          {
            mediaType: MediaTypes.ociManifest,
            digest: C,
            size: 9,
            annotations: { 'org.opencontainers.image.ref.name': 'latest', 'io.containerd.image.name': 'docker.io/library/busybox:latest' },
          },
        ],
      }),
    ).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaTypes.ociIndex}","manifests":[{"mediaType":"${MediaTypes.ociManifest}","digest":"${C}","size":9,` +
        '"annotations":{"io.containerd.image.name":"docker.io/library/busybox:latest","org.opencontainers.image.ref.name":"latest"}}]}',
    );
  });
});
