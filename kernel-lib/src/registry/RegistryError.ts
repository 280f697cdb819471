/**
 * Errors of the registry model. The codes are the distribution-spec error codes a real registry
 * answers with (`BLOB_UNKNOWN`, `MANIFEST_UNKNOWN`, `DIGEST_INVALID`, …) plus the client-side checks
 * `docker pull` makes (a blob whose bytes do not hash to its digest). Each message names the value
 * and, where docker prints a fixed text, starts with that text.
 */
import { LayerlabError } from '../errors/LayerlabError';

export type RegistryErrorCode =
  | 'BLOB_UNKNOWN'
  | 'DIGEST_INVALID'
  | 'SIZE_INVALID'
  | 'MANIFEST_BLOB_UNKNOWN'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_UNKNOWN'
  | 'NAME_INVALID'
  | 'NAME_UNKNOWN'
  | 'TAG_INVALID'
  | 'PLATFORM_NOT_FOUND'
  | 'BLOB_VERIFICATION_FAILED'
  | 'DIFF_ID_MISMATCH';

export class RegistryError extends LayerlabError {
  declare readonly code: RegistryErrorCode;

  constructor(code: RegistryErrorCode, message: string, data: Record<string, unknown>, hint: string) {
    super(code, message, { data, hint });
  }
}

/**
 * The bytes a registry served do not hash to the digest they were asked for: the client refuses
 * them (moby pull_v2.go, "filesystem layer verification failed for digest …"). Both digests are
 * named so a learner sees that one changed byte gives a completely different digest.
 */
export class BlobVerificationError extends RegistryError {
  readonly expected: string;
  readonly actual: string;

  constructor(what: 'filesystem layer' | 'image config' | 'manifest', expected: string, actual: string, repository: string) {
    super(
      'BLOB_VERIFICATION_FAILED',
      `${what} verification failed for digest ${expected}: the bytes received from ${repository} hash to ${actual}`,
      { what, expected, actual, repository },
      `받은 데이터의 다이제스트(${actual.slice(0, 19)}…)가 요청한 다이제스트(${expected.slice(0, 19)}…)와 다릅니다. 전송 중이나 저장소에서 내용이 바뀌었으므로 사용하지 않고 거부했습니다.`,
    );
    this.expected = expected;
    this.actual = actual;
  }
}
