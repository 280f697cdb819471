/**
 * The one implementation of `Content`: an immutable list of segments (see ContentSegments.ts).
 * Every operation — append, truncate, slice — works on the description; bytes are produced only
 * when they are streamed, and the SHA-256 is computed once and cached.
 */
import { Sha256Hasher } from '../digest/sha256';
import type { Digest } from '../digest/Digest';
import type { Content } from './Content';
import { ContentTooLargeError, InvalidContentSizeError } from './ContentError';
import { normaliseSegments, sameSegments, segmentSize, sliceSegment, type ContentSegment } from './ContentSegments';
import { seededRandomBytes, seededRandomChunks } from './seededRandomStream';

export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const DEFAULT_BYTES_LIMIT = 64 << 20;
/** Real contents up to this size are compared byte by byte; larger ones by digest. */
const COMPARE_BYTES_UP_TO = 1 << 20;

let sharedZeros = new Uint8Array(DEFAULT_CHUNK_SIZE);
/** A read-only view of `n` zero bytes (one shared buffer: chunks are never to be written to). */
function zeroView(n: number): Uint8Array {
  if (sharedZeros.length < n) sharedZeros = new Uint8Array(n);
  return sharedZeros.subarray(0, n);
}

export function checkSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new InvalidContentSizeError(size, what);
}

export class SegmentedContent implements Content {
  readonly size: number;
  readonly lazy: boolean;
  readonly segments: readonly ContentSegment[];
  #digest: Digest | undefined;

  constructor(segments: readonly ContentSegment[]) {
    this.segments = Object.freeze(normaliseSegments(segments).map((s) => Object.freeze(s)));
    this.size = this.segments.reduce((n, s) => n + segmentSize(s), 0);
    this.lazy = this.segments.some((s) => s.kind !== 'bytes');
    Object.freeze(this);
  }

  *chunks(chunkSize: number = DEFAULT_CHUNK_SIZE): Iterable<Uint8Array> {
    checkSize(chunkSize, 'chunk size');
    if (chunkSize === 0) throw new InvalidContentSizeError(chunkSize, 'chunk size');
    for (const segment of this.segments) {
      if (segment.kind === 'bytes') {
        for (let at = 0; at < segment.data.length; at += chunkSize) yield segment.data.subarray(at, at + chunkSize);
      } else if (segment.kind === 'zeros') {
        for (let left = segment.size; left > 0; left -= chunkSize) yield zeroView(Math.min(left, chunkSize));
      } else {
        yield* seededRandomChunks(segment.seed, segment.offset, segment.size, chunkSize);
      }
    }
  }

  bytes(limit: number = DEFAULT_BYTES_LIMIT): Uint8Array {
    if (this.size > limit) throw new ContentTooLargeError(this.size, limit);
    return this.slice(0, this.size);
  }

  slice(start: number, end: number = this.size): Uint8Array {
    const from = clamp(start, this.size);
    const to = Math.max(from, clamp(end, this.size));
    const out = new Uint8Array(to - from);
    let base = 0;
    for (const segment of this.segments) {
      const size = segmentSize(segment);
      const a = Math.max(from, base);
      const b = Math.min(to, base + size);
      if (a < b) {
        const part = sliceSegment(segment, a - base, b - base);
        if (part.kind === 'bytes') out.set(part.data, a - from);
        else if (part.kind === 'random') out.set(seededRandomBytes(part.seed, part.offset, part.size), a - from);
        // zeros: already zero
      }
      base += size;
      if (base >= to) break;
    }
    return out;
  }

  text(limit: number = DEFAULT_BYTES_LIMIT): string {
    return Buffer.from(this.bytes(limit)).toString('utf8');
  }

  digest(): Digest {
    // The cache lives in a private field, which Object.freeze does not lock; the value never changes.
    if (this.#digest === undefined) {
      const hasher = new Sha256Hasher();
      for (const chunk of this.chunks()) hasher.update(chunk);
      this.#digest = hasher.digest();
    }
    return this.#digest;
  }

  append(tail: Content | Uint8Array | string): Content {
    const more = toSegments(tail);
    if (more.length === 0) return this;
    return new SegmentedContent([...this.segments, ...more]);
  }

  truncate(size: number): Content {
    checkSize(size, 'truncate size');
    if (size === this.size) return this;
    if (size > this.size) return new SegmentedContent([...this.segments, { kind: 'zeros', size: size - this.size }]);
    const kept: ContentSegment[] = [];
    let base = 0;
    for (const segment of this.segments) {
      const n = segmentSize(segment);
      if (base + n <= size) kept.push(segment);
      else {
        kept.push(sliceSegment(segment, 0, size - base));
        break;
      }
      base += n;
    }
    return new SegmentedContent(kept);
  }

  equals(other: Content): boolean {
    if (other === this) return true;
    if (other.size !== this.size) return false;
    if (other instanceof SegmentedContent && sameSegments(this.segments, other.segments)) return true;
    if (!this.lazy && !other.lazy && this.size <= COMPARE_BYTES_UP_TO) {
      return Buffer.from(this.bytes()).equals(other.bytes());
    }
    return this.digest() === other.digest();
  }

  describe(): string {
    if (this.segments.length === 0) return '0 bytes';
    return this.segments
      .map((s) => {
        if (s.kind === 'bytes') return `${s.data.length} bytes`;
        if (s.kind === 'zeros') return `${s.size} zero bytes`;
        return `${s.size} random bytes (seed ${JSON.stringify(s.seed)}${s.offset ? `, from ${s.offset}` : ''})`;
      })
      .join(' + ');
  }

  toString(): string {
    return `Content(${this.describe()})`;
  }
}

function clamp(n: number, size: number): number {
  if (!Number.isFinite(n)) return n > 0 ? size : 0;
  const i = Math.trunc(n);
  return i < 0 ? Math.max(0, size + i) : Math.min(i, size);
}

/** The segments of any accepted data; real bytes are copied so later writes to the caller's buffer cannot leak in. */
export function toSegments(data: Content | Uint8Array | string): ContentSegment[] {
  if (typeof data === 'string') return [{ kind: 'bytes', data: new Uint8Array(Buffer.from(data, 'utf8')) }];
  if (data instanceof Uint8Array) return [{ kind: 'bytes', data: new Uint8Array(data) }];
  if (data instanceof SegmentedContent) return [...data.segments];
  // A foreign Content implementation: take its bytes, streamed. Small ones only ever reach here.
  const parts: ContentSegment[] = [];
  for (const chunk of data.chunks()) parts.push({ kind: 'bytes', data: new Uint8Array(chunk) });
  return parts;
}
