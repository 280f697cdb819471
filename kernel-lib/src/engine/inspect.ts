/**
 * `docker image inspect` (Engine API `GET /images/{name}/json`, moby api/types/image
 * `InspectResponse`, graphdriver store): the field names and order of the current API, where
 * `Config` is the image's OCI run config (API ≥ 1.50; older daemons printed a full container
 * config with empty Hostname, AttachStdin … members).
 *
 * `Comment` falls back to the last history entry's comment (so BuildKit images show
 * `buildkit.dockerfile.v0`); `Size` is the sum of the layers' DiffSizes; `RootFS.Layers` are the
 * diff_ids; `GraphDriver` names overlay2 directories — their IDs are random in Docker and derived
 * from the chain IDs here so the same notebook prints the same paths.
 */
import type { Digest } from '../digest/Digest';
import { digestHex } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import type { ImageRunConfig } from '../image/ImageConfig';
import { formatGoTime } from '../image/goTime';
import type { Engine } from './Engine';
import { repoDigestsOf, repoTagsOf, resolveImageRef } from './resolveImage';

export interface ImageInspect {
  readonly Id: Digest;
  readonly RepoTags: readonly string[];
  readonly RepoDigests: readonly string[];
  /** Local parent image ID (classic builder, commit); omitted otherwise. */
  readonly Parent?: string;
  readonly Comment?: string;
  /** RFC 3339 (nanosecond form), from the config. */
  readonly Created?: string;
  readonly Author?: string;
  readonly Config: ImageRunConfig;
  readonly Architecture: string;
  readonly Variant?: string;
  readonly Os: string;
  readonly OsVersion?: string;
  /** Bytes: the sum of the layers' DiffSizes. */
  readonly Size: number;
  readonly GraphDriver: {
    readonly Data: Readonly<Record<string, string>>;
    readonly Name: 'overlay2';
  };
  readonly RootFS: { readonly Type: 'layers'; readonly Layers?: readonly Digest[] };
  readonly Metadata: { readonly LastTagTime: string };
}

/** The directory name overlay2 gives the layer with this chain ID (deterministic in the model). */
export function overlayCacheId(chainId: Digest): string {
  return digestHex(sha256(`layerlab overlay2 ${chainId}`));
}

const OVERLAY_ROOT = '/var/lib/docker/overlay2';

/** GraphDriver.Data of an image: its top layer's dirs, and the lower layers top-most first. */
export function overlayGraphDriverData(chainIds: readonly Digest[]): Record<string, string> {
  if (chainIds.length === 0) return {};
  const dirs = chainIds.map((c) => `${OVERLAY_ROOT}/${overlayCacheId(c)}`);
  const top = dirs[dirs.length - 1]!;
  const data: Record<string, string> = {};
  if (dirs.length > 1) data['LowerDir'] = dirs.slice(0, -1).reverse().map((d) => `${d}/diff`).join(':');
  data['MergedDir'] = `${top}/merged`;
  data['UpperDir'] = `${top}/diff`;
  data['WorkDir'] = `${top}/work`;
  return data;
}

/** Go's zero `time.Time`, printed when an image was never tagged locally. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

export function engineInspect(engine: Engine, ref: string): ImageInspect {
  const { image } = resolveImageRef(engine, ref);
  const config = image.config;
  const history = image.history;
  const comment = (config as { comment?: string }).comment || history[history.length - 1]?.comment;
  const parent = engine.state.parents.get(image.id);
  const lastTag = engine.state.lastTagTime.get(image.id);
  const out: Record<string, unknown> = {
    Id: image.id,
    RepoTags: repoTagsOf(engine, image.id),
    RepoDigests: repoDigestsOf(engine, image.id),
  };
  if (parent !== undefined) out['Parent'] = parent;
  if (comment) out['Comment'] = comment;
  if (config.created !== undefined) out['Created'] = config.created;
  if (config.author) out['Author'] = config.author;
  out['Config'] = image.runConfig;
  out['Architecture'] = config.architecture;
  if (config.variant) out['Variant'] = config.variant;
  out['Os'] = config.os;
  if (config['os.version']) out['OsVersion'] = config['os.version'];
  out['Size'] = image.size;
  out['GraphDriver'] = { Data: overlayGraphDriverData(image.chainIds), Name: 'overlay2' };
  out['RootFS'] = image.diffIds.length > 0 ? { Type: 'layers', Layers: [...image.diffIds] } : { Type: 'layers' };
  out['Metadata'] = { LastTagTime: lastTag === undefined ? ZERO_TIME : formatGoTime(lastTag) };
  return deepFreezeInspect(out) as unknown as ImageInspect;
}

function deepFreezeInspect<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value as object)) deepFreezeInspect(member);
  }
  return value;
}
