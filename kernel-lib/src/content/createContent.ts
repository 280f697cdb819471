/**
 * Constructors of `Content` values. Real bytes for what a lesson writes (`echo hi > f`); lazy
 * descriptions for what would be too big to hold (`dd if=/dev/zero bs=1M count=1024`).
 *
 * @example
 *   const big = zeroContent(1 << 30).append('end\n'); // 1 GiB + 4 bytes, a few hundred bytes of memory
 *   big.digest();                                      // real SHA-256 over the exact bytes, streamed
 */
import type { Content } from './Content';
import { checkSize, SegmentedContent, toSegments } from './SegmentedContent';

/** A copy of `bytes` as a content. */
export function bytesContent(bytes: Uint8Array): Content {
  return new SegmentedContent(toSegments(bytes));
}

/** The UTF-8 bytes of `text`. */
export function textContent(text: string): Content {
  return new SegmentedContent(toSegments(text));
}

/** `size` zero bytes, held as a description (as `dd if=/dev/zero` or `truncate -s` produce). */
export function zeroContent(size: number): Content {
  checkSize(size, 'zero content size');
  return new SegmentedContent([{ kind: 'zeros', size }]);
}

/**
 * `size` seeded pseudo-random bytes (as `dd if=/dev/urandom` would produce, but reproducible):
 * the same seed gives the same bytes on every machine. See seededRandomStream.ts for the exact
 * construction (AES-128-CTR keystream).
 */
export function randomContent(size: number, seed: number | string): Content {
  checkSize(size, 'random content size');
  return new SegmentedContent([{ kind: 'random', seed: String(seed), offset: 0, size }]);
}

/** The pieces in order, as one content (stays lazy where a piece is lazy). */
export function concatContent(...parts: ReadonlyArray<Content | Uint8Array | string>): Content {
  return new SegmentedContent(parts.flatMap((p) => toSegments(p)));
}

/** Accepts what `FileSystem.writeFile` accepts; a `Content` is returned as is. */
export function toContent(data: Content | Uint8Array | string): Content {
  if (isContent(data)) return data;
  return new SegmentedContent(toSegments(data));
}

export function isContent(value: unknown): value is Content {
  if (value instanceof SegmentedContent) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Content).chunks === 'function' &&
    typeof (value as Content).digest === 'function' &&
    typeof (value as Content).size === 'number'
  );
}

/** The empty content (0 bytes). */
export const EMPTY_CONTENT: Content = new SegmentedContent([]);
