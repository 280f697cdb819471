/**
 * The record of a push or a pull, layer by layer, with the lines the docker CLI prints for it
 * (the final state of each progress line; the transient "Waiting"/"Downloading" states are left out).
 */
import type { Digest } from '../digest/Digest';
import type { ImageReference } from '../reference/ImageReference';
import type { RegistryLayer } from './RegistryLayer';

export type PushedLayerStatus = 'Pushed' | 'Layer already exists' | `Mounted from ${string}`;
export type PulledLayerStatus = 'Already exists' | 'Pull complete';

export interface LayerTransfer<S extends string> {
  /** Position in the image, 0 = base layer. */
  readonly index: number;
  /** The 12-hex progress ID docker prints (push: of the DiffID; pull: of the blob digest). */
  readonly id: string;
  readonly diffId: Digest;
  /** Blob digest in the registry. */
  readonly digest: Digest;
  /** Blob size (compressed bytes). */
  readonly size: number;
  readonly status: S;
  /** Bytes that crossed the wire for this layer: the blob size when sent, else 0. */
  readonly bytesMoved: number;
}

export interface PushReport {
  /** The reference pushed, with its tag (`latest` when none was written). */
  readonly reference: ImageReference;
  /** Bottom (base) layer first. */
  readonly layers: readonly LayerTransfer<PushedLayerStatus>[];
  readonly config: { readonly digest: Digest; readonly size: number; readonly bytesMoved: number };
  readonly manifest: { readonly digest: Digest; readonly size: number; readonly mediaType: string };
  /** Everything uploaded: layer blobs, config and manifest. */
  readonly bytesMoved: number;
  /** What `docker push` prints (layers top-first, as docker lists them). */
  readonly lines: readonly string[];
  readonly text: string;
}

export interface PulledLayer extends LayerTransfer<PulledLayerStatus> {
  /** ChainID of layers 0..index: what the local layer store is keyed by. */
  readonly chainId: Digest;
  readonly mediaType: string;
  /** The downloaded layer; absent for `Already exists` (the local store has it under `chainId`). */
  readonly layer?: RegistryLayer;
}

export interface PullReport {
  /** The reference as docker resolves it (`latest` added; a digest wins over a tag). */
  readonly reference: ImageReference;
  /** The digest the reference resolved to: the manifest's, or the index's for a multi-platform image. */
  readonly digest: Digest;
  /** The image manifest pulled (the platform's manifest when `digest` is an index). */
  readonly manifest: { readonly digest: Digest; readonly mediaType: string; readonly bytes: Uint8Array };
  /** The image ID (config digest). */
  readonly imageId: Digest;
  /** The exact config bytes; absent when the image was already present and nothing was fetched. */
  readonly configBytes?: Uint8Array;
  readonly diffIds: readonly Digest[];
  /** Bottom (base) layer first. */
  readonly layers: readonly PulledLayer[];
  /** True when the reference already named this image locally (`Image is up to date`). */
  readonly upToDate: boolean;
  /** Everything downloaded: manifests, config and layer blobs. */
  readonly bytesMoved: number;
  /** What `docker pull` prints. */
  readonly lines: readonly string[];
  readonly text: string;
}
