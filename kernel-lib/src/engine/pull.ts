/**
 * `docker pull` (moby daemon/internal/distribution/pull_v2.go, xfer/download.go), graphdriver store:
 * resolve the reference to a manifest, then fetch layers — a layer is skipped ("Already exists")
 * only while the **prefix** of the chain exists locally by ChainID; after the first missing layer
 * every later one is downloaded. Ends with the manifest digest and a status line
 * (OCI-FACTS §10).
 *
 * Where images come from: a registry the engine knows for the reference's domain (the registry
 * module), else the base-image catalog.
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import type { Image } from '../image/Image';
import { familiarString } from '../reference/familiar';
import { parseReference, tagNameOnly } from '../reference/parseReference';
import type { ImageReference } from '../reference/ImageReference';
import type { Engine } from './Engine';
import { engineAddImage, setTag } from './addImage';
import { EngineFeatureUnavailableError } from './engineErrors';

/** One layer line of the pull output. */
export interface PullLayerRecord {
  /** The progress ID docker prints: 12 hex of the layer's blob digest. */
  readonly id: string;
  readonly digest: Digest;
  readonly diffId: Digest;
  readonly status: 'Pull complete' | 'Already exists';
  /** Bytes transferred for this layer (the compressed blob), 0 when it already existed. */
  readonly bytes: number;
}

export interface PullResult {
  /** The familiar reference pulled (`nginx:latest`, `nginx@sha256:…`). */
  readonly reference: string;
  readonly image: Image;
  /** The manifest digest resolved (`Digest: sha256:…`). */
  readonly digest: Digest;
  readonly layers: readonly PullLayerRecord[];
  /** Total bytes transferred (layers + config + manifest are not all counted: layers only, as the CLI's progress). */
  readonly bytes: number;
  /** `Downloaded newer image for nginx:latest` or `Image is up to date for nginx:latest`. */
  readonly status: string;
  /** The lines `docker pull` prints. */
  readonly log: readonly string[];
}

/** What a source hands back for a reference: the image and the digest of its manifest. */
export interface PulledImage {
  readonly image: Image;
  readonly manifestDigest: Digest;
}

/** Finds `reference` in a registry of the engine or in the catalog; undefined when nowhere. */
export type PullSource = (engine: Engine, reference: ImageReference) => PulledImage | undefined;

const sources: PullSource[] = [];

/**
 * Registers a place pull looks in (the registry and catalog modules call this from their own
 * engine glue); sources are asked in registration order.
 */
export function registerPullSource(source: PullSource): void {
  if (!sources.includes(source)) sources.push(source);
}

export function enginePull(engine: Engine, ref: string): PullResult {
  const reference = tagNameOnly(parseReference(ref));
  let found: PulledImage | undefined;
  for (const source of sources) {
    found = source(engine, reference);
    if (found) break;
  }
  if (!found) throw new EngineFeatureUnavailableError('pull', 'catalog/registry');
  return applyPull(engine, reference, found);
}

/** Stores a pulled image the way the daemon does and reports per-layer transfers. */
export function applyPull(engine: Engine, reference: ImageReference, found: PulledImage): PullResult {
  const { image, manifestDigest } = found;
  const state = engine.state;
  const localChains = new Set<Digest>();
  for (const stored of state.images.values()) for (const c of stored.chainIds) localChains.add(c);
  const layers: PullLayerRecord[] = [];
  let prefixPresent = true;
  image.layers.forEach((layer, i) => {
    prefixPresent = prefixPresent && localChains.has(image.chainIds[i]!);
    layers.push(
      Object.freeze({
        id: shortId(layer.digest),
        digest: layer.digest,
        diffId: layer.diffId,
        status: prefixPresent ? 'Already exists' : 'Pull complete',
        bytes: prefixPresent ? 0 : layer.compressedSize,
      }),
    );
  });
  const familiar = familiarString(reference);
  const previous = reference.digest === undefined ? state.tags.get(reference.canonical) : undefined;
  const upToDate = state.images.has(image.id) && (reference.digest !== undefined || previous === image.id);
  engineAddImage(engine, image, { repoDigest: `${reference.name}@${manifestDigest}` });
  if (reference.digest === undefined) setTag(engine, reference.canonical, image.id);
  const status = upToDate ? `Image is up to date for ${familiar}` : `Downloaded newer image for ${familiar}`;
  const log: string[] = [];
  if (reference.digest === undefined) log.push(`${reference.tag}: Pulling from ${familiarRepo(reference)}`);
  else log.push(`${reference.digest}: Pulling from ${familiarRepo(reference)}`);
  if (!upToDate) for (const l of layers) log.push(`${l.id}: ${l.status}`);
  log.push(`Digest: ${manifestDigest}`);
  log.push(`Status: ${status}`);
  log.push(canonicalLine(reference));
  return Object.freeze({
    reference: familiar,
    image,
    digest: manifestDigest,
    layers: Object.freeze(layers),
    bytes: layers.reduce((sum, l) => sum + l.bytes, 0),
    status,
    log: Object.freeze(log),
  });
}

/** `Pulling from library/nginx`: docker prints the path (with `library/`) for Docker Hub. */
function familiarRepo(reference: ImageReference): string {
  return reference.domain === 'docker.io' ? reference.path : reference.name;
}

/** The last line docker prints: the fully qualified reference. */
function canonicalLine(reference: ImageReference): string {
  return reference.digest !== undefined ? `${reference.name}@${reference.digest}` : reference.canonical;
}
