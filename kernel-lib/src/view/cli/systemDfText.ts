import { renderCliFormat, truncateId } from './cliFormat';
import { createdSince, type Moment } from './cliTime';
import { ellipsis } from './displayWidth';
import { familiarRepository, splitRepoTag } from './familiarName';
import { dockerSize, humanSize } from './humanSize';
import { IMAGE_HEADERS, ImageRowContext, type ImageSummaryItem } from './imagesText';

/** A container as `GET /system/df` lists it (moby `container.Summary`, the fields the table reads). */
export interface DfContainerItem {
  readonly Id: string;
  readonly Names: readonly string[];
  readonly Image: string;
  readonly Command: string;
  readonly Created: Moment;
  /** Bytes in the writable layer. */
  readonly SizeRw: number;
  /** "running", "exited", "created" … */
  readonly State: string;
  /** "Up 5 minutes", "Exited (0) 2 minutes ago", "Created". */
  readonly Status: string;
  readonly LocalVolumes?: number;
}

export interface DfVolumeItem { readonly Name: string; readonly Links: number; readonly Size: number }

export interface DfBuildCacheItem {
  readonly ID: string;
  readonly CacheType: string;
  readonly Size: number;
  readonly CreatedAt: Moment;
  readonly LastUsedAt?: Moment | null;
  readonly UsageCount: number;
  readonly InUse: boolean;
  readonly Shared: boolean;
}

/** The `GET /system/df` response, as far as `docker system df [-v]` uses it. */
export interface SystemDfInput {
  /** Σ DiffSize of every layer referenced by any image, each ChainID counted once (OCI-FACTS §9). */
  readonly LayersSize: number;
  /** Images with SharedSize and Containers filled in. */
  readonly Images: readonly ImageSummaryItem[];
  readonly Containers?: readonly DfContainerItem[];
  readonly Volumes?: readonly DfVolumeItem[];
  readonly BuildCache?: readonly DfBuildCacheItem[];
}

export interface SystemDfTextOptions { readonly now: Moment; readonly verbose?: boolean }

