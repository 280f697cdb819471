/**
 * Putting an image into the store (what build, commit, load and pull end with) and tagging.
 */
import type { Digest } from '../digest/Digest';
import type { Image } from '../image/Image';
import { parseReference, tagNameOnly } from '../reference/parseReference';
import type { Engine } from './Engine';
import { TagWithDigestError } from './engineErrors';
import { resolveImageRef } from './resolveImage';

export interface AddImageOptions {
  /** References to point at the image (`app`, `app:1.0`, `localhost:5000/app:dev`); `latest` by default. */
  readonly tags?: readonly string[];
  /** The local parent image (classic builder steps, commit): history then shows its ID. */
  readonly parent?: Digest;
  /** A repository digest to record (`docker.io/library/nginx@sha256:…`), as pull does. */
  readonly repoDigest?: string;
}

/** The normalised tag key for `text`; refuses digests as `docker tag` does. */
export function tagKey(text: string): string {
  const reference = parseReference(text);
  if (reference.digest !== undefined) {
    throw new TagWithDigestError(text);
  }
  return tagNameOnly(reference).canonical;
}

/** Points `key` (a normalised `name:tag`) at `id`, moving it from any image that had it. */
export function setTag(engine: Engine, key: string, id: Digest): void {
  const { tags, lastTagTime, clock } = engine.state;
  tags.delete(key); // re-insert: the table's order is the order tags were (re)made
  tags.set(key, id);
  lastTagTime.set(id, clock.now());
}

/** `engine.addImage(image, options)`: stores the image (idempotent by ID) and applies the tags. */
export function engineAddImage(engine: Engine, image: Image, options: AddImageOptions = {}): Image {
  const { images, addedAt, parents, repoDigests, clock } = engine.state;
  const stored = images.get(image.id) ?? image;
  if (!images.has(image.id)) {
    images.set(image.id, image);
    addedAt.set(image.id, clock.now());
  }
  if (options.parent !== undefined && options.parent !== image.id) parents.set(image.id, options.parent);
  if (options.repoDigest !== undefined) {
    const set = repoDigests.get(image.id) ?? new Set<string>();
    set.add(options.repoDigest);
    repoDigests.set(image.id, set);
  }
  for (const tag of options.tags ?? []) setTag(engine, tagKey(tag), image.id);
  return stored;
}

/** `docker tag SOURCE TARGET`: `target` now names the image `source` names. */
export function engineTag(engine: Engine, source: string, target: string): void {
  const { image } = resolveImageRef(engine, source);
  setTag(engine, tagKey(target), image.id);
}
