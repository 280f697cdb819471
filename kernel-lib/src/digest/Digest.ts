/**
 * Content digests, as the OCI image spec defines them (descriptor.md, "Digests"):
 * `algorithm ":" encoded`, where algorithm matches `[a-z0-9]+(?:[.+_-][a-z0-9]+)*` and encoded
 * matches `[a-zA-Z0-9=_-]+`; for the registered algorithms the encoded part is lowercase hex of a
 * fixed length (sha256: 64, sha512: 128).
 *
 * A `Digest` is a branded string: it prints, compares and serialises as the plain
 * `"sha256:…"` text (as docker and the OCI JSON documents show it), while the type system keeps
 * unchecked strings out. The only ways to get one are hashing bytes and `parseDigest`.
 */
import { LayerlabError } from '../errors/LayerlabError';

declare const digestBrand: unique symbol;
export type Digest = string & { readonly [digestBrand]: true };

export type DigestAlgorithm = 'sha256' | 'sha512';

const GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 };

export class InvalidDigestError extends LayerlabError {
  constructor(value: string, problem: string) {
    super('InvalidDigest', `invalid digest ${JSON.stringify(value)}: ${problem}`, {
      data: { value, problem },
      hint: '다이제스트는 "sha256:" 뒤에 소문자 16진수 64자가 오는 형식입니다 (예: sha256:2cf24d…).',
    });
  }
}

/** Validates `text` as a digest and returns it typed; throws `InvalidDigestError` naming the problem. */
export function parseDigest(text: string): Digest {
  if (!GRAMMAR.test(text)) {
    throw new InvalidDigestError(text, 'expected "<algorithm>:<encoded>", e.g. "sha256:" followed by 64 hex digits');
  }
  const colon = text.indexOf(':');
  const algorithm = text.slice(0, colon);
  const encoded = text.slice(colon + 1);
  if (algorithm === 'sha256' || algorithm === 'sha512') {
    const want = HEX_LENGTH[algorithm];
    if (!/^[0-9a-f]+$/.test(encoded)) {
      throw new InvalidDigestError(text, `${algorithm} digests are lowercase hex`);
    }
    if (encoded.length !== want) {
      throw new InvalidDigestError(text, `${algorithm} digests have ${want} hex digits, this one has ${encoded.length}`);
    }
    return text as Digest;
  }
  throw new InvalidDigestError(text, `unsupported digest algorithm "${algorithm}" (supported: sha256, sha512)`);
}

/** True when `text` is a well-formed digest of a supported algorithm. */
export function isDigest(text: string): text is Digest {
  try {
    parseDigest(text);
    return true;
  } catch {
    return false;
  }
}

export function digestAlgorithm(digest: Digest): DigestAlgorithm {
  return digest.slice(0, digest.indexOf(':')) as DigestAlgorithm;
}

/** The encoded (hex) part, without the algorithm prefix. */
export function digestHex(digest: Digest): string {
  return digest.slice(digest.indexOf(':') + 1);
}

/**
 * The 12-hex short form the docker CLI prints for IDs (`stringid.TruncateID`: drop the
 * algorithm prefix, keep the first 12 characters).
 */
export function shortId(digest: Digest): string {
  return digestHex(digest).slice(0, 12);
}
