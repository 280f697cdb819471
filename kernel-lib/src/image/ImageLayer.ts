/**
 * What an image needs from a layer: its identities, sizes and bytes. The layer module's `Layer`
 * satisfies this structurally; images read from an archive wrap their blobs in it too
 * (go-containerregistry's small read-only `Layer` interface).
 */
import type { Digest } from '../digest/Digest';

export interface ImageLayer {
  /** Digest of the uncompressed tar (config `rootfs.diff_ids`). */
  readonly diffId: Digest;
  /** Digest of the blob as stored and transferred (the gzip, or the tar itself when uncompressed). */
  readonly digest: Digest;
  /** Bytes of the uncompressed tar. */
  readonly size: number;
  /** Bytes of the blob (`digest` covers these). */
  readonly compressedSize: number;
  /** Media type of the blob; an OCI gzip layer when absent. */
  readonly mediaType?: string;
  /**
   * What docker shows as this layer's SIZE (`docker history`, `docker images`, `system df`): the
   * graphdriver's DiffSize, the bytes of the files the changeset holds (directories and whiteouts
   * count 0). Falls back to the tar size when a layer does not know it.
   */
  readonly diffSize?: number;
  /** The uncompressed tar, in chunks (a lazy 1 GB layer is never one buffer). */
  tarChunks(): Iterable<Uint8Array>;
  /** The blob as stored (the gzip stream); absent when the blob is the uncompressed tar. */
  blobChunks?(): Iterable<Uint8Array>;
}

/** The size docker reports for a layer (see `ImageLayer.diffSize`). */
export function layerDiffSize(layer: ImageLayer): number {
  return layer.diffSize ?? layer.size;
}
