/**
 * Reads an image archive into images, verifying every digest on the way:
 *  - **docker-save** — what `docker save` writes since Docker 25 (manifest.json beside an OCI layout);
 *  - **docker-archive** — the older layout `docker save` wrote before 25 and skopeo/buildah still
 *    write (`manifest.json`, `<config hex>.json`, `<layer>.tar` or `<v1 id>/layer.tar`);
 *  - **oci-layout** — an OCI image layout in a tar (`oci-layout`, `index.json`, `blobs/…`), e.g.
 *    from `skopeo copy … oci:` or `umoci`.
 * Like `docker load`, manifest.json wins when present (moby tarexport/load.go). Every blob named
 * by its digest must hash to it; every layer must unpack to the diffID its config lists.
 */
import type { Digest } from '../digest/Digest';
import { isDigest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import { Image } from '../image/Image';
import type { ImageLayer } from '../image/ImageLayer';
import { isGzipLayerMediaType, isLayerMediaType, MediaTypes } from '../image/mediaTypes';
import { parseImageConfig } from '../image/parseImageConfig';
import { layerFromBlob, layerFromTar } from '../layer/Layer';
import { familiarString } from '../reference/familiar';
import { parseReference } from '../reference/parseReference';
import { gunzipBytes, isGzip } from '../tar/gzip';
import { UnsafeTarPathError } from '../tar/TarError';
import { ArchiveFiles } from './archiveFiles';
import {
  BlobDigestMismatchError,
  InvalidImageArchiveError,
  MissingBlobError,
  UnsafeArchivePathError,
} from './archiveErrors';

export type ImageArchiveFormat = 'docker-save' | 'docker-archive' | 'oci-layout';

export interface LoadedArchiveImage {
  readonly image: Image;
  /** Familiar tagged references (`busybox:latest`) the archive gives the image. */
  readonly repoTags: readonly string[];
  /** The local parent (manifest.json `Parent`), if any. */
  readonly parent?: Digest;
  /** OCI layouts: the digest of the manifest as stored. */
  readonly manifestDigest?: Digest;
  /** OCI layouts: `org.opencontainers.image.ref.name` when no full name is annotated (often just a tag). */
  readonly refName?: string;
}

export interface LoadedArchive {
  readonly format: ImageArchiveFormat;
  readonly images: readonly LoadedArchiveImage[];
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new InvalidImageArchiveError(`failed to decode ${what}: ${(cause as Error).message}`);
  }
}

/** When a path ends in 64 hex (`blobs/sha256/<hex>`, `<hex>.json`), its bytes must hash to it. */
function verifyNamedBlob(files: ArchiveFiles, what: string, path: string, bytes: Uint8Array): void {
  if (files.isVerified(path)) return;
  const match = /(?:^|\/)(?:sha256\/)?([a-f0-9]{64})(?:\.json|\.tar)?$/.exec(path);
  if (!match) return;
  const expected = `sha256:${match[1]}`;
  const actual = sha256(bytes);
  if (actual !== expected) throw new BlobDigestMismatchError(what, path, expected, actual);
}

function readFile(files: ArchiveFiles, what: string, path: unknown): { path: string; bytes: Uint8Array } {
  if (typeof path !== 'string' || path === '') throw new InvalidImageArchiveError(`manifest.json names no ${what} path`);
  const bytes = files.bytes(path, `${what} path`);
  if (bytes === undefined) throw new MissingBlobError(what, path);
  return { path, bytes };
}

/** A layer from a stored blob (gzip or plain tar), checked against the diffID the config lists. */
function loadLayer(index: number, path: string, blob: Uint8Array, diffId: Digest, blobDigest?: Digest): ImageLayer {
  let tar: Uint8Array;
  try {
    tar = isGzip(blob) ? gunzipBytes(blob) : blob;
  } catch (cause) {
    throw new InvalidImageArchiveError(`layer ${index} (${path}) is not a readable gzip stream (${(cause as Error).message})`);
  }
  // An uncompressed blob already verified against its digest need not be hashed twice.
  const actual = tar === blob && blobDigest !== undefined ? blobDigest : sha256(tar);
  if (actual !== diffId) throw new BlobDigestMismatchError(`layer ${index}`, path, diffId, actual);
  try {
    return isGzip(blob) ? layerFromBlob(blob) : layerFromTar(tar);
  } catch (error) {
    if (error instanceof UnsafeTarPathError) throw new UnsafeArchivePathError(String(error.data['path']), `entry of layer ${index}`);
    throw error;
  }
}

