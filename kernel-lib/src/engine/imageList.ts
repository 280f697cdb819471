/**
 * `docker images` (moby daemon/images/image_list.go; docker/cli formatter/image.go), graphdriver
 * store: one row per repository tag; an image with no tag shows `<none>` / `<none>` (with only a
 * digest reference: its repository and `<none>`); untagged images that are the parent of another
 * image (classic-builder intermediates) are hidden unless `all`. Newest image first.
 * SIZE is the sum of the image's layers' DiffSizes; IMAGE ID is the config digest.
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import type { Image } from '../image/Image';
import type { Engine } from './Engine';
import { familiarOfCanonical } from './resolveImage';

/** One row of `docker images`. */
export interface ImageListRow {
  /** REPOSITORY: familiar name (`nginx`, `localhost:5000/app`) or `<none>`. */
  readonly repository: string;
  /** TAG, or `<none>`. */
  readonly tag: string;
  /** DIGEST (`--digests`): the repository digest, or `<none>`. */
  readonly digest: string;
  /** The full image ID (`sha256:…`). */
  readonly imageId: Digest;
  /** IMAGE ID as shown: 12 hex. */
  readonly id: string;
  /** CREATED: ms since the epoch (from the config), `undefined` when the config has none. */
  readonly created: number | undefined;
  /** SIZE in bytes (sum of the layers' DiffSize). */
  readonly size: number;
  /** How many containers use the image. */
  readonly containers: number;
}

export interface ImagesOptions {
  /** `-a`: also show intermediate images. */
  readonly all?: boolean;
  /** `docker images nginx`: only rows of this repository (familiar or full name). */
  readonly repository?: string;
  /** `-f dangling=true` / `false`. */
  readonly dangling?: boolean;
}

function splitTag(familiar: string): { repository: string; tag: string } {
  const slash = familiar.lastIndexOf('/');
  const colon = familiar.lastIndexOf(':');
  return colon > slash
    ? { repository: familiar.slice(0, colon), tag: familiar.slice(colon + 1) }
    : { repository: familiar, tag: '<none>' };
}

/** Images newest first (by `created`, then by when they entered the engine). */
export function imagesNewestFirst(engine: Engine): Image[] {
  const { images, addedAt } = engine.state;
  return [...images.values()].sort((a, b) => {
    const byCreated = (b.createdMs ?? 0) - (a.createdMs ?? 0);
    return byCreated !== 0 ? byCreated : (addedAt.get(b.id) ?? 0) - (addedAt.get(a.id) ?? 0);
  });
}

export function containersUsing(engine: Engine, id: Digest): number {
  let n = 0;
  for (const c of engine.state.containers.values()) if (c.imageId === id) n++;
  return n;
}

export function engineImages(engine: Engine, options: ImagesOptions = {}): ImageListRow[] {
  const { tags, repoDigests, parents } = engine.state;
  const hasChildren = new Set(parents.values());
  const rows: ImageListRow[] = [];
  const wantRepo = options.repository === undefined ? undefined : familiarOfCanonical(options.repository);
  for (const image of imagesNewestFirst(engine)) {
    const id = image.id;
    const tagRefs = [...tags].filter(([, target]) => target === id).map(([ref]) => familiarOfCanonical(ref));
    const digestRefs = [...(repoDigests.get(id) ?? [])].map(familiarOfCanonical);
    const dangling = tagRefs.length === 0;
    if (options.dangling !== undefined && options.dangling !== dangling) continue;
    if (dangling && digestRefs.length === 0 && hasChildren.has(id) && !options.all) continue;
    const common = {
      imageId: id,
      id: shortId(id),
      created: image.createdMs,
      size: image.size,
      containers: containersUsing(engine, id),
    };
    const digestOf = (repository: string): string => {
      const match = digestRefs.find((d) => d.slice(0, d.indexOf('@')) === repository);
      return match === undefined ? '<none>' : match.slice(match.indexOf('@') + 1);
    };
    const imageRows: ImageListRow[] = [];
    if (!dangling) {
      for (const familiar of [...tagRefs].sort()) {
        const { repository, tag } = splitTag(familiar);
        imageRows.push({ repository, tag, digest: digestOf(repository), ...common });
      }
    } else if (digestRefs.length > 0) {
      for (const d of digestRefs) {
        const repository = d.slice(0, d.indexOf('@'));
        imageRows.push({ repository, tag: '<none>', digest: d.slice(d.indexOf('@') + 1), ...common });
      }
    } else {
      imageRows.push({ repository: '<none>', tag: '<none>', digest: '<none>', ...common });
    }
    for (const row of imageRows) {
      if (wantRepo !== undefined && row.repository !== wantRepo) continue;
      rows.push(Object.freeze(row));
    }
  }
  return rows;
}
