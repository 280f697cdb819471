/**
 * What the registry needs from a layer to push it, and what it hands back on pull: the image
 * module's `ImageLayer`, so an `Image`'s layers go straight in and come back out.
 */
import type { Digest } from '../digest/Digest';
import type { ImageLayer } from '../image/ImageLayer';

export type RegistryLayer = ImageLayer;

/** The image shape `pushImage` reads: the `Image` class of the image module satisfies it. */
export interface PushableImage {
  readonly id: Digest;
  readonly layers: readonly RegistryLayer[];
  configBytes(): Uint8Array;
  manifestFor(format: 'oci' | 'docker'): { readonly bytes: Uint8Array; readonly mediaType: string; readonly digest: Digest };
}