function readDockerManifest(files: ArchiveFiles, format: ImageArchiveFormat): LoadedArchive {
  const manifest = parseJson(files.bytes('manifest.json', 'manifest')!, 'manifest.json');
  if (manifest === null) throw new InvalidImageArchiveError('invalid manifest, manifest cannot be null (but can be [])');
  if (!Array.isArray(manifest)) throw new InvalidImageArchiveError('failed to decode manifest.json: not a JSON array');
  const images: LoadedArchiveImage[] = [];
  for (const raw of manifest as Array<Record<string, unknown>>) {
    const config = readFile(files, 'config', raw['Config']);
    verifyNamedBlob(files, 'config', config.path, config.bytes);
    const diffIds = parseImageConfig(config.bytes).rootfs.diff_ids;
    const layerPaths = Array.isArray(raw['Layers']) ? (raw['Layers'] as unknown[]) : [];
    if (layerPaths.length !== diffIds.length) {
      throw new InvalidImageArchiveError(`invalid manifest, layers length mismatch: expected ${layerPaths.length}, got ${diffIds.length}`);
    }
    const layers = layerPaths.map((p, i) => {
      const { path, bytes } = readFile(files, `layer ${i}`, p);
      verifyNamedBlob(files, `layer ${i}`, path, bytes);
      const named = /(?:^|\/)(?:sha256\/)?([a-f0-9]{64})(?:\.tar)?$/.exec(path);
      const known = named && files.isVerified(path) ? (`sha256:${named[1]}` as Digest) : undefined;
      return loadLayer(i, path, bytes, diffIds[i]!, known);
    });
    const repoTags = (Array.isArray(raw['RepoTags']) ? (raw['RepoTags'] as unknown[]) : []).map((tag) => {
      const ref = parseReference(String(tag));
      if (ref.tag === undefined || ref.digest !== undefined) throw new InvalidImageArchiveError(`invalid tag ${JSON.stringify(tag)}`);
      return familiarString(ref);
    });
    const parent = typeof raw['Parent'] === 'string' && isDigest(raw['Parent']) ? (raw['Parent'] as Digest) : undefined;
    images.push(
      Object.freeze({
        image: Image.fromConfigBytes(config.bytes, layers),
        repoTags: Object.freeze(repoTags),
        ...(parent !== undefined ? { parent } : {}),
      }),
    );
  }
  return Object.freeze({ format, images: Object.freeze(images) });
}

interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly annotations?: Record<string, string>;
}

function asDescriptor(value: unknown, what: string): Descriptor {
  const d = value as Partial<Descriptor> | null;
  if (d === null || typeof d !== 'object' || typeof d.digest !== 'string' || !isDigest(d.digest) || typeof d.size !== 'number') {
    throw new InvalidImageArchiveError(`${what} is not a valid descriptor`);
  }
  return { mediaType: String(d.mediaType ?? ''), digest: d.digest, size: d.size, ...(d.annotations ? { annotations: d.annotations } : {}) };
}

/** A blob of the layout, checked against its descriptor's digest and size. */
function readBlob(files: ArchiveFiles, descriptor: Descriptor, what: string): Uint8Array {
  const hex = descriptor.digest.slice(descriptor.digest.indexOf(':') + 1);
  const algorithm = descriptor.digest.slice(0, descriptor.digest.indexOf(':'));
  const path = `blobs/${algorithm}/${hex}`;
  const bytes = files.bytes(path, `${what} blob`);
  if (bytes === undefined) throw new MissingBlobError(what, path, descriptor.digest);
  const actual = files.isVerified(path) ? descriptor.digest : sha256(bytes);
  if (actual !== descriptor.digest || bytes.byteLength !== descriptor.size) {
    throw new BlobDigestMismatchError(what, path, `${descriptor.digest} (${descriptor.size} bytes)`, `${actual} (${bytes.byteLength} bytes)`);
  }
  return bytes;
}

