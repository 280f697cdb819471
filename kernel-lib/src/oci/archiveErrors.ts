/**
 * Why an image archive was refused. One class per failure, each with its own stable `code`, so a
 * lesson (or a test) can tell a tampered blob from a missing one, a cut-off download from a
 * malicious path. Messages follow `docker load`'s where it has one
 * (moby daemon/internal/image/tarexport/load.go).
 */
import { LayerlabError } from '../errors/LayerlabError';

/** The archive is not one this model reads (no manifest.json / index.json, bad JSON, counts disagree). */
export class InvalidImageArchiveError extends LayerlabError {
  constructor(problem: string, data: Record<string, unknown> = {}) {
    super('InvalidImageArchive', `invalid archive: ${problem}`, {
      data: { problem, ...data },
      hint: '이미지 아카이브 형식이 아닙니다. docker save, skopeo copy docker-archive:, 또는 OCI 이미지 레이아웃을 tar로 묶은 파일이어야 합니다.',
    });
  }
}

/** The bytes end early: a tar entry runs past the end, or the end-of-archive marker is missing. */
export class TruncatedImageArchiveError extends LayerlabError {
  constructor(problem: string, data: Record<string, unknown> = {}) {
    super('TruncatedImageArchive', `truncated archive: ${problem}; the file is incomplete — save or download it again`, {
      data: { problem, ...data },
      hint: '아카이브가 중간에 잘렸습니다 (다운로드나 복사가 끝나지 않았을 수 있습니다). 다시 저장하거나 받으세요.',
    });
  }
}

/** A blob's bytes do not hash to the digest that names it: the content was changed after it was written. */
export class BlobDigestMismatchError extends LayerlabError {
  constructor(what: string, path: string, expected: string, actual: string) {
    super(
      'BlobDigestMismatch',
      `${what} ${path} has been modified: expected digest ${expected}, got ${actual}`,
      {
        data: { what, path, expected, actual },
        hint: '내용이 바뀌면 다이제스트도 바뀝니다. 저장된 이름(다이제스트)과 실제 내용의 해시가 달라 변조된 것으로 보고 거부했습니다.',
      },
    );
  }
}

/** A blob the manifest references is not in the archive. */
export class MissingBlobError extends LayerlabError {
  constructor(what: string, path: string, digest?: string) {
    super('MissingBlob', `${what} ${path} is referenced but missing from the archive${digest ? ` (${digest})` : ''}`, {
      data: { what, path, ...(digest ? { digest } : {}) },
      hint: '매니페스트가 가리키는 blob이 아카이브에 없습니다. 아카이브가 불완전합니다.',
    });
  }
}

/** An entry (or a path the manifest names) would land outside the archive's root. */
export class UnsafeArchivePathError extends LayerlabError {
  constructor(path: string, where: string) {
    super(
      'UnsafeArchivePath',
      `refusing ${where} ${JSON.stringify(path)}: it points outside the archive root (absolute path or ".." escape)`,
      {
        data: { path, where },
        hint: '아카이브 안의 경로는 아카이브 루트 안을 가리켜야 합니다. "/"로 시작하거나 ".."로 밖을 가리키는 경로는 거부합니다 (tar slip 공격).',
      },
    );
  }
}

/** `docker save` of an image without layers (moby: "empty export - not implemented"). */
export class EmptyExportError extends LayerlabError {
  constructor(imageId: string) {
    super('EmptyExport', 'empty export - not implemented', {
      data: { imageId },
      hint: '레이어가 하나도 없는 이미지(FROM scratch에 아무것도 추가하지 않은 이미지)는 docker save로 내보낼 수 없습니다.',
    });
  }
}
