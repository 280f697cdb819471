/**
 * go-digest's `Digest.Validate`, in the order that decides which message the user sees (OCI-FACTS
 * §1.1): a missing `:` or empty encoded part is a format error; an algorithm the binary does not
 * link is "unsupported" when the string is otherwise grammatical, else a format error; a linked
 * algorithm checks the length first, then lowercase hex.
 *
 * Only sha256 counts as linked here, as in distribution/reference's own tests (whose vectors say
 * `sha512:` is "unsupported"); sha256 is also the only algorithm Docker writes.
 */
import { parseDigest, type Digest } from '../digest/Digest';
import { referenceError } from './InvalidReferenceError';

const GO_DIGEST_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const LINKED_HEX_LENGTH: ReadonlyMap<string, number> = new Map([['sha256', 64]]);

/** Validates a digest found in a reference; throws `InvalidReferenceError` with go-digest's message. */
export function validateReferenceDigest(text: string, input: string = text): Digest {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon + 1 === text.length) throw referenceError('DigestInvalidFormat', input);
  const algorithm = text.slice(0, colon);
  const encoded = text.slice(colon + 1);
  const length = LINKED_HEX_LENGTH.get(algorithm);
  if (length === undefined) {
    throw referenceError(GO_DIGEST_GRAMMAR.test(text) ? 'DigestUnsupported' : 'DigestInvalidFormat', input);
  }
  if (encoded.length !== length) throw referenceError('DigestInvalidLength', input);
  if (!/^[a-f0-9]+$/.test(encoded)) throw referenceError('DigestInvalidFormat', input);
  return parseDigest(text);
}
