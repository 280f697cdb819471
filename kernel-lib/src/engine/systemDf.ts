/**
 * `docker system df` and `-v` (moby daemon/disk_usage.go, daemon/images/image_list.go with
 * SharedSize; docker/cli formatter/disk_usage.go), graphdriver store. Sharing is by **ChainID**:
 * a layer counts as shared when the same stack prefix is in more than one image — the same DiffID
 * on a different base is a different local layer (OCI-FACTS §1.3, §9).
 *
 *  - Images SIZE: the DiffSizes of every distinct chain ID held by any image.
 *  - per image: SIZE (all its layers), SHARED SIZE (its layers whose chain ID another image also
 *    holds), UNIQUE SIZE = SIZE − SHARED SIZE, CONTAINERS.
 *  - Images RECLAIMABLE (the CLI's formula): total SIZE − Σ over images in use by a container of
 *    (SIZE − SHARED SIZE); the percentage is floor(reclaimable × 100 / total).
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import { layerDiffSize } from '../image/ImageLayer';
import type { Engine } from './Engine';
import { containersUsing, imagesNewestFirst } from './imageList';
import { engineImageSummaries, type ImageSummary } from './imageSummaries';
import { repoTagsOf } from './resolveImage';
import { Container } from '../container/Container';
import { enginePs, engineVolumes } from './containers';

/** One row of the `Images space usage` table of `docker system df -v`. */
export interface SystemDfImageRow {
  /** REPOSITORY of the image's first tag, or `<none>`. */
  readonly repository: string;
  readonly tag: string;
  readonly imageId: Digest;
  /** IMAGE ID as shown (12 hex). */
  readonly id: string;
  /** ms since the epoch, or undefined. */
  readonly created: number | undefined;
  /** Bytes. */
  readonly size: number;
  readonly sharedSize: number;
  readonly uniqueSize: number;
  readonly containers: number;
}

/** One row of the `docker system df` summary. */
export interface SystemDfSummaryRow {
  readonly type: 'Images' | 'Containers';
  readonly total: number;
  readonly active: number;
  /** Bytes. */
  readonly size: number;
  /** Bytes. */
  readonly reclaimable: number;
  /** floor(reclaimable × 100 / size); 0 when size is 0 (the CLI then prints no percentage). */
  readonly reclaimablePercent: number;
}

/**
 * The result of `engine.systemDf()`: CLI rows (`summary`, `images`) and, under the Engine API's
 * names (`GET /system/df`: `LayersSize`, `Images`), what the view module's `formatSystemDf` takes.
 */
export interface SystemDf {
  readonly summary: readonly SystemDfSummaryRow[];
  readonly images: readonly SystemDfImageRow[];
  /** Bytes: the DiffSizes of every distinct chain ID held by any image. */
  readonly LayersSize: number;
  /** Every image (intermediates included) with SharedSize and Containers. */
  readonly Images: readonly ImageSummary[];
  /** Every container, newest first (`GET /system/df` Containers: the writable layer's SizeRw). */
  readonly Containers: readonly SystemDfContainer[];
  /** The named volumes with how many containers mount each (`Links`) and their bytes. */
  readonly Volumes: readonly SystemDfVolume[];
}

/** A container as `GET /system/df` lists it (moby container.Summary with SizeRw). */
export interface SystemDfContainer {
  readonly Id: string;
  readonly Names: readonly string[];
  readonly Image: string;
  readonly Command: string;
  /** ms since the epoch. */
  readonly Created: number;
  readonly SizeRw: number;
  readonly State: string;
  readonly Status: string;
  /** Named volumes mounted (`docker system df -v` LOCAL VOLUMES). */
  readonly LocalVolumes: number;
}

/** A named volume as `GET /system/df` lists it (UsageData.RefCount and Size). */
export interface SystemDfVolume {
  readonly Name: string;
  readonly Links: number;
  readonly Size: number;
}

function volumeNamesOf(c: Container): string[] {
  return c.mounts.flatMap((m) => (m.kind === 'dir' && m.type === 'volume' ? [m.source] : []));
}

