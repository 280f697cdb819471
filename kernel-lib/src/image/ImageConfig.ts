/**
 * The image configuration document (OCI image-spec config.md; Docker image spec v1.2/1.3), typed
 * with the spec's own field names so that a value reads like the JSON `docker inspect` and
 * `skopeo inspect --config` print. Maps (`ExposedPorts`, `Volumes`, `Labels`) are plain records here;
 * `serializeImageConfig` writes their keys in Go's sorted order.
 */
import type { Digest } from '../digest/Digest';

/** `config.Healthcheck` (Docker-only; durations in nanoseconds as Go's time.Duration). */
export interface ImageHealthcheck {
  /** `[]` inherit, `["NONE"]` disable, `["CMD", …]` exec, `["CMD-SHELL", "cmd"]` shell. */
  readonly Test?: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

/** The `config` object: defaults for a container run from the image (config.md "config"). */
export interface ImageRunConfig {
  readonly User?: string;
  /** `{"80/tcp": {}}` — a Go `map[string]struct{}`. */
  readonly ExposedPorts?: Readonly<Record<string, Readonly<Record<string, never>>>>;
  /** `["KEY=value", …]` in the order the image defines them. */
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[];
  readonly Cmd?: readonly string[];
  readonly Volumes?: Readonly<Record<string, Readonly<Record<string, never>>>>;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>>;
  readonly StopSignal?: string;
  readonly ArgsEscaped?: boolean;
  readonly Healthcheck?: ImageHealthcheck;
  readonly OnBuild?: readonly string[];
  readonly Shell?: readonly string[];
}

/** One `history` entry (config.md "history"). `empty_layer: true` ⇒ no matching diff_id. */
export interface ImageHistoryEntry {
  /** RFC 3339 time, as Go writes a `time.Time` (`2024-01-01T00:00:00Z`). */
  readonly created?: string;
  readonly created_by?: string;
  readonly author?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

export interface ImageRootFs {
  readonly type: 'layers';
  /** DiffIDs (digests of the uncompressed layer tars), base layer first. */
  readonly diff_ids: readonly Digest[];
}

/** The whole configuration document; its exact bytes hash to the image ID. */
export interface ImageConfigFile {
  readonly created?: string;
  readonly author?: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly 'os.features'?: readonly string[];
  readonly config?: ImageRunConfig;
  readonly rootfs: ImageRootFs;
  readonly history?: readonly ImageHistoryEntry[];
}

/** The platform an image is for (index.json `platform`, `docker inspect` Architecture/Os/Variant). */
export interface ImagePlatform {
  readonly architecture: string;
  readonly os: string;
  readonly variant?: string;
}
