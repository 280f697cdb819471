/**
 * The library's one hashing entry point: every digest in the model (layer diffIDs, blob digests,
 * config and manifest digests, chain IDs) is computed here, over the exact bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { digestAlgorithm, digestHex, type Digest } from './Digest';

export type Hashable = Uint8Array | string;

/** `sha256(bytes | string)` → `"sha256:<64 hex>"`. Strings are hashed as their UTF-8 bytes. */
export function sha256(input: Hashable): Digest {
  return `sha256:${createHash('sha256').update(input).digest('hex')}` as Digest;
}

/**
 * An incremental SHA-256 for content that is streamed (a 1 GB lazy file is hashed chunk by chunk
 * and never held in memory as one buffer).
 */
export class Sha256Hasher {
  readonly #hash: Hash = createHash('sha256');
  #bytes = 0;

  update(chunk: Hashable): this {
    this.#hash.update(chunk);
    this.#bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    return this;
  }

  /** Number of bytes hashed so far. */
  get bytes(): number {
    return this.#bytes;
  }

  digest(): Digest {
    return `sha256:${this.#hash.digest('hex')}` as Digest;
  }
}

/** Hashes a sequence of chunks as one stream of bytes. */
export function sha256Chunks(chunks: Iterable<Uint8Array>): Digest {
  const hasher = new Sha256Hasher();
  for (const chunk of chunks) hasher.update(chunk);
  return hasher.digest();
}

/**
 * True when `bytes` hash to `digest`. Only sha256 is computed here; a sha512 digest is compared
 * with Node's sha512 so that a well-formed digest of either registered algorithm can be checked.
 */
export function verify(digest: Digest, bytes: Hashable): boolean {
  const algorithm = digestAlgorithm(digest);
  const hex = createHash(algorithm).update(bytes).digest('hex');
  return hex === digestHex(digest);
}
