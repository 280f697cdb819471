/**
 * The model objects the views accept directly, as structural types (so view never imports the
 * engine, and a value from any module with these fields works): the engine's `Image`, the
 * `Engine` itself, a build's result.
 */
export interface ImageLayerLike {
  readonly diffId: string;
  /** Uncompressed tar bytes. */
  readonly size: number;
  /** Bytes of the files in the layer (docker's SIZE); preferred over `size` when present. */
  readonly diffSize?: number;
}

export interface ImageHistoryLike {
  readonly created_by?: string;
  readonly empty_layer?: boolean;
}

export interface ImageLike {
  readonly id?: string;
  readonly layers: readonly ImageLayerLike[];
  readonly history: readonly ImageHistoryLike[];
  readonly chainIds?: readonly string[];
}

export interface EngineLike {
  getImage(ref: string): ImageLike;
  readonly clock: { now(): number };
}

export function isEngineLike(x: unknown): x is EngineLike {
  return typeof x === 'object' && x !== null && typeof (x as EngineLike).getImage === 'function' && typeof (x as EngineLike).clock?.now === 'function';
}

export function isImageLike(x: unknown): x is ImageLike {
  return typeof x === 'object' && x !== null && Array.isArray((x as ImageLike).layers) && Array.isArray((x as ImageLike).history);
}
