/**
 * The inputs and outputs of a build (`engine.build(options)` → `BuildResult`), and what the
 * builder needs from the engine that runs it (`BuildHost`).
 */
import type { Image } from '../image/Image';
import type { InstructionKind } from '../dockerfile/instructions';
import type { DockerfileParseWarning } from '../dockerfile/ast';
import type { Layer } from '../layer/Layer';
import type { Registries } from '../registry/Registries';
import type { BuildContextInput } from './BuildContext';
import type { ScheduledSpan } from './schedule';

export interface BuildOptions {
  /** The Dockerfile text. */
  readonly dockerfile: string;
  /** A directory path (real modes and mtimes) or an in-memory map of files; default: empty. */
  readonly context?: BuildContextInput;
  /** `-t`: one or more references to tag the result with. */
  readonly tag?: string | readonly string[];
  /** `--build-arg KEY=value`. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** `--target`: the stage to stop at (default: the last). */
  readonly target?: string;
  /** `--no-cache`: run every step (results are still stored for later builds). */
  readonly noCache?: boolean;
  /** `--secret id=…`: values for `RUN --mount=type=secret`. */
  readonly secrets?: Readonly<Record<string, string | Uint8Array>>;
  /** `--cache-from type=registry,ref=…`: import cache records from a registry first. */
  readonly cacheFrom?: string | readonly string[];
  /** `--cache-to type=registry,ref=…[,mode=max]`: export this build's cache records. */
  readonly cacheTo?: string | { readonly ref: string; readonly mode?: 'min' | 'max' };
  /** `buildkit` (default) or the legacy `classic` builder, for contrast. */
  readonly builder?: 'buildkit' | 'classic';
  /** The Dockerfile's name in the context (for .dockerignore and the log); default `Dockerfile`. */
  readonly dockerfilePath?: string;
}

/** One record per instruction after each FROM, in Dockerfile order across the built stages. */
export interface BuildStep {
  /** The stage's name in the log (`builder`, `stage-1`), undefined for a single unnamed stage. */
  readonly stage: string | undefined;
  readonly stageIndex: number;
  readonly kind: InstructionKind;
  /** The instruction as written (continuations joined). */
  readonly instruction: string;
  readonly line: number;
  readonly endLine: number;
  /** The step ran an operation (RUN, COPY, ADD, WORKDIR); metadata instructions only change config. */
  readonly runs: boolean;
  /** Taken from the build cache (always false for steps that do not run). */
  readonly cached: boolean;
  /** Simulated seconds (0 for a cache hit or a metadata instruction). */
  readonly seconds: number;
  /** When the step started and ended, seconds from the start of the build. */
  readonly start: number;
  readonly end: number;
  /** The layer the step made, if it made one. */
  readonly layer: Layer | undefined;
  /** Bytes of files in that layer (`docker history` SIZE). */
  readonly size: number;
  /** The history entry's `empty_layer`. ONBUILD adds no history entry: undefined. */
  readonly emptyLayer: boolean | undefined;
  readonly createdBy: string | undefined;
  readonly cacheKey: string | undefined;
  /** What the step printed (RUN). */
  readonly output: string;
}

export interface BuildResult {
  readonly image: Image;
  readonly id: string;
  readonly tags: readonly string[];
  readonly steps: readonly BuildStep[];
  /** BuildKit plain-progress log. */
  readonly log: string;
  /** Wall-clock seconds (critical path: parallel stages overlap). */
  readonly seconds: number;
  /** Sum of all step seconds (one-at-a-time execution). */
  readonly serialSeconds: number;
  readonly criticalPath: readonly string[];
  readonly timeline: readonly ScheduledSpan[];
  readonly cacheHits: number;
  readonly cacheMisses: number;
  /** Bytes of the build context sent to the builder. */
  readonly contextBytes: number;
  readonly warnings: readonly DockerfileParseWarning[];
  /** Stage indices that were built (BuildKit skips stages the target does not need). */
  readonly builtStages: readonly number[];
}

export interface ResolvedBase {
  readonly image: Image;
  /** `docker.io/library/alpine:3.18` */
  readonly canonical: string;
  /** Compressed and uncompressed bytes downloaded (0 when the image was already local). */
  readonly downloadedBytes: number;
  readonly unpackedBytes: number;
}

/** What the builder needs from the engine. */
export interface BuildHost {
  /** The image a FROM / COPY --from names, pulled when not local. */
  resolveImage(ref: string): ResolvedBase;
  /** Stores the result and tags it. */
  addImage(image: Image, tags: readonly string[]): Image;
  /** The engine's build cache (records, cache-mount contents). */
  readonly cache: Map<string, unknown>;
  now(): number;
  setNow(ms: number): void;
  /** Package sizes for apt-get/apk/npm/pip simulation (the shell's catalog). */
  readonly packages?: unknown;
  readonly registries?: Registries;
}
