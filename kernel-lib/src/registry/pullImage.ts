/**
 * `docker pull` (moby daemon/internal/distribution/pull_v2.go and xfer/download.go, OCI-FACTS §10):
 * resolve the tag (or take the digest) to a manifest; for an index pick the platform's manifest;
 * fetch the config; then walk the layers bottom-up. A layer is `Already exists` only while the
 * whole chain below it is present locally (the layer store is keyed by ChainID): after the first
 * missing layer every later one is downloaded. Every downloaded blob is hashed and compared with
 * the digest it was asked for; a mismatch stops the pull with both digests named.
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import { sha256, sha256Chunks } from '../digest/sha256';
import { parseReference, tagNameOnly, makeImageReference } from '../reference/parseReference';
import type { ImageReference } from '../reference/ImageReference';
import { chainIds as computeChainIds } from '../image/chainId';
import type { Registries } from './Registries';
import type { Registry, StoredManifest } from './Registry';
import { blobBytes } from './RegistryBlob';
import { BlobVerificationError, RegistryError } from './RegistryError';
import type { RegistryDescriptor } from './manifestDocument';
import { layerFromBlob } from '../layer/Layer';
import type { RegistryBlob } from './RegistryBlob';
import type { RegistryLayer } from './RegistryLayer';
import type { LayerSourceIndex } from './LayerSourceIndex';
import type { PulledLayer, PullReport } from './TransferReport';

/** What `docker pull` asks of the local daemon. */
export interface PullTarget {
  /** Does the local layer store hold this stack (by ChainID)? */
  hasLayerChain(chainId: Digest): boolean;
  /** Is an image with this ID (config digest) already stored? Then nothing is downloaded. */
  hasImage?(imageId: Digest): boolean;
  /** The image ID the local reference store maps this reference to now, if any. */
  imageIdFor?(reference: ImageReference): Digest | undefined;
}

export interface PullImageOptions {
  readonly registries: Registries;
  /** What the user typed (`nginx`, `nginx:alpine`, `nginx@sha256:…`) or a parsed reference. */
  readonly reference: string | ImageReference;
  readonly local: PullTarget;
  /** Platform picked from a multi-platform index (default linux/amd64). */
  readonly platform?: { readonly os: string; readonly architecture: string; readonly variant?: string };
  /** Records where each layer was seen (for later cross-repository mounts). */
  readonly sources?: LayerSourceIndex;
}

function verified(what: 'filesystem layer' | 'image config' | 'manifest', expected: Digest, actual: Digest, where: string): void {
  if (actual !== expected) throw new BlobVerificationError(what, expected, actual, where);
}

