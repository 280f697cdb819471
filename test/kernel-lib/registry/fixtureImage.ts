/**
 * Small OCI artefacts for the registry tests: real config JSON, real gzip or plain layer blobs and
 * a real schema-2 manifest, all hashed with the library's sha256 — what the registry sees on the
 * wire. (The registry treats layer bytes as opaque; the image module's own `Image` is exercised in
 * the integration test once it exists.)
 */
import { gzipSync } from 'node:zlib';
import { writeTar } from '../../../kernel-lib/src/tar/writeTar';
import { tarEntry } from '../../../kernel-lib/src/tar/TarEntry';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import type { Digest } from '../../../kernel-lib/src/digest/Digest';
import type { PushableImage, RegistryLayer } from '../../../kernel-lib/src/registry/RegistryLayer';

/** A real one-file tar (the tar module's writer), so the layer module can read what a pull returns. */
function tarOf(text: string): Uint8Array {
  return writeTar([tarEntry({ path: 'file.txt', content: text })]);
}

export function plainLayer(text: string): RegistryLayer {
  const tar = tarOf(text);
  const digest = sha256(tar);
  return { diffId: digest, digest, size: tar.byteLength, compressedSize: tar.byteLength, mediaType: 'application/vnd.docker.image.rootfs.diff.tar', tarChunks: () => [tar.slice()] };
}

export function gzipLayer(text: string): RegistryLayer {
  const tar = tarOf(text);
  const blob = new Uint8Array(gzipSync(tar, { level: 9 }));
  return {
    diffId: sha256(tar),
    digest: sha256(blob),
    size: tar.byteLength,
    compressedSize: blob.byteLength,
    mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    tarChunks: () => [tar.slice()],
    blobChunks: () => [blob.slice()],
  };
}

export function fixtureImage(layers: readonly RegistryLayer[], cmd = 'sh'): PushableImage {
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Cmd: [cmd] },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  });
  const configBytes = new Uint8Array(Buffer.from(config));
  const id = sha256(configBytes);
  return {
    id,
    layers,
    configBytes: () => configBytes.slice(),
    manifestFor(format) {
      const mediaType = format === 'oci' ? 'application/vnd.oci.image.manifest.v1+json' : 'application/vnd.docker.distribution.manifest.v2+json';
      const text = JSON.stringify(
        {
          schemaVersion: 2,
          mediaType,
          config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: configBytes.byteLength, digest: id },
          layers: layers.map((l) => ({ mediaType: l.mediaType, size: l.compressedSize, digest: l.digest })),
        },
        null,
        3,
      );
      const bytes = new Uint8Array(Buffer.from(text));
      return { bytes, mediaType, digest: sha256(bytes) };
    },
  };
}

/** A local daemon's layer store, keyed by ChainID as docker's is. */
export class FixtureLocal {
  readonly chains = new Set<Digest>();
  readonly images = new Set<Digest>();
  readonly tags = new Map<string, Digest>();
  hasLayerChain = (chainId: Digest): boolean => this.chains.has(chainId);
  hasImage = (id: Digest): boolean => this.images.has(id);
  imageIdFor = (ref: { string: string }): Digest | undefined => this.tags.get(ref.string);
}
