/**
 * What a Docker daemon remembers, as plain mutable collections owned by one `Engine`. The
 * operation files (`images.ts`, `containers.ts`, `build.ts`, `push.ts`, the oci save/load) read and
 * change it; values stored in it (images, layers) are immutable.
 */
import type { Digest } from '../digest/Digest';
import type { Image } from '../image/Image';
import type { LayerSourceIndex } from '../registry/LayerSourceIndex';
import type { Registries } from '../registry/Registries';
import type { ModelClock } from './ModelClock';

/**
 * The least an image operation needs to know about a container: `rmi` refuses to delete an image a
 * container uses, `images`/`systemDf` count containers per image. The container module's class is
 * stored in `EngineState.containers` and must have these members.
 */
export interface EngineContainerRecord {
  /** Full 64-hex container ID. */
  readonly id: string;
  readonly name?: string;
  /** The image ID (config digest) the container was created from. */
  readonly imageId: Digest;
  /** `running` containers block even a forced `rmi`; others block only an unforced one. */
  readonly status?: string;
  /** Bytes in the container's writable layer (`docker ps -s` SIZE; `system df` Containers). */
  readonly sizeRw?: number;
}

export interface EngineState {
  /** The image store, by image ID (config digest). */
  readonly images: Map<Digest, Image>;
  /**
   * The tag table: normalised reference (`docker.io/library/nginx:latest`) → image ID. Insertion
   * order is the order tags were made.
   */
  readonly tags: Map<string, Digest>;
  /** Repository digests per image ID (`docker.io/library/nginx@sha256:…`), set by pull and push. */
  readonly repoDigests: Map<Digest, Set<string>>;
  /** Local parent links (classic builder, commit, load with `Parent`): image ID → parent image ID. */
  readonly parents: Map<Digest, Digest>;
  /** When each image entered this engine (ms, model clock) — for ordering `docker images`. */
  readonly addedAt: Map<Digest, number>;
  /** When a tag was last pointed at each image (ms) — `Metadata.LastTagTime` in inspect. */
  readonly lastTagTime: Map<Digest, number>;
  /** Containers by full ID (the container module's objects). */
  readonly containers: Map<string, EngineContainerRecord>;
  /** The build cache (the build module decides the value type). */
  readonly buildCache: Map<string, unknown>;
  /** Registries this engine can reach, by domain (`docker.io`, `localhost:5000` …); may be shared between engines. */
  readonly registries: Registries;
  /** Where each layer (by DiffID) was seen remotely — push tries cross-repository mounts from these. */
  readonly layerSources: LayerSourceIndex;
  readonly clock: ModelClock;
}
