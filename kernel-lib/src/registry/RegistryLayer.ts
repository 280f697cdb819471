/**
 * What the registry needs from a layer to push it, and what it hands back on pull. This is the
 * image module's `ImageLayer` shape (structurally the same), so an `Image`'s layers go straight in.
 */
import type { Digest } from '../digest/Digest';

export interface RegistryLayer {
  /** Digest of the uncompressed tar (config `rootfs.diff_ids`). */
  readonly diffId: Digest;
  /** Digest of the blob as stored and transferred. */
  readonly digest: Digest;
  /** Bytes of the uncompressed tar. */
  readonly size: number;
  /** Bytes of the blob (what a push or pull moves). */
  readonly compressedSize: number;
  readonly mediaType?: string;
  readonly diffSize?: number;
  tarChunks(): Iterable<Uint8Array>;
  /** The blob as stored when it differs from the tar (gzip); absent when the blob is the tar. */
  blobChunks?(): Iterable<Uint8Array>;
}

/** The image shape `pushImage` reads: the `Image` class of the image module satisfies it. */
export interface PushableImage {
  readonly id: Digest;
  readonly layers: readonly RegistryLayer[];
  configBytes(): Uint8Array;
  manifestFor(format: 'oci' | 'docker'): { readonly bytes: Uint8Array; readonly mediaType: string; readonly digest: Digest };
}
