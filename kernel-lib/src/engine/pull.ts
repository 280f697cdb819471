/**
 * `docker pull` (moby daemon/internal/distribution/pull_v2.go, xfer/download.go): the registry
 * module's `pullImage` does the transfer (a layer is skipped as "Already exists" only while the
 * whole chain below it is present locally by ChainID; every blob is verified); this file stores
 * the result the way the daemon does — the image, the tag, the repository digest — and finds the
 * local layers that were not downloaded.
 *
 * Base images: the engine's `docker.io` registry mirrors the base-image catalog (catalog
 * `connectCatalog`, called by `new Engine()`): a catalog image is published there on first request
 * and then pulled like anything else — its blobs move, are verified and counted.
 */
import type { Digest } from '../digest/Digest';
import { Image } from '../image/Image';
import type { ImageLayer } from '../image/ImageLayer';
import { makeImageReference, parseReference, tagNameOnly } from '../reference/parseReference';
import { pullImage } from '../registry/pullImage';
import type { PullReport } from '../registry/TransferReport';
import type { Engine } from './Engine';
import { engineAddImage, setTag } from './addImage';

/**
 * What `engine.pull` returns: the registry's `PullReport` (layers with their status and bytes,
 * `digest`, `upToDate`, `bytesMoved`, `lines`, `text`) plus the stored image and the fields the
 * view module's `formatPull` prints.
 */
export interface PullResult extends PullReport {
  readonly image: Image;
  /** The reference as typed (`nginx`, `nginx:alpine`). */
  readonly ref: string;
  /** `Pulling from` shows this: `library/nginx` on Docker Hub. */
  readonly repositoryPath: string;
  /** The tag (defaulted to `latest`) or the digest asked for. */
  readonly tagOrDigest: string;
  /** The fully qualified reference printed last (`docker.io/library/nginx:latest`). */
  readonly canonical: string;
}

export interface PullOptions {
  /** Platform to pick from a multi-platform index (default linux/amd64). */
  readonly platform?: { readonly os: string; readonly architecture: string; readonly variant?: string };
}

/** Every layer the engine holds, by the ChainID of the stack it tops. */
function localLayersByChain(engine: Engine): Map<Digest, ImageLayer> {
  const out = new Map<Digest, ImageLayer>();
  for (const image of engine.state.images.values()) image.chainIds.forEach((c, i) => out.set(c, image.layers[i]!));
  return out;
}

export function enginePull(engine: Engine, ref: string, options: PullOptions = {}): PullResult {
  const typed = parseReference(ref);
  const reference = typed.digest !== undefined ? makeImageReference(typed.domain, typed.path, undefined, typed.digest) : tagNameOnly(typed);
  const state = engine.state;
  const local = localLayersByChain(engine);
  const report = pullImage({
    registries: state.registries,
    reference: typed,
    local: {
      hasLayerChain: (chainId) => local.has(chainId),
      hasImage: (imageId) => state.images.has(imageId),
      imageIdFor: (r) => (r.digest !== undefined ? undefined : state.tags.get(tagNameOnly(r).canonical)),
    },
    ...(options.platform ? { platform: options.platform } : {}),
    sources: state.layerSources,
  });
  let image = state.images.get(report.imageId);
  if (image === undefined) {
    const layers = report.layers.map((l) => l.layer ?? local.get(l.chainId)!);
    image = Image.fromConfigBytes(report.configBytes!, layers);
  }
  engineAddImage(engine, image, { repoDigest: `${reference.name}@${report.digest}` });
  if (reference.digest === undefined) setTag(engine, reference.canonical, image.id);
  return Object.freeze({
    ...report,
    image,
    ref,
    repositoryPath: reference.domain === 'docker.io' ? reference.path : reference.name,
    tagOrDigest: reference.digest ?? reference.tag ?? 'latest',
    canonical: reference.digest !== undefined ? `${reference.name}@${reference.digest}` : reference.canonical,
  });
}
