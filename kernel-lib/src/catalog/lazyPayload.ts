/**
 * The bytes of a catalog file nobody reads (a 90 MB `node` binary, a gcc): lazy content whose
 * first `share` is seeded pseudo-random and the rest zeros, so that gzip shrinks the layer to about
 * the compressed/uncompressed ratio of the real image (Docker Hub lists compressed sizes,
 * `docker images` uncompressed ones). Seeded by the path, so every machine makes the same bytes
 * and the same digests.
 */
import type { Content } from '../content/Content';
import { concatContent, randomContent, zeroContent } from '../content/createContent';

export function lazyPayload(seed: string, size: number, share: number): Content {
  const random = Math.round(size * Math.min(1, Math.max(0, share)));
  return concatContent(randomContent(random, `layerlab-catalog:${seed}`), zeroContent(size - random));
}
