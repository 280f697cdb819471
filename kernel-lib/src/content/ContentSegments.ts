/**
 * The pieces a content is made of. A content is a list of segments, read in order: real bytes,
 * a run of zero bytes, or a range of a seeded random stream. `zeroContent(1 GiB).append("tail")` is
 * two segments, never a 1 GB buffer.
 */
export type ContentSegment =
  | { readonly kind: 'bytes'; readonly data: Uint8Array }
  | { readonly kind: 'zeros'; readonly size: number }
  /** Bytes [offset, offset + size) of the stream `seededRandomChunks(seed, …)`. */
  | { readonly kind: 'random'; readonly seed: string; readonly offset: number; readonly size: number };

export function segmentSize(segment: ContentSegment): number {
  return segment.kind === 'bytes' ? segment.data.length : segment.size;
}

/** Bytes [start, end) of one segment, as a segment of the same kind. */
export function sliceSegment(segment: ContentSegment, start: number, end: number): ContentSegment {
  switch (segment.kind) {
    case 'bytes':
      return { kind: 'bytes', data: segment.data.subarray(start, end) };
    case 'zeros':
      return { kind: 'zeros', size: end - start };
    case 'random':
      return { kind: 'random', seed: segment.seed, offset: segment.offset + start, size: end - start };
  }
}

/**
 * Canonical form: no empty segments; neighbours of the same kind merged (bytes concatenated, zero
 * runs added, random ranges joined when contiguous in the same stream). Two contents built in
 * different ways from the same pieces then compare equal structurally, without hashing.
 */
export function normaliseSegments(segments: readonly ContentSegment[]): ContentSegment[] {
  const out: ContentSegment[] = [];
  for (const segment of segments) {
    if (segmentSize(segment) === 0) continue;
    const last = out[out.length - 1];
    if (last?.kind === 'bytes' && segment.kind === 'bytes') {
      const data = new Uint8Array(last.data.length + segment.data.length);
      data.set(last.data, 0);
      data.set(segment.data, last.data.length);
      out[out.length - 1] = { kind: 'bytes', data };
    } else if (last?.kind === 'zeros' && segment.kind === 'zeros') {
      out[out.length - 1] = { kind: 'zeros', size: last.size + segment.size };
    } else if (
      last?.kind === 'random' &&
      segment.kind === 'random' &&
      last.seed === segment.seed &&
      last.offset + last.size === segment.offset
    ) {
      out[out.length - 1] = { kind: 'random', seed: last.seed, offset: last.offset, size: last.size + segment.size };
    } else {
      out.push(segment);
    }
  }
  return out;
}

export function sameSegments(a: readonly ContentSegment[], b: readonly ContentSegment[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (y === undefined || x.kind !== y.kind) return false;
    if (x.kind === 'bytes' && y.kind === 'bytes') return Buffer.from(x.data.buffer, x.data.byteOffset, x.data.length).equals(y.data);
    if (x.kind === 'zeros' && y.kind === 'zeros') return x.size === y.size;
    if (x.kind === 'random' && y.kind === 'random') return x.seed === y.seed && x.offset === y.offset && x.size === y.size;
    return false;
  });
}
