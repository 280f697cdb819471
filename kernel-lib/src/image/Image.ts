/**
 * An image: a configuration document plus the ordered layers it names (OCI image-spec; in the
 * style of go-containerregistry's `v1.Image`). Immutable: every change (`appendImageLayer`,
 * `setImageRunConfig`, …) returns a new `Image`, with a new ID whenever the config bytes change.
 *
 * Identities (OCI-FACTS §1.2):
 *  - `id` — the image ID, SHA-256 of the exact config bytes (what `docker images` shows);
 *  - `diffIds` / `chainIds` — the layers' uncompressed digests and the stack identities;
 *  - `manifestFor(format).digest` — a repository digest: SHA-256 of the manifest bytes.
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import { chainIds } from './chainId';
import { InvalidImageError } from './ImageError';
import type { ImageConfigFile, ImageHistoryEntry, ImagePlatform, ImageRunConfig } from './ImageConfig';
import { layerDiffSize, type ImageLayer } from './ImageLayer';
import { serializeImageManifest, type ImageManifest, type ManifestStyle, type OciDescriptor } from './manifest';
import { MediaTypes } from './mediaTypes';
import { parseImageConfig } from './parseImageConfig';
import { serializeImageConfig, type ImageConfigStyle } from './serializeImageConfig';

/** Which manifest flavour to describe an image with. */
export type ManifestFormat = 'oci' | 'docker';

/** A manifest together with its exact bytes and digest. */
export interface SerializedManifest {
  readonly manifest: ImageManifest;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  readonly digest: Digest;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value as object)) deepFreeze(member);
  }
  return value;
}

/** The layer media type for a manifest flavour (OCI and Docker gzip types are interchangeable). */
function layerMediaType(layer: ImageLayer, format: ManifestFormat): string {
  const mediaType = layer.mediaType ?? MediaTypes.ociLayerGzip;
  const gzip = mediaType === MediaTypes.ociLayerGzip || mediaType === MediaTypes.dockerLayerGzip;
  const plain = mediaType === MediaTypes.ociLayer || mediaType === MediaTypes.dockerLayer;
  if (format === 'docker') {
    if (gzip) return MediaTypes.dockerLayerGzip;
    if (plain) return MediaTypes.dockerLayer;
  } else {
    if (gzip) return MediaTypes.ociLayerGzip;
    if (plain) return MediaTypes.ociLayer;
  }
  return mediaType;
}

export class Image {
  readonly config: ImageConfigFile;
  readonly layers: readonly ImageLayer[];
  /** The image ID: `sha256(configBytes)`. */
  readonly id: Digest;
  readonly #configBytes: Uint8Array;
  #chainIds: readonly Digest[] | undefined;

  private constructor(config: ImageConfigFile, configBytes: Uint8Array, layers: readonly ImageLayer[]) {
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== layers.length) {
      throw new InvalidImageError(
        `the config lists ${diffIds.length} diff_ids but ${layers.length} layers were given`,
        { diffIds: diffIds.length, layers: layers.length },
      );
    }
    layers.forEach((layer, i) => {
      if (layer.diffId !== diffIds[i]) {
        throw new InvalidImageError(`layer ${i} has diffID ${layer.diffId} but the config lists ${diffIds[i]}`, {
          index: i,
          expected: diffIds[i],
          actual: layer.diffId,
        });
      }
    });
    this.config = deepFreeze(config);
    this.layers = Object.freeze([...layers]);
    this.#configBytes = configBytes.slice();
    this.id = sha256(this.#configBytes);
    Object.freeze(this);
  }

  /**
   * An image from a config document; the bytes are written as BuildKit writes them (or, with
   * `'ocispec'`, as a plain `json.Marshal(ocispec.Image)` does — see serializeImageConfig.ts).
   */
  static fromConfig(config: ImageConfigFile, layers: readonly ImageLayer[], style: ImageConfigStyle = 'buildkit'): Image {
    const copy = structuredClone(config) as ImageConfigFile;
    return new Image(copy, serializeImageConfig(copy, style), layers);
  }

  /**
   * An image from config bytes read elsewhere (an archive, a registry): the bytes are kept exactly,
   * so the image ID is the one the other tool computed.
   */
  static fromConfigBytes(bytes: Uint8Array, layers: readonly ImageLayer[]): Image {
    return new Image(parseImageConfig(bytes), bytes, layers);
  }

  /** A copy of the exact config bytes. */
  configBytes(): Uint8Array {
    return this.#configBytes.slice();
  }

  get diffIds(): readonly Digest[] {
    return this.config.rootfs.diff_ids;
  }

  /** ChainID of every prefix of the layer stack (`chainIds[i]` = layers 0..i). */
  get chainIds(): readonly Digest[] {
    this.#chainIds ??= Object.freeze(chainIds(this.diffIds));
    return this.#chainIds;
  }

  get runConfig(): ImageRunConfig {
    return this.config.config ?? {};
  }

  get history(): readonly ImageHistoryEntry[] {
    return this.config.history ?? [];
  }

  get platform(): ImagePlatform {
    const { architecture, os, variant } = this.config;
    return variant ? { architecture, os, variant } : { architecture, os };
  }

  /** `created` as milliseconds since the epoch, or `undefined` when the config has none. */
  get createdMs(): number | undefined {
    return this.config.created === undefined ? undefined : Date.parse(this.config.created);
  }

  /** The image size docker reports (graphdriver store): the sum of its layers' DiffSizes. */
  get size(): number {
    return this.layers.reduce((sum, layer) => sum + layerDiffSize(layer), 0);
  }

  /**
   * The manifest a registry would hold for this image: `'oci'` as BuildKit pushes it,
   * `'docker'` (schema 2) as `docker push` does. Its digest is the repository digest.
   */
  manifestFor(format: ManifestFormat = 'oci'): SerializedManifest {
    const mediaType = format === 'oci' ? MediaTypes.ociManifest : MediaTypes.dockerManifest;
    const config: OciDescriptor = {
      mediaType: format === 'oci' ? MediaTypes.ociConfig : MediaTypes.dockerConfig,
      digest: this.id,
      size: this.#configBytes.byteLength,
    };
    const layers = this.layers.map(
      (layer): OciDescriptor => ({
        mediaType: layerMediaType(layer, format),
        digest: layer.digest,
        size: layer.compressedSize,
      }),
    );
    const manifest: ImageManifest = deepFreeze({ schemaVersion: 2, mediaType, config, layers });
    const style: ManifestStyle = format === 'oci' ? 'buildkit' : 'distribution';
    const bytes = serializeImageManifest(manifest, style);
    return Object.freeze({ manifest, mediaType, bytes, digest: sha256(bytes) });
  }
}
