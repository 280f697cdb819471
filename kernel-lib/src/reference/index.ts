// Public surface of the reference module (re-exported from src/index.ts).
export type { RawReference, ImageReference, AnyReference } from './ImageReference';
export { InvalidReferenceError, referenceErrorMessages, type InvalidReferenceCode } from './InvalidReferenceError';
export { parseRawReference } from './parseRawReference';
export {
  parseReference,
  parseDockerRef,
  parseCanonicalReference,
  parseAnyReference,
  tagNameOnly,
  withTag,
  withDigest,
  trimNamed,
  isValidTag,
  makeImageReference,
} from './parseReference';
export { splitDockerDomain, type DockerDomainSplit } from './splitDockerDomain';
export { familiarName, familiarString } from './familiar';
export { referenceGrammar } from './grammar';
export {
  REPOSITORY_NAME_MAX_LENGTH,
  DEFAULT_DOMAIN,
  LEGACY_DEFAULT_DOMAIN,
  OFFICIAL_REPOSITORY_PREFIX,
  DEFAULT_TAG,
} from './limits';
