/**
 * A layer: an immutable changeset with its identities. Like go-containerregistry's `v1.Layer` it is
 * small and read-only, and it satisfies the image module's `ImageLayer` structurally:
 * - `diffId`  = SHA-256 of the uncompressed tar (config `rootfs.diff_ids`, OCI config.md);
 * - `digest`  = SHA-256 of the gzip blob (manifest `layers[].digest`), `compressedSize` its length;
 * - `size`    = length of the uncompressed tar; `diffSize` = bytes of the files it holds (what
 *   `docker history` shows as SIZE).
 * Digests and sizes are computed on first use by streaming (a 1 GB lazy file is never one buffer)
 * and cached. A layer read from tar or blob bytes keeps those exact bytes, so its identities are
 * the original's even where our writer would have written a different (equivalent) archive.
 */
import { Sha256Hasher } from '../digest/sha256';
import type { Digest } from '../digest/Digest';
import { ContentTooLargeError } from '../content/ContentError';
import { joinChunks } from '../content/joinChunks';
import { gunzipBytes, gzipChunks, isGzip } from '../tar/gzip';
import { readTar } from '../tar/readTar';
import type { TarEntry } from '../tar/TarEntry';
import { tarChunks, tarSize } from '../tar/writeTar';
import { layerEntry, type LayerEntry, type LayerEntryInput } from './LayerEntry';
import { checkNoDuplicates, fromTarEntry, sortLayerEntries, toTarEntry } from './layerTarEntries';

export const OCI_LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_LAYER_TAR_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';

const join = (chunks: Iterable<Uint8Array>, size: number, limit: number): Uint8Array => {
  if (size > limit) throw new ContentTooLargeError(size, limit);
  return joinChunks(chunks, size);
};

export class Layer {
  /** The changes, in tar order. */
  readonly entries: readonly LayerEntry[];
  /** The tar entries, as written (whiteouts as `.wh.` files). */
  readonly tarEntries: readonly TarEntry[];
  /** gzip unless the layer was read from an uncompressed blob (then `digest` = `diffId`). */
  readonly mediaType: string;
  readonly #tar: Uint8Array | undefined;
  readonly #blob: Uint8Array | undefined;
  #diffId: Digest | undefined;
  #size: number | undefined;
  #digest: Digest | undefined;
  #compressedSize: number | undefined;

  /** Use `layerFromEntries`, `layerFromTar` or `layerFromBlob`. */
  constructor(tarEntries: readonly TarEntry[], source: { tar?: Uint8Array; blob?: Uint8Array; uncompressed?: boolean } = {}) {
    checkNoDuplicates(tarEntries);
    this.tarEntries = Object.freeze([...tarEntries]);
    this.entries = Object.freeze(tarEntries.map(fromTarEntry).filter((e): e is LayerEntry => e !== undefined));
    this.#tar = source.tar;
    this.#blob = source.uncompressed ? source.tar : source.blob;
    this.mediaType = source.uncompressed ? OCI_LAYER_TAR_MEDIA_TYPE : OCI_LAYER_MEDIA_TYPE;
    Object.freeze(this);
  }

  get diffId(): Digest {
    if (this.#diffId === undefined) {
      const hasher = new Sha256Hasher();
      for (const chunk of this.tarChunks()) hasher.update(chunk);
      this.#diffId = hasher.digest();
      this.#size = hasher.bytes;
    }
    return this.#diffId;
  }

  /** Bytes of the uncompressed tar. */
  get size(): number {
    if (this.#size === undefined) this.#size = this.#tar?.length ?? tarSize(this.tarEntries);
    return this.#size;
  }

  /** Digest of the gzip blob (computed by compressing, streamed, on first use). */
  get digest(): Digest {
    if (this.#digest === undefined) {
      const hasher = new Sha256Hasher();
      for (const chunk of this.blobChunks()) hasher.update(chunk);
      this.#digest = hasher.digest();
      this.#compressedSize = hasher.bytes;
    }
    return this.#digest;
  }

  get blobDigest(): Digest {
    return this.digest;
  }

  /** Bytes of the gzip blob. */
  get compressedSize(): number {
    if (this.#compressedSize === undefined) void this.digest;
    return this.#compressedSize as number;
  }

  get blobSize(): number {
    return this.compressedSize;
  }

  /** Bytes of the regular files in the changeset (directories, links and whiteouts count 0). */
  get diffSize(): number {
    return this.entries.reduce((n, e) => n + (e.kind === 'file' ? e.content.size : 0), 0);
  }

  /** True when the changeset is empty (an empty tar: 1024 NUL bytes, diffID sha256:5f70bf18…). */
  get isEmpty(): boolean {
    return this.tarEntries.length === 0;
  }

  *tarChunks(): Generator<Uint8Array, void, undefined> {
    if (this.#tar) yield this.#tar;
    else yield* tarChunks(this.tarEntries);
  }

  *blobChunks(): Generator<Uint8Array, void, undefined> {
    if (this.#blob) yield this.#blob;
    else yield* gzipChunks(this.tarChunks());
  }

  /** The uncompressed tar as one buffer (refused above `limit`, default 64 MiB). */
  tarBytes(limit = 64 << 20): Uint8Array {
    return join(this.tarChunks(), this.size, limit);
  }

  /** The gzip blob as one buffer (refused above `limit`, default 64 MiB). */
  blobBytes(limit = 64 << 20): Uint8Array {
    return join(this.blobChunks(), this.compressedSize, limit);
  }

  toString(): string {
    return `Layer(${this.entries.length} entries, ${this.diffSize} bytes of files)`;
  }
}

export interface LayerFromEntriesOptions {
  /** 'walk' (default): directory-walk order, as Docker commits an overlay upper; 'given': as passed. */
  order?: 'walk' | 'given';
}

/**
 * A layer from a changeset.
 *
 * @example
 *   const layer = layerFromEntries([
 *     { kind: 'dir', path: 'app' },
 *     { kind: 'file', path: 'app/hello.txt', content: 'hello\n' },
 *     { kind: 'whiteout', path: 'etc/motd' },
 *   ]);
 *   layer.diffId; // sha256:… of the tar, layer.digest: of its gzip
 */
export function layerFromEntries(entries: ReadonlyArray<LayerEntryInput | LayerEntry>, options: LayerFromEntriesOptions = {}): Layer {
  const full = entries.map((e) => layerEntry(e));
  const ordered = options.order === 'given' ? full : sortLayerEntries(full);
  return new Layer(ordered.map(toTarEntry));
}

/** A layer from the bytes of an uncompressed tar (kept exactly: the diffID is of these bytes). */
export function layerFromTar(tar: Uint8Array): Layer {
  const bytes = new Uint8Array(tar);
  return new Layer(readTar(bytes), { tar: bytes });
}

/** A layer from a gzip blob (kept exactly: the digest is of these bytes), or from an uncompressed tar. */
export function layerFromBlob(blob: Uint8Array): Layer {
  if (!isGzip(blob)) {
    const tar = new Uint8Array(blob);
    return new Layer(readTar(tar), { tar, uncompressed: true });
  }
  const tar = gunzipBytes(blob);
  return new Layer(readTar(tar), { tar, blob: new Uint8Array(blob) });
}

/** The empty layer (1024 NUL bytes; diffID sha256:5f70bf18…, OCI-FACTS §1.4). */
export function emptyLayer(): Layer {
  return new Layer([]);
}
