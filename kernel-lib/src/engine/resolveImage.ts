/**
 * How the daemon finds the image a user names (moby daemon/images/image.go `GetImage`): a full image
 * ID (`sha256:<hex>` or 64 hex), a reference (tag defaults to `latest`; `name@sha256:…` looks up a
 * repository digest), or — when no tag matches — a unique prefix of an image ID (`docker rmi 0b8d`).
 */
import type { Digest } from '../digest/Digest';
import type { Image } from '../image/Image';
import { familiarString } from '../reference/familiar';
import { parseAnyReference, tagNameOnly } from '../reference/parseReference';
import type { ImageReference } from '../reference/ImageReference';
import type { Engine } from './Engine';
import { NoSuchImageError } from './engineErrors';

/** What `resolveImageRef` found: the image and how it was named. */
export interface ResolvedImage {
  readonly image: Image;
  /** The normalised reference when the text was a name (tag defaulted to `latest`), else undefined. */
  readonly reference?: ImageReference;
  /** True when the text was an image ID or an ID prefix (rmi treats those differently). */
  readonly byId: boolean;
}

function byIdPrefix(engine: Engine, text: string): Image | undefined {
  const hex = text.startsWith('sha256:') ? text.slice(7) : text;
  if (!/^[a-f0-9]{1,64}$/.test(hex)) return undefined;
  const matches = [...engine.state.images.keys()].filter((id) => id.slice(7).startsWith(hex));
  return matches.length === 1 ? engine.state.images.get(matches[0]!) : undefined;
}

/** Resolves `text` to a stored image; throws `NoSuchImageError` with docker's wording. */
export function resolveImageRef(engine: Engine, text: string): ResolvedImage {
  const { images, tags, repoDigests } = engine.state;
  let parsed;
  try {
    parsed = parseAnyReference(text);
  } catch (error) {
    const image = byIdPrefix(engine, text);
    if (image) return { image, byId: true };
    throw error;
  }
  if (parsed.kind === 'digest') {
    const image = images.get(parsed.digest);
    if (image) return { image, byId: true };
    throw new NoSuchImageError(text);
  }
  const reference = tagNameOnly(parsed.reference);
  if (reference.digest !== undefined) {
    const wanted = `${reference.name}@${reference.digest}`;
    for (const [id, digests] of repoDigests) {
      if (digests.has(wanted)) return { image: images.get(id)!, reference, byId: false };
    }
  } else {
    const id = tags.get(reference.canonical);
    if (id !== undefined) return { image: images.get(id)!, reference, byId: false };
  }
  const image = byIdPrefix(engine, text);
  if (image) return { image, byId: true };
  throw new NoSuchImageError(familiarString(reference));
}

/** `engine.getImage(ref)`: the image `ref` names. */
export function engineGetImage(engine: Engine, ref: string): Image {
  return resolveImageRef(engine, ref).image;
}

/** Familiar tags (`nginx:latest`) pointing at an image, in the order they were made. */
export function repoTagsOf(engine: Engine, id: Digest): string[] {
  const out: string[] = [];
  for (const [ref, target] of engine.state.tags) if (target === id) out.push(familiarOfCanonical(ref));
  return out;
}

/** Familiar repository digests (`nginx@sha256:…`) of an image. */
export function repoDigestsOf(engine: Engine, id: Digest): string[] {
  return [...(engine.state.repoDigests.get(id) ?? [])].map(familiarOfCanonical);
}

/** `docker.io/library/nginx:latest` → `nginx:latest` (the stored keys are always normalised). */
export function familiarOfCanonical(canonical: string): string {
  const parsed = parseAnyReference(canonical);
  if (parsed.kind === 'digest') return canonical;
  return familiarString(parsed.reference);
}
