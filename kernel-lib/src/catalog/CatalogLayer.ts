/**
 * A layer of a catalog image. It is a real layer — `layer` is the layer module's `Layer` over the
 * entries the spec describes, and its tar and gzip bytes are what get hashed — but building and
 * hashing a 500 MB layer takes seconds, so the identities (diffID, blob digest, sizes) come from a
 * precomputed table when the table has them for this exact spec (`catalogLayerDigests.ts`,
 * regenerated and re-derived by the catalog tests), and are computed from the bytes otherwise.
 * Everything else is delegated to the real layer, built on first use.
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import type { ImageLayer } from '../image/ImageLayer';
import { layerFromEntries, OCI_LAYER_MEDIA_TYPE, type Layer } from '../layer/Layer';
import type { LayerEntry } from '../layer/LayerEntry';
import type { TarEntry } from '../tar/TarEntry';
import { catalogLayerEntries, catalogLayerFileBytes, payloadRandomShare, type CatalogLayerSpec } from './CatalogLayerSpec';
import { CATALOG_LAYER_DIGESTS } from './catalogLayerDigests';

export interface CatalogLayerIdentities {
  readonly diffId: Digest;
  readonly size: number;
  readonly digest: Digest;
  readonly compressedSize: number;
}

export class CatalogLayer implements ImageLayer {
  readonly key: string;
  readonly spec: CatalogLayerSpec;
  readonly mediaType = OCI_LAYER_MEDIA_TYPE;
  #layer: Layer | undefined;
  #identities: CatalogLayerIdentities | undefined;
  #fingerprint: string | undefined;
  #diffSize: number | undefined;

  constructor(spec: CatalogLayerSpec) {
    this.key = spec.key;
    this.spec = spec;
  }

  /** The real layer (entries, tar, gzip), built on first use. */
  get layer(): Layer {
    this.#layer ??= layerFromEntries(catalogLayerEntries(this.spec));
    return this.#layer;
  }

  get entries(): readonly LayerEntry[] {
    return this.layer.entries;
  }

  get tarEntries(): readonly TarEntry[] {
    return this.layer.tarEntries;
  }

  /**
   * A digest of what the spec says the layer holds (paths, kinds, modes, times, sizes, texts and
   * payload seeds): a precomputed identity is used only for the spec it was computed from.
   */
  get fingerprint(): string {
    if (this.#fingerprint === undefined) {
      const described = catalogLayerEntries(this.spec).map((e) => [
        e.kind,
        e.path,
        e.mode ?? null,
        e.mtimeMs ?? 0,
        e.linkTarget ?? null,
        typeof e.content === 'string' ? sha256(e.content) : e.content === undefined ? null : (e.content as { size: number }).size,
      ]);
      this.#fingerprint = sha256(JSON.stringify([payloadRandomShare(this.spec), described])).slice(7, 23);
    }
    return this.#fingerprint;
  }

  #ids(): CatalogLayerIdentities {
    if (this.#identities === undefined) {
      const row = CATALOG_LAYER_DIGESTS[this.key];
      this.#identities =
        row !== undefined && row[0] === this.fingerprint
          ? { diffId: row[1] as Digest, size: row[2], digest: row[3] as Digest, compressedSize: row[4] }
          : this.deriveIdentities();
    }
    return this.#identities;
  }

  /** The identities computed now from the bytes (tar and gzip streamed and hashed), ignoring the table. */
  deriveIdentities(): CatalogLayerIdentities {
    const layer = this.layer;
    return { diffId: layer.diffId, size: layer.size, digest: layer.digest, compressedSize: layer.compressedSize };
  }

  get diffId(): Digest {
    return this.#ids().diffId;
  }

  get size(): number {
    return this.#ids().size;
  }

  get digest(): Digest {
    return this.#ids().digest;
  }

  get compressedSize(): number {
    return this.#ids().compressedSize;
  }

  /** Bytes of regular files: what `docker history` shows. Exact by construction (see CatalogLayerSpec). */
  get diffSize(): number {
    this.#diffSize ??= catalogLayerFileBytes(this.spec);
    return this.#diffSize;
  }

  tarChunks(): Iterable<Uint8Array> {
    return this.layer.tarChunks();
  }

  blobChunks(): Iterable<Uint8Array> {
    return this.layer.blobChunks();
  }

  toString(): string {
    return `CatalogLayer(${this.key}, ${this.diffSize} bytes of files)`;
  }
}
