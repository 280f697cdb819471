export {
  type Digest,
  type DigestAlgorithm,
  InvalidDigestError,
  parseDigest,
  isDigest,
  digestAlgorithm,
  digestHex,
  shortId,
} from './Digest';
export { sha256, sha256Chunks, Sha256Hasher, verify, type Hashable } from './sha256';
