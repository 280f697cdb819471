/**
 * A file's content in the model. It is either real bytes or a *lazy description* (zero-filled or
 * seeded pseudo-random bytes, followed by appended real bytes) that is streamed chunk by chunk when
 * hashed, copied or exported — so the seeds' 512 MB and 1 GB files never sit in memory as one
 * buffer, while their digests are still real SHA-256 over the exact bytes.
 *
 * Values are immutable: appending or truncating returns a new `Content`.
 * (The constructors — `bytesContent`, `textContent`, `zeroContent`, `randomContent`, `toContent` —
 * and the implementation live beside this file; this is the shared contract that the union
 * filesystem, the shell, tar and the builder rely on.)
 */
import type { Digest } from '../digest/Digest';

export interface Content {
  /** Exact length in bytes. */
  readonly size: number;
  /** True when the bytes are described rather than stored (zeros / seeded random + a real tail). */
  readonly lazy: boolean;
  /** The exact bytes, streamed in chunks of at most `chunkSize` bytes (default 1 MiB). */
  chunks(chunkSize?: number): Iterable<Uint8Array>;
  /** All bytes as one buffer. Throws for content larger than `limit` (default 64 MiB) — stream instead. */
  bytes(limit?: number): Uint8Array;
  /** Bytes [start, end) as one buffer (for `head`, `tail`, `cat` of a small part). */
  slice(start: number, end?: number): Uint8Array;
  /** The content as UTF-8 text (small content only; same limit as `bytes`). */
  text(limit?: number): string;
  /** SHA-256 of the exact bytes; computed once, then cached. */
  digest(): Digest;
  /** A new content with `tail` appended (stays lazy when this one is lazy). */
  append(tail: Content | Uint8Array | string): Content;
  /** A new content cut or zero-extended to `size` bytes (as truncate(2) does). */
  truncate(size: number): Content;
  /** True when both contents are the same bytes (compares digests only when it must). */
  equals(other: Content): boolean;
  /**
   * A short human description of how the bytes are held, e.g. `"1073741824 zero bytes + 6 bytes"`
   * (for printed trees and notebook output; never used for identity — that is `digest()`).
   */
  describe(): string;
}
