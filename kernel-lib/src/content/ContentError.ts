import { LayerlabError } from '../errors/LayerlabError';

/** A content size that is not a whole number of bytes (negative, fractional, beyond 2^53). */
export class InvalidContentSizeError extends LayerlabError {
  constructor(size: number, what: string) {
    super('InvalidContentSize', `invalid ${what} ${String(size)}: a size is a whole, non-negative number of bytes`, {
      data: { size, what },
      hint: '크기는 0 이상의 정수(바이트 수)여야 합니다.',
    });
  }
}

/**
 * Asked for a large content as one buffer. Large (usually lazy) contents are streamed with
 * `chunks()`; materialising a 1 GB file would defeat the model's bounded-memory promise.
 */
export class ContentTooLargeError extends LayerlabError {
  constructor(size: number, limit: number) {
    super(
      'ContentTooLarge',
      `content of ${size} bytes is larger than the ${limit}-byte limit for one buffer; stream it with chunks() or read a part with slice()`,
      { data: { size, limit }, hint: '큰 파일은 한 번에 메모리에 올리지 않습니다. chunks()로 조금씩 읽거나 slice()로 일부만 읽으세요.' },
    );
  }
}
