/**
 * The byte stream behind `randomContent(size, seed)`: deterministic, position-addressable and fast.
 *
 * Construction (documented so that anyone can reproduce the bytes): the keystream of AES-128 in
 * counter mode (NIST SP 800-38A, CTR) with
 *   key     = the first 16 bytes of SHA-256("layerlab seeded-random v1\0" + String(seed)),
 *   counter = a 128-bit big-endian block number, starting at 0 for byte 0 of the stream.
 * Byte `i` of the stream is byte `i % 16` of AES(key, i / 16). Because the counter is the block
 * number, any range [offset, offset + n) is produced directly, without generating what precedes it
 * (truncating or slicing a lazy file costs nothing). AES-CTR runs on the CPU's AES instructions at
 * more than 1 GB/s here, so hashing a lazy random file is bound by SHA-256, not by the generator.
 * (It is a PRNG, not a secret: the key is derived from a public seed.)
 */
import { createCipheriv, createHash } from 'node:crypto';

const BLOCK = 16;
const DOMAIN = 'layerlab seeded-random v1\0';

function keyFor(seed: string): Buffer {
  return createHash('sha256').update(DOMAIN + seed).digest().subarray(0, 16);
}

function counterBlock(blockNumber: number): Buffer {
  const iv = Buffer.alloc(BLOCK);
  iv.writeBigUInt64BE(BigInt(blockNumber), 8);
  return iv;
}

let zeroPool = Buffer.alloc(0);
function zeros(n: number): Buffer {
  if (zeroPool.length < n) zeroPool = Buffer.alloc(Math.max(n, 1 << 20));
  return zeroPool.subarray(0, n);
}

/**
 * The stream's bytes [offset, offset + length), yielded in pieces of at most `chunkSize` bytes.
 * One cipher is kept across pieces, so a long range is one pass of the keystream.
 */
export function* seededRandomChunks(
  seed: string,
  offset: number,
  length: number,
  chunkSize: number,
): Generator<Uint8Array, void, undefined> {
  if (length <= 0) return;
  const cipher = createCipheriv('aes-128-ctr', keyFor(seed), counterBlock(Math.floor(offset / BLOCK)));
  // Discard the bytes of the first block that come before `offset`.
  const skip = offset % BLOCK;
  if (skip > 0) cipher.update(zeros(skip));
  let left = length;
  while (left > 0) {
    const n = Math.min(chunkSize, left);
    yield cipher.update(zeros(n));
    left -= n;
  }
}

/** The stream's bytes [offset, offset + length) as one buffer (for small slices). */
export function seededRandomBytes(seed: string, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of seededRandomChunks(seed, offset, length, 1 << 20)) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
