/**
 * What the layer-stack figure needs, as small structural types: any model object with these
 * fields can be passed (an image's layers bottom-first with diffID, size and created_by; a
 * container's upper-dir changes). `fromModel.ts` turns the engine's objects into these.
 */
export interface StackLayerInput {
  readonly diffId: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** The history entry's created_by (instruction text). */
  readonly createdBy?: string;
  /** Identity of "this layer on top of those below" (OCI ChainID). Derived from the diffIDs when absent. */
  readonly chainId?: string;
  /** A history entry without a filesystem layer (ENV, CMD, LABEL …). */
  readonly emptyLayer?: boolean;
}

export interface StackImageInput {
  /** "node:18" or a short ID. */
  readonly name: string;
  /** Bottom (base) first. */
  readonly layers: readonly StackLayerInput[];
}

export interface UpperEntryInput {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
  readonly size?: number;
}

export interface StackContainerInput {
  readonly name: string;
  /** Which column (image name) the container runs on. */
  readonly image: string;
  readonly changes: readonly UpperEntryInput[];
  /** Bytes in the writable layer. */
  readonly size?: number;
}
