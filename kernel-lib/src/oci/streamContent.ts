/**
 * A `Content` whose bytes come from a chunk generator of known size — how a layer's tar goes
 * into a saved archive without being joined into one buffer first.
 */
import type { Content } from '../content/Content';
import { bytesContent } from '../content/createContent';
import { joinChunks } from '../content/joinChunks';
import type { Digest } from '../digest/Digest';
import { sha256Chunks } from '../digest/sha256';

export function streamContent(size: number, chunks: () => Iterable<Uint8Array>, digest?: Digest): Content {
  let known = digest;
  const materialise = (limit = 64 << 20): Uint8Array => {
    if (size > limit) throw new RangeError(`content of ${size} bytes is over the ${limit}-byte limit: stream it with chunks()`);
    return joinChunks(chunks(), size);
  };
  const content: Content = {
    size,
    lazy: true,
    chunks: () => chunks(),
    bytes: (limit) => materialise(limit),
    slice: (start, end) => materialise(Number.MAX_SAFE_INTEGER).slice(start, end),
    text: (limit) => Buffer.from(materialise(limit)).toString('utf8'),
    digest: () => (known ??= sha256Chunks(chunks())),
    append: (tail) => bytesContent(materialise()).append(tail),
    truncate: (n) => bytesContent(materialise()).truncate(n),
    equals: (other) => other.size === size && other.digest() === content.digest(),
    describe: () => `${size} bytes (streamed)`,
  };
  return Object.freeze(content);
}