const SUMMARY = 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
const SUMMARY_HEADERS = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
// docker/cli formatter/disk_usage.go verbose sections
const V_IMAGES = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}';
const V_CONTAINERS = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}';
const CONTAINER_HEADERS = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', LocalVolumes: 'LOCAL VOLUMES', Size: 'SIZE', RunningFor: 'CREATED', Status: 'STATUS', Names: 'NAMES' };
const V_VOLUMES = 'table {{.Name}}\t{{.Links}}\t{{.Size}}';
const VOLUME_HEADERS = { Name: 'VOLUME NAME', Links: 'LINKS', Size: 'SIZE' };
const V_CACHE = 'table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}';
const CACHE_HEADERS = { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' };

function reclaimable(reclaim: number, total: number): string {
  return total > 0 ? `${humanSize(reclaim)} (${Math.trunc((reclaim * 100) / total)}%)` : humanSize(reclaim);
}

/**
 * `docker system df [-v]`. Image reclaimable space follows the CLI's computation: the layers
 * total minus what images with containers uniquely use (Σ Size − SharedSize over active images).
 */
export function formatSystemDf(df: SystemDfInput, options: SystemDfTextOptions): string {
  return options.verbose ? verbose(df, options.now) : summary(df);
}

function summary(df: SystemDfInput): string {
  const containers = df.Containers ?? [];
  const volumes = df.Volumes ?? [];
  const cache = df.BuildCache ?? [];
  let used = 0;
  for (const i of df.Images) {
    const c = i.Containers ?? 0;
    if (c !== 0 && i.Size !== -1 && (i.SharedSize ?? -1) !== -1) used += i.Size - (i.SharedSize ?? 0);
  }
  const cSize = containers.reduce((s, c) => s + c.SizeRw, 0);
  const cReclaim = containers.filter((c) => c.State !== 'running').reduce((s, c) => s + c.SizeRw, 0);
  const vSize = volumes.reduce((s, v) => s + v.Size, 0);
  const vReclaim = volumes.filter((v) => v.Links === 0).reduce((s, v) => s + v.Size, 0);
  const bSize = cache.filter((b) => !b.Shared).reduce((s, b) => s + b.Size, 0);
  // CLI: reclaimable = builder size − bytes of records in use (and not shared).
  const bReclaim = bSize - cache.filter((b) => b.InUse && !b.Shared).reduce((s, b) => s + b.Size, 0);
  const rows = [
    { Type: 'Images', TotalCount: String(df.Images.length), Active: String(df.Images.filter((i) => (i.Containers ?? 0) > 0).length), Size: humanSize(df.LayersSize), Reclaimable: reclaimable(df.LayersSize - used, df.LayersSize) },
    { Type: 'Containers', TotalCount: String(containers.length), Active: String(containers.filter((c) => c.State === 'running').length), Size: humanSize(cSize), Reclaimable: reclaimable(cReclaim, cSize) },
    { Type: 'Local Volumes', TotalCount: String(volumes.length), Active: String(volumes.filter((v) => v.Links > 0).length), Size: humanSize(vSize), Reclaimable: reclaimable(vReclaim, vSize) },
    { Type: 'Build Cache', TotalCount: String(cache.length), Active: String(cache.filter((b) => b.InUse).length), Size: humanSize(bSize), Reclaimable: humanSize(bReclaim) },
  ];
  return renderCliFormat(SUMMARY, rows, SUMMARY_HEADERS);
}

function verbose(df: SystemDfInput, now: Moment): string {
  // Only the first tag of each image is shown (disk_usage.go verboseWrite).
  const images = df.Images.map((i) => {
    let repo = '<none>';
    let tag = '<none>';
    const first = i.RepoTags?.[0];
    if (first !== undefined && first !== '<none>:<none>') {
      const rt = splitRepoTag(first);
      if (rt.tag !== undefined) { repo = familiarRepository(rt.repository); tag = rt.tag; }
    }
    return new ImageRowContext(i, true, repo, tag, '', now);
  });
  const containers = (df.Containers ?? []).map((c) => ({
    ID: truncateId(c.Id),
    Image: c.Image,
    Command: JSON.stringify(ellipsis(c.Command, 20)),
    LocalVolumes: String(c.LocalVolumes ?? 0),
    Size: dockerSize(c.SizeRw),
    RunningFor: createdSince(c.Created, now),
    Status: c.Status,
    Names: (c.Names[0] ?? '').replace(/^\//, ''),
  }));
  const volumes = (df.Volumes ?? []).map((v) => ({ Name: v.Name, Links: String(v.Links), Size: humanSize(v.Size) }));
  const cache = [...(df.BuildCache ?? [])].map((b) => ({
    ID: truncateId(b.ID) + (b.InUse ? '*' : ''),
    CacheType: b.CacheType,
    Size: dockerSize(b.Size),
    CreatedSince: createdSince(b.CreatedAt, now),
    LastUsedSince: b.LastUsedAt == null ? '' : createdSince(b.LastUsedAt, now),
    UsageCount: String(b.UsageCount),
    Shared: String(b.Shared),
  }));
  const cacheTotal = (df.BuildCache ?? []).reduce((s, b) => s + b.Size, 0);
  return 'Images space usage:\n\n' + renderCliFormat(V_IMAGES, images, IMAGE_HEADERS) +
    '\nContainers space usage:\n\n' + renderCliFormat(V_CONTAINERS, containers, CONTAINER_HEADERS) +
    '\nLocal Volumes space usage:\n\n' + renderCliFormat(V_VOLUMES, volumes, VOLUME_HEADERS) +
    `\nBuild cache usage: ${humanSize(cacheTotal)}\n\n` + renderCliFormat(V_CACHE, cache, CACHE_HEADERS);
}
