import { LayerlabError } from '../errors/LayerlabError';

/** A whiteout entry with no name to hide: `.wh.`, `.wh..`, `.wh...` (go-archive: "invalid whiteout entry"). */
export class InvalidWhiteoutError extends LayerlabError {
  constructor(path: string) {
    super('InvalidWhiteout', `invalid whiteout entry ${JSON.stringify(path)}: ".wh." must be followed by the name of the path it deletes`, {
      data: { path },
      hint: '화이트아웃 파일 이름은 ".wh.<지울 이름>" 형식이어야 합니다.',
    });
  }
}

/** A changeset that breaks the OCI layer rules (duplicate path, a real file named ".wh.…", …). */
export class InvalidLayerError extends LayerlabError {
  constructor(path: string, problem: string, hint?: string) {
    super('InvalidLayer', `invalid layer entry ${JSON.stringify(path)}: ${problem}`, {
      data: { path, problem },
      hint: hint ?? '레이어(변경 집합)의 규칙(OCI image-spec layer.md)에 맞지 않는 항목입니다.',
    });
  }
}

/** A layer that cannot be applied to the tree below it (a hard link to a missing file, a file where a directory must be). */
export class LayerApplyError extends LayerlabError {
  constructor(path: string, problem: string) {
    super('LayerApply', `cannot apply layer entry ${JSON.stringify(path)}: ${problem}`, {
      data: { path, problem },
      hint: '이 레이어를 아래 레이어들 위에 적용할 수 없습니다.',
    });
  }
}
