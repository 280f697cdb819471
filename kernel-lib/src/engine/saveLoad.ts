/**
 * `docker save` and `docker load` on the engine (moby daemon/internal/image/tarexport): which
 * images and tags a list of names selects, and how loaded images enter the store. The archive
 * formats themselves are the oci module's.
 */
import type { Digest } from '../digest/Digest';
import { dockerSaveEntries, type SaveArchiveImage } from '../oci/dockerSave';
import { readImageArchive } from '../oci/readImageArchive';
import type { ImageReference } from '../reference/ImageReference';
import { parseAnyReference, parseReference, tagNameOnly } from '../reference/parseReference';
import { tarChunks, tarSize } from '../tar/writeTar';
import type { TarEntry } from '../tar/TarEntry';
import type { Engine } from './Engine';
import { engineAddImage } from './addImage';
import { NoSuchImageError } from './engineErrors';
import { resolveImageRef } from './resolveImage';

/**
 * moby `parseNames`: `name:tag` saves that tag; a bare `name` saves every tag of that repository;
 * an image ID (or ID prefix) saves the image without tags.
 */
function selectImages(engine: Engine, names: readonly string[]): SaveArchiveImage[] {
  const byId = new Map<Digest, { tags: ImageReference[] }>();
  const add = (id: Digest, ref?: ImageReference): void => {
    const entry = byId.get(id) ?? { tags: [] };
    if (ref !== undefined && !entry.tags.some((t) => t.canonical === ref.canonical)) entry.tags.push(ref);
    byId.set(id, entry);
  };
  for (const name of names) {
    const any = parseAnyReference(name);
    if (any.kind === 'named' && any.reference.tag === undefined && any.reference.digest === undefined) {
      const repo = any.reference.name;
      let found = false;
      for (const [key, id] of engine.state.tags) {
        const ref = parseReference(key);
        if (ref.name === repo) {
          add(id, ref);
          found = true;
        }
      }
      if (found) continue;
    }
    const resolved = resolveImageRef(engine, name);
    const ref = resolved.reference;
    add(resolved.image.id, ref !== undefined && ref.digest === undefined ? tagNameOnly(ref) : undefined);
  }
  if (byId.size === 0) throw new NoSuchImageError(names.join(' '));
  return [...byId].map(([id, { tags }]) => {
    const parent = engine.state.parents.get(id);
    return { image: engine.state.images.get(id)!, tags, ...(parent !== undefined ? { parent } : {}) };
  });
}

/** The archive's tar entries (streamable: layer tars are read only when written). */
export function engineSaveEntries(engine: Engine, ...names: string[]): TarEntry[] {
  return dockerSaveEntries(selectImages(engine, names));
}

/** `docker save NAME…` → the archive's bytes (Docker ≥ 25 layout; see oci/dockerSave.ts). */
export function engineSave(engine: Engine, ...names: string[]): Uint8Array {
  const entries = engineSaveEntries(engine, ...names);
  const out = new Uint8Array(tarSize(entries));
  let at = 0;
  for (const chunk of tarChunks(entries)) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export interface LoadOptions {
  /**
   * A repository name for images an OCI layout names only by a tag (`org.opencontainers.image.ref.name`
   * such as `latest`, as umoci writes): they are tagged `<name>:<ref name>`.
   */
  readonly name?: string;
}

/**
 * `docker load` → the references loaded, as docker prints them after "Loaded image: "
 * (`busybox:latest`), or the image ID for an untagged image ("Loaded image ID: sha256:…").
 * Verifies every digest first; nothing is stored when anything is wrong.
 */
export function engineLoad(engine: Engine, archive: Uint8Array, options: LoadOptions = {}): string[] {
  const loaded = readImageArchive(archive);
  const refs: string[] = [];
  for (const item of loaded.images) {
    const tags = [...item.repoTags];
    if (tags.length === 0 && item.refName !== undefined && options.name !== undefined) tags.push(`${options.name}:${item.refName}`);
    engineAddImage(engine, item.image, { tags, ...(item.parent !== undefined ? { parent: item.parent } : {}) });
    if (tags.length > 0) refs.push(...tags.map((t) => familiar(t)));
    else refs.push(item.image.id);
  }
  return refs;
}

function familiar(tag: string): string {
  const ref = tagNameOnly(parseReference(tag));
  return ref.familiar;
}
