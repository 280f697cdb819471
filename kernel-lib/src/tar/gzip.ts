/**
 * Deterministic, streaming gzip for layer blobs (RFC 1952 framing around zlib's raw deflate).
 *
 * - Header: no mtime, no file name, XFL 0, OS 255 ("unknown") — what Go's compress/gzip writes at
 *   its default level, so the same machine-independent header as moby/containerd blobs.
 * - Body: the input is cut into fixed 1 MiB blocks (independent of how the caller chunks it); each
 *   block is deflated at level 6 and ended with a full flush, so blocks are byte-aligned and do not
 *   share a window; an empty final block closes the stream. Memory stays bounded for a 1 GB layer
 *   and the output depends only on the input bytes.
 * - Incompressible blocks: like pigz/zstd's incompressible-data shortcut, a block whose first 16 KiB
 *   do not shrink by 1% at level 1 is stored (deflate level 0). This keeps a 1 GB seeded-random file
 *   gzipping at memory speed instead of ~45 MB/s; it is still a function of the bytes alone.
 * - Trailer: CRC-32 and length mod 2^32.
 * Compression is not canonical (OCI-FACTS §1.2): other gzip writers give other blob digests for the
 * same diffID; ours is fixed so that the course's digests are the same on every machine.
 */
import { constants, crc32, deflateRawSync, gunzipSync } from 'node:zlib';
import { ContentTooLargeError } from '../content/ContentError';

const BLOCK = 1 << 20;
const PROBE = 16 << 10;
export const GZIP_LEVEL = 6;
const HEADER = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const FINAL_EMPTY_BLOCK = Uint8Array.from([0x03, 0x00]);

function isIncompressible(block: Uint8Array): boolean {
  const probe = block.subarray(0, PROBE);
  const out = deflateRawSync(probe, { level: 1, finishFlush: constants.Z_FULL_FLUSH });
  return out.length >= probe.length * 0.99;
}

function deflateBlock(block: Uint8Array): Uint8Array {
  const level = isIncompressible(block) ? 0 : GZIP_LEVEL;
  return deflateRawSync(block, { level, finishFlush: constants.Z_FULL_FLUSH });
}

/** The gzip stream of the concatenated input chunks, as chunks. */
export function* gzipChunks(input: Iterable<Uint8Array>): Generator<Uint8Array, void, undefined> {
  yield HEADER;
  let crc = 0;
  let length = 0;
  const pending = new Uint8Array(BLOCK);
  let fill = 0;
  for (const chunk of input) {
    crc = crc32(chunk, crc);
    length += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(BLOCK - fill, chunk.length - at);
      pending.set(chunk.subarray(at, at + n), fill);
      fill += n;
      at += n;
      if (fill === BLOCK) {
        yield deflateBlock(pending);
        fill = 0;
      }
    }
  }
  if (fill > 0) yield deflateBlock(pending.subarray(0, fill));
  yield FINAL_EMPTY_BLOCK;
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  yield trailer;
}

/** gzip of `bytes` as one buffer. */
export function gzipBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.concat([...gzipChunks([bytes])]));
}

/** The bytes inside a gzip stream (any gzip writer's). Refused above `limit` (default 1 GiB + 1 MiB). */
export function gunzipBytes(blob: Uint8Array, limit = (1 << 30) + (1 << 20)): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(blob, { maxOutputLength: limit }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ContentTooLargeError(Infinity, limit);
    throw error;
  }
}

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
