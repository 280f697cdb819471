/**
 * The one error the reference parser throws. Its `message` is, byte for byte, the text
 * distribution/reference (and go-digest, for the digest part) produces for the same input, because
 * that is what `docker pull`, `docker tag` and friends print; the offending input is in
 * `data.input`, what to change is in `data.fix` (English) and `hint` (Korean).
 */
import { LayerlabError } from '../errors/LayerlabError';

/** Stable codes, one per upstream error value. */
export type InvalidReferenceCode =
  | 'ReferenceInvalidFormat'
  | 'ReferenceNameEmpty'
  | 'ReferenceNameContainsUppercase'
  | 'ReferenceNameTooLong'
  | 'ReferenceNameNotCanonical'
  | 'ReferencePathNotLowercase'
  | 'ReferenceHexadecimalName'
  | 'ReferenceTagInvalidFormat'
  | 'ReferenceDigestInvalidFormat'
  | 'DigestInvalidFormat'
  | 'DigestInvalidLength'
  | 'DigestUnsupported';

interface Explanation {
  readonly fix: string;
  readonly hint: string;
}

const EXPLANATIONS: Readonly<Record<InvalidReferenceCode, Explanation>> = {
  ReferenceInvalidFormat: {
    fix: 'write [REGISTRY[:PORT]/]PATH[:TAG][@DIGEST]: lowercase path components separated by "/", a tag of at most 128 characters not starting with "." or "-"',
    hint: '참조 형식이 잘못되었습니다. [레지스트리[:포트]/]경로[:태그][@다이제스트] 형식인지, 경로가 소문자·숫자와 구분자(. _ __ -)로만 되어 있는지, 태그가 "."이나 "-"로 시작하지 않고 128자 이하인지 확인하세요.',
  },
  ReferenceNameEmpty: {
    fix: 'give a repository name, e.g. "ubuntu"',
    hint: '이미지 이름이 비어 있습니다. 예: "ubuntu" 또는 "ubuntu:22.04".',
  },
  ReferenceNameContainsUppercase: {
    fix: 'write the repository path in lowercase (only a registry host may contain uppercase letters)',
    hint: '저장소 경로에는 대문자를 쓸 수 없습니다. 소문자로 바꾸세요 (대문자는 레지스트리 호스트 이름에만 허용됩니다).',
  },
  ReferenceNameTooLong: {
    fix: 'shorten the repository path to at most 255 characters',
    hint: '저장소 경로는 255자를 넘을 수 없습니다.',
  },
  ReferenceNameNotCanonical: {
    fix: 'write the fully qualified form, e.g. "docker.io/library/ubuntu:latest"',
    hint: '정규화된 전체 이름(예: docker.io/library/ubuntu)으로 써야 합니다.',
  },
  ReferencePathNotLowercase: {
    fix: 'write the repository path in lowercase, e.g. "ubuntu" rather than "Ubuntu"',
    hint: '저장소 이름은 소문자여야 합니다. 예: "Ubuntu"가 아니라 "ubuntu".',
  },
  ReferenceHexadecimalName: {
    fix: 'a 64-hex string is an image ID, not a name: refer to the image by a repository name, or use the ID where an ID is accepted',
    hint: '16진수 64자는 이미지 ID이지 저장소 이름이 아닙니다. 이름으로 쓰려면 다른 이름을 고르세요.',
  },
  ReferenceTagInvalidFormat: {
    fix: 'a tag is 1–128 characters of [A-Za-z0-9_.-] and starts with a letter, digit or "_"',
    hint: '태그는 영문자·숫자·_ . - 로 된 1~128자이고, "."이나 "-"로 시작할 수 없습니다.',
  },
  ReferenceDigestInvalidFormat: {
    fix: 'a digest is "<algorithm>:<hex>", e.g. "sha256:" followed by 64 hex digits',
    hint: '다이제스트는 "sha256:" 뒤에 16진수 64자가 오는 형식입니다.',
  },
  DigestInvalidFormat: {
    fix: 'a sha256 digest is "sha256:" followed by 64 lowercase hex digits',
    hint: 'sha256 다이제스트는 "sha256:" 뒤에 소문자 16진수 64자입니다 (대문자 A–F는 허용되지 않습니다).',
  },
  DigestInvalidLength: {
    fix: 'a sha256 digest has exactly 64 hex digits after "sha256:"',
    hint: 'sha256 다이제스트의 16진수 부분은 정확히 64자여야 합니다. 잘렸거나 글자가 더 붙지 않았는지 확인하세요.',
  },
  DigestUnsupported: {
    fix: 'use a sha256 digest',
    hint: '지원하지 않는 다이제스트 알고리즘입니다. sha256을 쓰세요.',
  },
};

export class InvalidReferenceError extends LayerlabError {
  declare readonly code: InvalidReferenceCode;

  constructor(code: InvalidReferenceCode, message: string, input: string) {
    const { fix, hint } = EXPLANATIONS[code];
    super(code, message, { data: { input, fix }, hint });
  }
}

/** The fixed upstream messages (those that do not embed the input). */
export const referenceErrorMessages = Object.freeze({
  ReferenceInvalidFormat: 'invalid reference format',
  ReferenceNameEmpty: 'repository name must have at least one component',
  ReferenceNameContainsUppercase: 'repository name must be lowercase',
  ReferenceNameTooLong: 'repository name must not be more than 255 characters',
  ReferenceNameNotCanonical: 'repository name must be canonical',
  ReferenceTagInvalidFormat: 'invalid tag format',
  ReferenceDigestInvalidFormat: 'invalid digest format',
  DigestInvalidFormat: 'invalid checksum digest format',
  DigestInvalidLength: 'invalid checksum digest length',
  DigestUnsupported: 'unsupported digest algorithm',
} as const);

export function referenceError(
  code: keyof typeof referenceErrorMessages,
  input: string,
): InvalidReferenceError {
  return new InvalidReferenceError(code, referenceErrorMessages[code], input);
}
