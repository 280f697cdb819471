/**
 * The Engine API's image list (`GET /images/json`, moby api/types/image `Summary`), one entry per
 * image: what the docker CLI formats into `docker images` and `docker system df -v` rows (the
 * view module's `formatImages`/`formatSystemDf` take these). `engine.images()` gives the same
 * information already split into CLI rows.
 */
import type { Digest } from '../digest/Digest';
import type { Engine } from './Engine';
import { containersUsing, imagesNewestFirst } from './imageList';
import { repoDigestsOf, repoTagsOf } from './resolveImage';

export interface ImageSummary {
  readonly Id: Digest;
  /** Local parent image ID, or `''`. */
  readonly ParentId: string;
  /** Familiar `name:tag` references; `[]` for an untagged image. */
  readonly RepoTags: readonly string[];
  /** Familiar `name@sha256:…` references. */
  readonly RepoDigests: readonly string[];
  /** Unix seconds (0 when the config has no `created`). */
  readonly Created: number;
  /** Bytes: the sum of the layers' DiffSizes. */
  readonly Size: number;
  /** Bytes of this image's layers (by ChainID) that another image also holds. */
  readonly SharedSize: number;
  readonly Labels: Readonly<Record<string, string>>;
  /** Containers using the image. */
  readonly Containers: number;
}

export interface ImageSummariesOptions {
  /** `-a`: include intermediate images (untagged parents of other images). */
  readonly all?: boolean;
}

/** How many images hold each chain ID (sharing in `system df` is by ChainID). */
export function chainHolders(engine: Engine): Map<Digest, number> {
  const holders = new Map<Digest, number>();
  for (const image of engine.state.images.values()) {
    for (const chain of image.chainIds) holders.set(chain, (holders.get(chain) ?? 0) + 1);
  }
  return holders;
}

export function engineImageSummaries(engine: Engine, options: ImageSummariesOptions = {}): ImageSummary[] {
  const holders = chainHolders(engine);
  const hasChildren = new Set(engine.state.parents.values());
  const out: ImageSummary[] = [];
  for (const image of imagesNewestFirst(engine)) {
    const RepoTags = repoTagsOf(engine, image.id);
    const RepoDigests = repoDigestsOf(engine, image.id);
    if (!options.all && RepoTags.length === 0 && RepoDigests.length === 0 && hasChildren.has(image.id)) continue;
    let shared = 0;
    image.chainIds.forEach((chain, i) => {
      if ((holders.get(chain) ?? 0) > 1) shared += image.layers[i]!.diffSize ?? image.layers[i]!.size;
    });
    out.push(
      Object.freeze({
        Id: image.id,
        ParentId: engine.state.parents.get(image.id) ?? '',
        RepoTags: Object.freeze(RepoTags),
        RepoDigests: Object.freeze(RepoDigests),
        Created: Math.floor((image.createdMs ?? 0) / 1000),
        Size: image.size,
        SharedSize: shared,
        Labels: Object.freeze({ ...(image.runConfig.Labels ?? {}) }),
        Containers: containersUsing(engine, image.id),
      }),
    );
  }
  return out;
}
