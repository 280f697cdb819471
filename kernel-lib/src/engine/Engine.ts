/**
 * `Engine` — a Docker daemon in memory: the one mutable object a notebook holds (DESIGN.md
 * "Names that other parts rely on"). Methods are named after the CLI.
 *
 * The class only holds the state (`EngineState`) and delegates: each method group lives in its own
 * file, as a function taking the engine first, and the method takes its parameter and return types
 * from that function — so the owner of a group edits only that file:
 *   - images (pull, tag, rmi, images, inspect, history, systemDf, getImage, addImage): `images.ts`
 *     and the files it re-exports;
 *   - save / load: `saveLoad.ts` over the `oci` module;
 *   - containers (create, run, start, stop, rm, ps, diff, export, commit): `containers.ts`;
 *   - build: `build.ts`;
 *   - push: `push.ts` (over the `registry` module).
 *
 * @example
 * const engine = new Engine();
 * await engine.pull('alpine:3.18');
 * engine.images();           // rows: REPOSITORY alpine, TAG 3.18, IMAGE ID …, SIZE …
 */
import { connectCatalog } from '../catalog/publishCatalog';
import { LayerSourceIndex } from '../registry/LayerSourceIndex';
import { Registries } from '../registry/Registries';
import type { EngineState } from './EngineState';
import { ModelClock } from './ModelClock';
import { engineBuild } from './build';
import {
  engineCommit,
  engineCreate,
  engineDiff,
  engineExport,
  engineGetContainer,
  engineKill,
  enginePause,
  enginePs,
  engineRestart,
  engineRm,
  engineRun,
  engineStart,
  engineStop,
  engineUnpause,
  engineVolumes,
} from './containers';
import {
  engineAddImage,
  engineGetImage,
  engineHistory,
  engineImageSummaries,
  engineImages,
  engineInspect,
  enginePull,
  engineRmi,
  engineSystemDf,
  engineTag,
} from './images';
import { enginePush } from './push';
import { engineLoad, engineSave } from './saveLoad';

/** The parameters of an engine operation after its leading `engine` parameter. */
type EngineArgs<F> = F extends (engine: Engine, ...rest: infer R) => unknown ? R : never;

export interface EngineOptions {
  /** Start of the model clock (ms since the epoch); default `MODEL_EPOCH_MS` (2025-06-02T09:00:00Z). */
  readonly now?: number;
  /** A clock shared with other engines (two "machines" in one lesson). */
  readonly clock?: ModelClock;
  /** Registries this engine reaches, by domain; shared between engines to model push/pull between machines. */
  readonly registries?: Registries;
}

export class Engine {
  /** Everything the daemon remembers. Operation files change it; notebooks read it through methods. */
  readonly state: EngineState;

  constructor(options: EngineOptions = {}) {
    const registries = options.registries ?? new Registries();
    // Docker Hub in the model mirrors the base-image catalog: `pull('node:18')` finds it there.
    connectCatalog(registries);
    this.state = {
      images: new Map(),
      tags: new Map(),
      repoDigests: new Map(),
      parents: new Map(),
      addedAt: new Map(),
      lastTagTime: new Map(),
      containers: new Map(),
      buildCache: new Map(),
      registries,
      layerSources: new LayerSourceIndex(),
      clock: options.clock ?? new ModelClock(options.now),
    };
  }

  /** The engine's model clock (deterministic; see `ModelClock`). */
  get clock(): ModelClock {
    return this.state.clock;
  }

