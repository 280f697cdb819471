/**
 * `Parse` of distribution/reference (reference.go): check the whole text against the grammar, split
 * the name into domain and path, check the path length, validate the digest. No normalisation:
 * `ubuntu` stays `ubuntu` with no domain.
 */
import type { Digest } from '../digest/Digest';
import { anchoredNameRegExp, referenceRegExp } from './grammar';
import { referenceError } from './InvalidReferenceError';
import { REPOSITORY_NAME_MAX_LENGTH } from './limits';
import { validateReferenceDigest } from './digestRules';
import type { RawReference } from './ImageReference';

export function parseRawReference(text: string): RawReference {
  if (text === '') throw referenceError('ReferenceNameEmpty', text);
  const match = referenceRegExp.exec(text);
  if (match === null) {
    // Upstream retries the lowercased text: if only case was wrong, it says so.
    const lower = text.toLowerCase();
    if (lower !== text && referenceRegExp.test(lower)) throw referenceError('ReferenceNameContainsUppercase', text);
    throw referenceError('ReferenceInvalidFormat', text);
  }
  const name = match[1] ?? '';
  const { domain, path } = splitDomain(name);
  if (path.length > REPOSITORY_NAME_MAX_LENGTH) throw referenceError('ReferenceNameTooLong', text);
  const tag = match[2];
  const digest = match[3] === undefined ? undefined : validateReferenceDigest(match[3], text);
  return makeRawReference(domain, path, tag, digest);
}

/** Splits an already-valid name greedily: the first component is the domain whenever it can be one. */
export function splitDomain(name: string): { domain: string; path: string } {
  const match = anchoredNameRegExp.exec(name);
  if (match === null) return { domain: '', path: name };
  return { domain: match[1] ?? '', path: match[2] ?? name };
}

export function joinName(domain: string, path: string): string {
  return domain === '' ? path : `${domain}/${path}`;
}

/** `name[:tag][@digest]`, upstream's `String()`. */
export function formatReference(name: string, tag: string | undefined, digest: string | undefined): string {
  return name + (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`);
}

export function makeRawReference(
  domain: string,
  path: string,
  tag: string | undefined,
  digest: Digest | undefined,
): RawReference {
  const name = joinName(domain, path);
  const reference: RawReference = {
    domain,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    name,
    string: formatReference(name, tag, digest),
  };
  return Object.freeze(reference);
}
