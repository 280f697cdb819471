/**
 * Writing tar archives as a stream of chunks: headers, then each file's content chunk by chunk,
 * zero padding to 512 bytes, and the two zero blocks that end the archive (archive/tar's Close).
 * A 1 GB lazy entry is never held in memory; the archive's digest and size are computed from the
 * stream (size even without reading any content).
 */
import { Sha256Hasher } from '../digest/sha256';
import type { Digest } from '../digest/Digest';
import { ContentTooLargeError } from '../content/ContentError';
import { joinChunks } from '../content/joinChunks';
import type { TarEntry } from './TarEntry';
import { BLOCK_SIZE, encodeHeader, padded } from './tarHeader';

const END_OF_ARCHIVE = new Uint8Array(2 * BLOCK_SIZE);
const ZERO_PAD = new Uint8Array(BLOCK_SIZE);

/** The archive's bytes, in order, as chunks of at most ~1 MiB (never one big buffer). */
export function* tarChunks(entries: Iterable<TarEntry>): Generator<Uint8Array, void, undefined> {
  for (const entry of entries) {
    yield* encodeHeader(entry);
    if (entry.type !== 'file' || entry.content.size === 0) continue;
    yield* entry.content.chunks();
    const pad = padded(entry.content.size) - entry.content.size;
    if (pad > 0) yield ZERO_PAD.subarray(0, pad);
  }
  yield END_OF_ARCHIVE;
}

/** Exact size of the archive in bytes, computed from the headers alone. */
export function tarSize(entries: Iterable<TarEntry>): number {
  let size = 2 * BLOCK_SIZE;
  for (const entry of entries) {
    for (const block of encodeHeader(entry)) size += block.length;
    if (entry.type === 'file') size += padded(entry.content.size);
  }
  return size;
}

/** SHA-256 of the archive, streamed (for a layer this is its diffID, OCI config.md). */
export function tarDigest(entries: Iterable<TarEntry>): Digest {
  const hasher = new Sha256Hasher();
  for (const chunk of tarChunks(entries)) hasher.update(chunk);
  return hasher.digest();
}

/** The whole archive as one buffer (refused above `limit`, default 64 MiB: stream with `tarChunks`). */
export function writeTar(entries: readonly TarEntry[], limit = 64 << 20): Uint8Array {
  const size = tarSize(entries);
  if (size > limit) throw new ContentTooLargeError(size, limit);
  return joinChunks(tarChunks(entries), size);
}