  // ── images (images.ts) ─────────────────────────────────────────────────────────────────────
  pull(...args: EngineArgs<typeof enginePull>): ReturnType<typeof enginePull> {
    return enginePull(this, ...args);
  }
  tag(...args: EngineArgs<typeof engineTag>): ReturnType<typeof engineTag> {
    return engineTag(this, ...args);
  }
  rmi(...args: EngineArgs<typeof engineRmi>): ReturnType<typeof engineRmi> {
    return engineRmi(this, ...args);
  }
  images(...args: EngineArgs<typeof engineImages>): ReturnType<typeof engineImages> {
    return engineImages(this, ...args);
  }
  /** The Engine API's image list (`GET /images/json`): one summary per image, for the CLI views. */
  imageSummaries(...args: EngineArgs<typeof engineImageSummaries>): ReturnType<typeof engineImageSummaries> {
    return engineImageSummaries(this, ...args);
  }
  inspect(...args: EngineArgs<typeof engineInspect>): ReturnType<typeof engineInspect> {
    return engineInspect(this, ...args);
  }
  history(...args: EngineArgs<typeof engineHistory>): ReturnType<typeof engineHistory> {
    return engineHistory(this, ...args);
  }
  systemDf(...args: EngineArgs<typeof engineSystemDf>): ReturnType<typeof engineSystemDf> {
    return engineSystemDf(this, ...args);
  }
  /** The image a reference, an image ID or an ID prefix names; throws `NoSuchImageError`. */
  getImage(...args: EngineArgs<typeof engineGetImage>): ReturnType<typeof engineGetImage> {
    return engineGetImage(this, ...args);
  }
  /** Stores an image (and its layers) and optionally tags it — for build, commit, load. */
  addImage(...args: EngineArgs<typeof engineAddImage>): ReturnType<typeof engineAddImage> {
    return engineAddImage(this, ...args);
  }

  // ── save / load (saveLoad.ts → oci/) ───────────────────────────────────────────────────────
  save(...args: EngineArgs<typeof engineSave>): ReturnType<typeof engineSave> {
    return engineSave(this, ...args);
  }
  load(...args: EngineArgs<typeof engineLoad>): ReturnType<typeof engineLoad> {
    return engineLoad(this, ...args);
  }

  // ── containers (containers.ts) ─────────────────────────────────────────────────────────────
  create(...args: EngineArgs<typeof engineCreate>): ReturnType<typeof engineCreate> {
    return engineCreate(this, ...args);
  }
  run(...args: EngineArgs<typeof engineRun>): ReturnType<typeof engineRun> {
    return engineRun(this, ...args);
  }
  start(...args: EngineArgs<typeof engineStart>): ReturnType<typeof engineStart> {
    return engineStart(this, ...args);
  }
  stop(...args: EngineArgs<typeof engineStop>): ReturnType<typeof engineStop> {
    return engineStop(this, ...args);
  }
  rm(...args: EngineArgs<typeof engineRm>): ReturnType<typeof engineRm> {
    return engineRm(this, ...args);
  }
  ps(...args: EngineArgs<typeof enginePs>): ReturnType<typeof enginePs> {
    return enginePs(this, ...args);
  }
  diff(...args: EngineArgs<typeof engineDiff>): ReturnType<typeof engineDiff> {
    return engineDiff(this, ...args);
  }
  export(...args: EngineArgs<typeof engineExport>): ReturnType<typeof engineExport> {
    return engineExport(this, ...args);
  }
  commit(...args: EngineArgs<typeof engineCommit>): ReturnType<typeof engineCommit> {
    return engineCommit(this, ...args);
  }
  kill(...args: EngineArgs<typeof engineKill>): ReturnType<typeof engineKill> {
    return engineKill(this, ...args);
  }
  restart(...args: EngineArgs<typeof engineRestart>): ReturnType<typeof engineRestart> {
    return engineRestart(this, ...args);
  }
  pause(...args: EngineArgs<typeof enginePause>): ReturnType<typeof enginePause> {
    return enginePause(this, ...args);
  }
  unpause(...args: EngineArgs<typeof engineUnpause>): ReturnType<typeof engineUnpause> {
    return engineUnpause(this, ...args);
  }
  /** The container a name, an ID or an ID prefix names; throws `NoSuchContainerError`. */
  getContainer(...args: EngineArgs<typeof engineGetContainer>): ReturnType<typeof engineGetContainer> {
    return engineGetContainer(this, ...args);
  }
  /** The named volumes (`docker volume ls`); they outlive the containers that mounted them. */
  volumes(...args: EngineArgs<typeof engineVolumes>): ReturnType<typeof engineVolumes> {
    return engineVolumes(this, ...args);
  }

  // ── build (build.ts) ───────────────────────────────────────────────────────────────────────
  build(...args: EngineArgs<typeof engineBuild>): ReturnType<typeof engineBuild> {
    return engineBuild(this, ...args);
  }

  // ── push (push.ts) ─────────────────────────────────────────────────────────────────────────
  push(...args: EngineArgs<typeof enginePush>): ReturnType<typeof enginePush> {
    return enginePush(this, ...args);
  }
}
