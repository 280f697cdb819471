import { LayerlabError } from '../errors/LayerlabError';

/** The bytes are not a well-formed tar archive (bad checksum, bad number, truncated entry …). */
export class TarFormatError extends LayerlabError {
  constructor(problem: string, offset: number) {
    super('TarFormat', `not a valid tar archive: ${problem} (at byte ${offset})`, {
      data: { problem, offset },
      hint: 'tar 파일 형식이 올바르지 않습니다. 손상되었거나 tar가 아닌 파일일 수 있습니다.',
    });
  }
}

/**
 * An entry whose path (or hard-link target) would land outside the extraction root: an absolute
 * path or one that climbs with "..". Refused, as a container runtime must (the "tar slip" /
 * CVE-2018-15664 family); the OCI layer spec names paths relative to the layer root.
 */
export class UnsafeTarPathError extends LayerlabError {
  constructor(path: string, reason: 'absolute' | 'escapes-root', field: 'name' | 'linkname' = 'name') {
    super(
      'UnsafeTarPath',
      `refusing tar entry ${field} ${JSON.stringify(path)}: ${
        reason === 'absolute' ? 'it is an absolute path' : 'it climbs out of the root with ".."'
      }; layer entries are relative paths inside the root, like "etc/hosts"`,
      { data: { path, reason, field }, hint: '레이어 tar의 경로는 루트 안의 상대 경로여야 합니다 ("/" 나 ".."로 루트 밖을 가리킬 수 없습니다).' },
    );
  }
}

/** A value that cannot be written in a tar header (a NUL in a name, a negative size …). */
export class InvalidTarEntryError extends LayerlabError {
  constructor(path: string, problem: string) {
    super('InvalidTarEntry', `cannot write tar entry ${JSON.stringify(path)}: ${problem}`, { data: { path, problem } });
  }
}