function readOciImage(files: ArchiveFiles, descriptor: Descriptor): LoadedArchiveImage {
  const manifestBytes = readBlob(files, descriptor, 'manifest');
  const manifest = parseJson(manifestBytes, `manifest ${descriptor.digest}`) as { config?: unknown; layers?: unknown };
  const configDescriptor = asDescriptor(manifest.config, 'the manifest config');
  const configBytes = readBlob(files, configDescriptor, 'config');
  const diffIds = parseImageConfig(configBytes).rootfs.diff_ids;
  const layerDescriptors = (Array.isArray(manifest.layers) ? manifest.layers : []).map((l, i) => asDescriptor(l, `layer ${i}`));
  if (layerDescriptors.length !== diffIds.length) {
    throw new InvalidImageArchiveError(`invalid manifest, layers length mismatch: expected ${layerDescriptors.length}, got ${diffIds.length}`);
  }
  const layers = layerDescriptors.map((d, i) => {
    if (!isLayerMediaType(d.mediaType)) {
      throw new InvalidImageArchiveError(`layer ${i} has media type ${d.mediaType}, which this model cannot unpack (tar or tar+gzip only)`);
    }
    const blob = readBlob(files, d, `layer ${i}`);
    if (isGzipLayerMediaType(d.mediaType) !== isGzip(blob)) {
      throw new InvalidImageArchiveError(`layer ${i} is declared ${d.mediaType} but its bytes are ${isGzip(blob) ? '' : 'not '}gzip`);
    }
    return loadLayer(i, `blobs/sha256/${d.digest.slice(7)}`, blob, diffIds[i]!, d.digest);
  });
  const fullName = descriptor.annotations?.['io.containerd.image.name'];
  const refName = descriptor.annotations?.['org.opencontainers.image.ref.name'];
  const repoTags: string[] = [];
  if (fullName !== undefined) {
    const ref = parseReference(fullName);
    if (ref.tag !== undefined) repoTags.push(familiarString({ domain: ref.domain, path: ref.path, tag: ref.tag }));
  }
  return Object.freeze({
    image: Image.fromConfigBytes(configBytes, layers),
    repoTags: Object.freeze(repoTags),
    manifestDigest: descriptor.digest,
    ...(refName !== undefined && fullName === undefined ? { refName } : {}),
  });
}

function readOciLayout(files: ArchiveFiles): LoadedArchive {
  const layoutBytes = files.bytes('oci-layout', 'oci-layout');
  if (layoutBytes === undefined) throw new InvalidImageArchiveError('index.json without an oci-layout file is not an OCI image layout');
  const layout = parseJson(layoutBytes, 'oci-layout') as { imageLayoutVersion?: unknown };
  if (typeof layout.imageLayoutVersion !== 'string') throw new InvalidImageArchiveError('oci-layout has no imageLayoutVersion');
  const images: LoadedArchiveImage[] = [];
  const walk = (index: unknown, where: string, depth: number): void => {
    if (depth > 8) throw new InvalidImageArchiveError('indexes nested more than 8 deep');
    const manifests = (index as { manifests?: unknown }).manifests;
    if (!Array.isArray(manifests)) throw new InvalidImageArchiveError(`${where} has no manifests list`);
    manifests.forEach((raw, i) => {
      const descriptor = asDescriptor(raw, `${where} manifests[${i}]`);
      if (descriptor.mediaType === MediaTypes.ociIndex || descriptor.mediaType === MediaTypes.dockerManifestList) {
        walk(parseJson(readBlob(files, descriptor, 'index'), `index ${descriptor.digest}`), `index ${descriptor.digest}`, depth + 1);
      } else if (descriptor.mediaType === MediaTypes.ociManifest || descriptor.mediaType === MediaTypes.dockerManifest) {
        images.push(readOciImage(files, descriptor));
      }
      // Other artifacts (attestations, signatures) are not images: skipped, as docker load does.
    });
  };
  walk(parseJson(files.bytes('index.json', 'index')!, 'index.json'), 'index.json', 0);
  return Object.freeze({ format: 'oci-layout', images: Object.freeze(images) });
}

/** Reads and verifies an image archive (see the file comment for the formats). */
export function readImageArchive(bytes: Uint8Array): LoadedArchive {
  const files = ArchiveFiles.read(bytes);
  files.verifyAllBlobs();
  if (files.has('manifest.json')) {
    return readDockerManifest(files, files.has('oci-layout') && files.has('index.json') ? 'docker-save' : 'docker-archive');
  }
  if (files.has('index.json')) return readOciLayout(files);
  throw new InvalidImageArchiveError('does not contain a manifest.json');
}