function fetchManifest(registry: Registry, repository: string, ref: ImageReference, reference: string): StoredManifest {
  try {
    return registry.getManifest(repository, reference);
  } catch (error) {
    if (error instanceof RegistryError && error.code === 'NAME_UNKNOWN' && registry.domain === 'docker.io') {
      throw new RegistryError(
        'NAME_UNKNOWN',
        `pull access denied for ${ref.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
        { ...error.data },
        error.hint ?? '',
      );
    }
    if (error instanceof RegistryError && error.code === 'MANIFEST_UNKNOWN') {
      throw new RegistryError('MANIFEST_UNKNOWN', `manifest for ${ref.familiar} not found: manifest unknown: manifest unknown`, { ...error.data }, error.hint ?? '');
    }
    throw error;
  }
}

function readDiffIds(configBytes: Uint8Array): Digest[] {
  const config = JSON.parse(Buffer.from(configBytes).toString('utf8')) as { rootfs?: { diff_ids?: unknown } };
  const ids = config.rootfs?.diff_ids;
  if (!Array.isArray(ids) || !ids.every((d) => typeof d === 'string')) {
    throw new RegistryError('MANIFEST_INVALID', 'invalid rootfs in image configuration', {}, '이미지 설정에 rootfs.diff_ids가 없습니다.');
  }
  return ids as Digest[];
}

/**
 * A layer from blob bytes the registry holds without a layer object (uploaded by another tool):
 * the layer module reads the gzip or plain tar, and its tar must hash to the config's diffID.
 */
function layerOfBlob(descriptor: RegistryDescriptor, diffId: Digest, blob: RegistryBlob): RegistryLayer {
  const layer = layerFromBlob(blobBytes(blob));
  if (layer.diffId !== diffId) {
    throw new RegistryError(
      'DIFF_ID_MISMATCH',
      `layers from manifest don't match image configuration: blob ${descriptor.digest} unpacks to ${layer.diffId}, the config lists ${diffId}`,
      { digest: descriptor.digest, expected: diffId, actual: layer.diffId },
      '레이어를 풀어 얻은 tar의 다이제스트가 이미지 설정(rootfs.diff_ids)의 값과 다릅니다.',
    );
  }
  return layer;
}

export function pullImage(options: PullImageOptions): PullReport {
  const typed = typeof options.reference === 'string' ? parseReference(options.reference) : options.reference;
  const lines: string[] = [];
  if (typed.tag === undefined && typed.digest === undefined) lines.push('Using default tag: latest');
  // ParseDockerRef: a digest wins over a tag.
  const reference =
    typed.digest !== undefined ? makeImageReference(typed.domain, typed.path, undefined, typed.digest) : tagNameOnly(typed);
  const { registry, repository } = options.registries.locate(reference);
  const where = `${registry.domain}/${repository}`;
  const tagOrDigest = reference.digest !== undefined ? reference.string : (reference.tag ?? 'latest');
  let bytesMoved = 0;

  const top = fetchManifest(registry, repository, reference, reference.digest ?? tagOrDigest);
  bytesMoved += top.size;
  if (reference.digest !== undefined) verified('manifest', reference.digest, sha256(top.bytes), where);
  lines.push(`${tagOrDigest}: Pulling from ${reference.path}`);

  let manifest = top;
  if (top.document.kind === 'index') {
    const want = options.platform ?? { os: 'linux', architecture: 'amd64' };
    const match = top.document.manifests.find(
      (d) =>
        d.platform?.os === want.os &&
        d.platform.architecture === want.architecture &&
        (want.variant === undefined || d.platform.variant === want.variant),
    );
    if (match === undefined) {
      throw new RegistryError(
        'PLATFORM_NOT_FOUND',
        `no matching manifest for ${want.os}/${want.architecture}${want.variant ? `/${want.variant}` : ''} in the manifest list entries`,
        { reference: reference.string, platforms: top.document.manifests.map((d) => d.platform) },
        '이 이미지에는 요청한 플랫폼(OS/아키텍처)용 매니페스트가 없습니다.',
      );
    }
    manifest = registry.getManifest(repository, match.digest);
    bytesMoved += manifest.size;
    verified('manifest', match.digest, sha256(manifest.bytes), where);
  }
  const document = manifest.document;
  if (document.kind !== 'image') {
    throw new RegistryError('MANIFEST_INVALID', 'manifest invalid: an index inside an index is not supported here', {}, '중첩된 인덱스는 지원하지 않습니다.');
  }

  const imageId = document.config.digest;
  const alreadyStored = options.local.hasImage?.(imageId) === true;
  let configBytes: Uint8Array | undefined;
  let diffIds: Digest[] = [];
  const pulled: PulledLayer[] = [];
  if (!alreadyStored) {
    const configBlob = registry.getBlob(repository, imageId);
    configBytes = blobBytes(configBlob);
    bytesMoved += configBytes.byteLength;
    verified('image config', imageId, sha256(configBytes), where);
    diffIds = readDiffIds(configBytes);
    if (diffIds.length !== document.layers.length) {
      throw new RegistryError(
        'DIFF_ID_MISMATCH',
        `layers from manifest don't match image configuration: the manifest lists ${document.layers.length} layers, the config ${diffIds.length} diff_ids`,
        { manifestLayers: document.layers.length, diffIds: diffIds.length },
        '매니페스트의 레이어 수와 이미지 설정의 diff_ids 수가 다릅니다.',
      );
    }
    const chainIds = computeChainIds(diffIds);
    let prefixPresent = true;
    document.layers.forEach((descriptor: RegistryDescriptor, index) => {
      const diffId = diffIds[index] as Digest;
      const chainId = chainIds[index] as Digest;
      prefixPresent = prefixPresent && options.local.hasLayerChain(chainId);
      const base = { index, id: shortId(descriptor.digest), diffId, digest: descriptor.digest, size: descriptor.size, chainId, mediaType: descriptor.mediaType };
      if (prefixPresent) {
        pulled.push(Object.freeze({ ...base, status: 'Already exists', bytesMoved: 0 }));
      } else {
        const blob = registry.getBlob(repository, descriptor.digest);
        verified('filesystem layer', descriptor.digest, blob.knownDigest ?? sha256Chunks(blob.chunks()), where);
        const layer = blob.layer !== undefined && blob.layer.diffId === diffId ? blob.layer : layerOfBlob(descriptor, diffId, blob);
        bytesMoved += blob.size;
        pulled.push(Object.freeze({ ...base, status: 'Pull complete', bytesMoved: blob.size, layer }));
      }
      options.sources?.record(diffId, { domain: registry.domain, repository, digest: descriptor.digest });
    });
  }

  const upToDate = options.local.imageIdFor?.(reference) === imageId;
  lines.push(...pulled.map((l) => `${l.id}: ${l.status}`));
  lines.push(`Digest: ${top.digest}`);
  lines.push(`Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${reference.familiar}`);
  lines.push(reference.string);

  return Object.freeze({
    reference,
    digest: top.digest,
    manifest: Object.freeze({ digest: manifest.digest, mediaType: manifest.mediaType, bytes: manifest.bytes }),
    imageId,
    ...(configBytes === undefined ? {} : { configBytes }),
    diffIds: Object.freeze(diffIds),
    layers: Object.freeze(pulled),
    upToDate,
    bytesMoved,
    lines: Object.freeze(lines),
    text: lines.join('\n'),
  });
}
