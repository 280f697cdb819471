/**
 * `ParseNormalizedNamed` (normalize.go) — what the docker CLI does with the text you type — and the
 * functions built on it: `ParseDockerRef`, `ParseNamed` (canonical input only), `ParseAnyReference`,
 * `TagNameOnly`, `WithTag`, `WithDigest`, `TrimNamed`.
 */
import type { Digest } from '../digest/Digest';
import { anchoredDigestRegExp, anchoredIdentifierRegExp, anchoredNameRegExp, anchoredTagRegExp } from './grammar';
import { InvalidReferenceError, referenceError } from './InvalidReferenceError';
import { DEFAULT_TAG, REPOSITORY_NAME_MAX_LENGTH } from './limits';
import { splitDockerDomain } from './splitDockerDomain';
import { formatReference, joinName, parseRawReference } from './parseRawReference';
import { familiarizeName } from './familiar';
import { validateReferenceDigest } from './digestRules';
import type { AnyReference, ImageReference } from './ImageReference';

/**
 * Parses what a user types (`nginx`, `ubuntu:22.04`, `localhost:5000/app@sha256:…`) into the
 * normalised reference: `parseReference('nginx').canonical === 'docker.io/library/nginx:latest'`.
 * Throws `InvalidReferenceError` whose message is distribution/reference's.
 */
export function parseReference(text: string): ImageReference {
  if (anchoredIdentifierRegExp.test(text)) {
    throw new InvalidReferenceError(
      'ReferenceHexadecimalName',
      `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`,
      text,
    );
  }
  const { domain, remainder } = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    throw new InvalidReferenceError(
      'ReferencePathNotLowercase',
      `invalid reference format: repository name (${remote}) must be lowercase`,
      text,
    );
  }
  let raw;
  try {
    raw = parseRawReference(`${domain}/${remainder}`);
  } catch (error) {
    // Same message and code; report the text the user typed, not the rewritten one.
    if (error instanceof InvalidReferenceError) throw new InvalidReferenceError(error.code, error.message, text);
    throw error;
  }
  return makeImageReference(raw.domain, raw.path, raw.tag, raw.digest);
}

/**
 * `ParseDockerRef`: normalise, then add `latest` to a bare name, or drop the tag when a digest is
 * also given. This is the name under which docker stores what it pulls.
 */
export function parseDockerRef(text: string): ImageReference {
  const reference = parseReference(text);
  if (reference.tag !== undefined && reference.digest !== undefined) {
    return makeImageReference(reference.domain, reference.path, undefined, reference.digest);
  }
  return tagNameOnly(reference);
}

/** `ParseNamed`: accepts only text that is already fully qualified (`docker.io/library/ubuntu`, not `ubuntu`). */
export function parseCanonicalReference(text: string): ImageReference {
  const reference = parseReference(text);
  if (reference.string !== text) throw referenceError('ReferenceNameNotCanonical', text);
  return reference;
}

/** `ParseAnyReference`: 64 lowercase hex → an image ID (`sha256:<hex>`); a digest → a digest; else a name. */
export function parseAnyReference(text: string): AnyReference {
  if (anchoredIdentifierRegExp.test(text)) {
    return Object.freeze({ kind: 'digest', digest: validateReferenceDigest(`sha256:${text}`) });
  }
  let digest: Digest | undefined;
  try {
    digest = validateReferenceDigest(text);
  } catch {
    digest = undefined;
  }
  if (digest !== undefined) return Object.freeze({ kind: 'digest', digest });
  return Object.freeze({ kind: 'named', reference: parseReference(text) });
}

/** `TagNameOnly`: a reference with neither tag nor digest gets `:latest`; others are returned as they are. */
export function tagNameOnly(reference: ImageReference): ImageReference {
  if (reference.tag !== undefined || reference.digest !== undefined) return reference;
  return makeImageReference(reference.domain, reference.path, DEFAULT_TAG, undefined);
}

/** `WithTag`: the same name with `tag` (a digest already present is kept). */
export function withTag(reference: ImageReference, tag: string): ImageReference {
  if (!anchoredTagRegExp.test(tag)) throw referenceError('ReferenceTagInvalidFormat', tag);
  return makeImageReference(reference.domain, reference.path, tag, reference.digest);
}

/** `WithDigest`: the same name with `digest` (a tag already present is kept). */
export function withDigest(reference: ImageReference, digest: string): ImageReference {
  if (!anchoredDigestRegExp.test(digest)) throw referenceError('ReferenceDigestInvalidFormat', digest);
  return makeImageReference(reference.domain, reference.path, reference.tag, validateReferenceDigest(digest));
}

/** `TrimNamed`: the name alone, without tag or digest. */
export function trimNamed(reference: ImageReference): ImageReference {
  return makeImageReference(reference.domain, reference.path, undefined, undefined);
}

/** True when `tag` is a valid tag (`[\w][\w.-]{0,127}`). */
export function isValidTag(tag: string): boolean {
  return anchoredTagRegExp.test(tag);
}

/**
 * Builds the frozen normalised reference; checks the name as `WithName` does, so a value built
 * here is always one `parseReference` could have returned.
 */
export function makeImageReference(
  domain: string,
  path: string,
  tag: string | undefined,
  digest: Digest | undefined,
): ImageReference {
  const name = joinName(domain, path);
  const nameMatch = anchoredNameRegExp.exec(name);
  if (nameMatch === null || (nameMatch[1] ?? '') !== domain) throw referenceError('ReferenceInvalidFormat', name);
  if (path.length > REPOSITORY_NAME_MAX_LENGTH) throw referenceError('ReferenceNameTooLong', name);
  const short = familiarizeName(domain, path);
  const reference: ImageReference = {
    domain,
    path,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    name,
    familiarName: short,
    familiar: formatReference(short, tag, digest),
    string: formatReference(name, tag, digest),
    canonical: formatReference(name, tag === undefined && digest === undefined ? DEFAULT_TAG : tag, digest),
    dockerRef: formatReference(name, digest === undefined ? (tag ?? DEFAULT_TAG) : undefined, digest),
  };
  Object.defineProperty(reference, 'toString', { value: () => reference.string, enumerable: false });
  return Object.freeze(reference);
}