/** The containers and volumes part of `/system/df` (the docker CLI counts SizeRw of every container). */
function containerUsage(engine: Engine): { containers: SystemDfContainer[]; volumes: SystemDfVolume[] } {
  const live = [...engine.state.containers.values()].filter((c): c is Container => c instanceof Container);
  const containers = enginePs(engine, { all: true, noTrunc: true }).map((row) => {
    const c = live.find((x) => x.id === row.id);
    return Object.freeze({
      Id: row.id,
      Names: Object.freeze(['/' + row.names]),
      Image: row.image,
      Command: c ? [...c.config.entrypoint, ...c.config.cmd].join(' ') : '',
      Created: row.createdMs,
      SizeRw: row.sizeRw,
      State: row.state,
      Status: row.status,
      LocalVolumes: c ? volumeNamesOf(c).length : 0,
    });
  });
  const volumes = engineVolumes(engine).map((v) => Object.freeze({
    Name: v.name,
    Links: live.filter((c) => volumeNamesOf(c).includes(v.name)).length,
    Size: v.size,
  }));
  return { containers, volumes };
}

export function engineSystemDf(engine: Engine): SystemDf {
  const images = imagesNewestFirst(engine);
  // How many images hold each chain ID, and its layer's DiffSize.
  const holders = new Map<Digest, number>();
  const sizes = new Map<Digest, number>();
  for (const image of images) {
    image.chainIds.forEach((chain, i) => {
      holders.set(chain, (holders.get(chain) ?? 0) + 1);
      sizes.set(chain, layerDiffSize(image.layers[i]!));
    });
  }
  const totalSize = [...sizes.values()].reduce((a, b) => a + b, 0);
  const rows: SystemDfImageRow[] = images.map((image) => {
    let shared = 0;
    image.chainIds.forEach((chain, i) => {
      if ((holders.get(chain) ?? 0) > 1) shared += layerDiffSize(image.layers[i]!);
    });
    const tag = repoTagsOf(engine, image.id)[0];
    let repository = '<none>';
    let tagName = '<none>';
    if (tag !== undefined) {
      const slash = tag.lastIndexOf('/');
      const colon = tag.lastIndexOf(':');
      repository = colon > slash ? tag.slice(0, colon) : tag;
      tagName = colon > slash ? tag.slice(colon + 1) : 'latest';
    }
    return Object.freeze({
      repository,
      tag: tagName,
      imageId: image.id,
      id: shortId(image.id),
      created: image.createdMs,
      size: image.size,
      sharedSize: shared,
      uniqueSize: image.size - shared,
      containers: containersUsing(engine, image.id),
    });
  });
  const used = rows.filter((r) => r.containers > 0).reduce((sum, r) => sum + r.size - r.sharedSize, 0);
  const reclaimable = totalSize - used;
  const usage = containerUsage(engine);
  const containers = [...engine.state.containers.values()];
  const running = containers.filter((c) => c.status === 'running');
  const containerSize = containers.reduce((sum, c) => sum + (c.sizeRw ?? 0), 0);
  const containerReclaimable = containers
    .filter((c) => c.status !== 'running')
    .reduce((sum, c) => sum + (c.sizeRw ?? 0), 0);
  const percent = (part: number, whole: number): number => (whole > 0 ? Math.floor((part * 100) / whole) : 0);
  return Object.freeze({
    summary: Object.freeze([
      Object.freeze({
        type: 'Images' as const,
        total: rows.length,
        active: rows.filter((r) => r.containers > 0).length,
        size: totalSize,
        reclaimable,
        reclaimablePercent: percent(reclaimable, totalSize),
      }),
      Object.freeze({
        type: 'Containers' as const,
        total: containers.length,
        active: running.length,
        size: containerSize,
        reclaimable: containerReclaimable,
        reclaimablePercent: percent(containerReclaimable, containerSize),
      }),
    ]),
    images: Object.freeze(rows),
    LayersSize: totalSize,
    Images: Object.freeze(engineImageSummaries(engine, { all: true })),
    Containers: Object.freeze(usage.containers),
    Volumes: Object.freeze(usage.volumes),
  });
}
