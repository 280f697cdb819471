/**
 * `docker push` (moby daemon/internal/distribution/push_v2.go, OCI-FACTS §10): for each layer, keyed
 * by DiffID, first ask the target repository whether it has the blob (HEAD) → `Layer already
 * exists`; else try a cross-repository mount from repositories of the same registry known to hold
 * it → `Mounted from <path>`; else upload → `Pushed`. Then the config blob, then the manifest under
 * the tag; the last line gives the manifest digest and its size in bytes.
 */
import { shortId } from '../digest/Digest';
import { parseReference, tagNameOnly } from '../reference/parseReference';
import type { ImageReference } from '../reference/ImageReference';
import type { Registries } from './Registries';
import { blobFromLayer } from './RegistryBlob';
import { RegistryError } from './RegistryError';
import type { PushableImage, RegistryLayer } from './RegistryLayer';
import type { LayerSourceIndex } from './LayerSourceIndex';
import type { LayerTransfer, PushedLayerStatus, PushReport } from './TransferReport';

export interface PushImageOptions {
  readonly registries: Registries;
  /** Where to push: `localhost:5000/app:v1`, `me/app` (→ `:latest`) … */
  readonly reference: string | ImageReference;
  readonly image: PushableImage;
  /** Manifest flavour: `'docker'` (schema 2, what `docker push` from the classic store sends) or `'oci'`. */
  readonly format?: 'docker' | 'oci';
  /** Where layers were seen before (pulls, pushes): candidates for cross-repository mounts; updated. */
  readonly sources?: LayerSourceIndex;
}

/** moby's attempt limits by layer size: a small layer is cheaper to upload than to probe for. */
function maxMountAttempts(size: number): number {
  if (size > 10 * 1024 * 1024) return 4;
  if (size > 100 * 1024) return 3;
  return 1;
}

/** `docker push name@sha256:…` is refused: a digest is what a push produces, not what it targets. */
export function refuseDigestPush(reference: ImageReference): void {
  if (reference.digest !== undefined) {
    throw new RegistryError(
      'TAG_INVALID',
      `cannot push a digest reference: ${reference.familiar}; push a tag, the registry computes the digest`,
      { reference: reference.string },
      '다이제스트는 푸시한 결과로 정해지는 값이라 지정해서 푸시할 수 없습니다. 태그로 푸시하세요.',
    );
  }
}

export function pushImage(options: PushImageOptions): PushReport {
  const parsed = typeof options.reference === 'string' ? parseReference(options.reference) : options.reference;
  refuseDigestPush(parsed);
  const reference = tagNameOnly(parsed);
  const tag = reference.tag ?? 'latest';
  const { registry, repository } = options.registries.locate(reference);
  const { image, sources } = options;

  const transfers: LayerTransfer<PushedLayerStatus>[] = image.layers.map((layer: RegistryLayer, index) => {
    const base = { index, id: shortId(layer.diffId), diffId: layer.diffId, digest: layer.digest, size: layer.compressedSize };
    let status: PushedLayerStatus;
    let bytesMoved = 0;
    if (registry.hasBlob(repository, layer.digest)) {
      status = 'Layer already exists';
    } else {
      const candidates = (sources?.sources(layer.diffId) ?? [])
        .filter((s) => s.domain === registry.domain && s.repository !== repository && s.digest === layer.digest)
        .slice(-maxMountAttempts(layer.compressedSize))
        .reverse();
      const from = candidates.find((s) => registry.mountBlob(repository, layer.digest, s.repository));
      if (from !== undefined) {
        status = `Mounted from ${from.repository}`;
      } else {
        registry.putBlob(repository, blobFromLayer(layer), layer.digest);
        status = 'Pushed';
        bytesMoved = layer.compressedSize;
      }
    }
    sources?.record(layer.diffId, { domain: registry.domain, repository, digest: layer.digest });
    return Object.freeze({ ...base, status, bytesMoved });
  });

  const configBytes = image.configBytes();
  let configMoved = 0;
  if (!registry.hasBlob(repository, image.id)) {
    registry.putBlob(repository, configBytes, image.id);
    configMoved = configBytes.byteLength;
  }
  const manifest = image.manifestFor(options.format ?? 'docker');
  registry.putManifest(repository, tag, manifest.bytes, manifest.mediaType);

  const lines = [
    `The push refers to repository [${reference.name}]`,
    ...[...transfers].reverse().map((t) => `${t.id}: ${t.status}`),
    `${tag}: digest: ${manifest.digest} size: ${manifest.bytes.byteLength}`,
  ];
  const layerBytes = transfers.reduce((sum, t) => sum + t.bytesMoved, 0);
  return Object.freeze({
    reference,
    layers: Object.freeze(transfers),
    config: Object.freeze({ digest: image.id, size: configBytes.byteLength, bytesMoved: configMoved }),
    manifest: Object.freeze({ digest: manifest.digest, size: manifest.bytes.byteLength, mediaType: manifest.mediaType }),
    bytesMoved: layerBytes + configMoved + manifest.bytes.byteLength,
    lines: Object.freeze(lines),
    text: lines.join('\n'),
  });
}
