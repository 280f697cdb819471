/**
 * Container operations of `Engine` (`docker create/run/start/stop/kill/restart/pause/unpause/rm/ps/
 * diff/export/commit`). The container module builds and moves containers; this file finds them
 * (by object, name, full ID or unique ID prefix — moby daemon.GetContainer's order), keeps the
 * engine's per-engine runtime state (the container counter that makes IDs deterministic, the named
 * volumes) and turns containers into images (commit) and tars (export).
 */
import { Container } from '../container/Container';
import { applyCommitChanges } from '../container/commitChanges';
import { NoSuchContainerError, ContainerNameConflictError, InvalidContainerNameError } from '../container/ContainerError';
import { assembleContainer, type ContainerCreateOptions } from '../container/createContainer';
import { containerIdFor, generatedContainerName, isValidContainerName } from '../container/containerNames';
import type { ContainerChange } from '../container/containerChanges';
import { goHumanDuration } from '../container/containerStatus';
import type { ContainerStatus } from '../container/lifecycle';
import { VolumeStore, type Volume } from '../container/Volume';
import type { Digest } from '../digest/Digest';
import type { Image } from '../image/Image';
import { addImageHistory, appendImageLayer, setImageConfigFile, setImageCreated } from '../image/mutate';
import { layerFromTree } from '../layer/layerFromTree';
import type { Engine } from './Engine';
import type { EngineState } from './EngineState';
import { engineAddImage } from './addImage';
import { NoSuchImageError } from './engineErrors';
import { dockerEllipsis } from './history';
import { enginePull } from './pull';
import { resolveImageRef } from './resolveImage';

/** A container as the CLI names it: the object, its name, full ID or a unique ID prefix. */
export type ContainerRef = Container | string;

interface ContainerRuntimeState {
  counter: number;
  readonly volumes: VolumeStore;
}

const runtimes = new WeakMap<EngineState, ContainerRuntimeState>();

function runtimeOf(engine: Engine): ContainerRuntimeState {
  let r = runtimes.get(engine.state);
  if (r === undefined) runtimes.set(engine.state, (r = { counter: 0, volumes: new VolumeStore() }));
  return r;
}

function containersOf(engine: Engine): Container[] {
  return [...engine.state.containers.values()].filter((c): c is Container => c instanceof Container);
}

/** moby daemon.GetContainer: full ID, then exact name, then a unique ID prefix. */
export function engineGetContainer(engine: Engine, ref: ContainerRef): Container {
  if (ref instanceof Container) {
    if (engine.state.containers.get(ref.id) !== ref) throw new NoSuchContainerError(ref.name);
    return ref;
  }
  const text = ref.startsWith('/') ? ref.slice(1) : ref;
  const all = containersOf(engine);
  const byId = engine.state.containers.get(text);
  if (byId instanceof Container) return byId;
  const byName = all.find((c) => c.name === text);
  if (byName) return byName;
  if (/^[0-9a-f]+$/.test(text)) {
    const matches = all.filter((c) => c.id.startsWith(text));
    if (matches.length === 1) return matches[0]!;
  }
  throw new NoSuchContainerError(ref);
}

function imageFor(engine: Engine, ref: string): Image {
  try {
    return resolveImageRef(engine, ref).image;
  } catch (error) {
    if (!(error instanceof NoSuchImageError)) throw error;
    // docker create/run pull an image that is not here ("Unable to find image … locally").
    try {
      enginePull(engine, ref);
    } catch {
      throw error;
    }
    return resolveImageRef(engine, ref).image;
  }
}

/** `docker create IMAGE` (pulls the image when missing). */
export function engineCreate(engine: Engine, ref: string, options: ContainerCreateOptions = {}): Container {
  const image = imageFor(engine, ref);
  const runtime = runtimeOf(engine);
  const all = containersOf(engine);
  if (options.name !== undefined) {
    if (!isValidContainerName(options.name)) throw new InvalidContainerNameError(options.name);
    const name = options.name.replace(/^\//, '');
    const holder = all.find((c) => c.name === name);
    if (holder) throw new ContainerNameConflictError(name, holder.id);
  }
  runtime.counter += 1;
  const id = containerIdFor(runtime.counter);
  let name = options.name?.replace(/^\//, '');
  for (let retry = 0; name === undefined; retry++) {
    const candidate = generatedContainerName(id, retry);
    if (!all.some((c) => c.name === candidate)) name = candidate;
  }
  const container = assembleContainer({
    id,
    name,
    image,
    imageRef: ref,
    options,
    volumes: runtime.volumes,
    addressIndex: runtime.counter - 1,
    host: { clock: engine.state.clock, has: (cid) => engine.state.containers.has(cid) },
  });
  engine.state.containers.set(id, container);
  return container;
}

/** `docker run IMAGE` = create + start. With `command`, the container runs it and exits. */
export function engineRun(engine: Engine, ref: string, options: ContainerCreateOptions = {}): Container {
  const container = engineCreate(engine, ref, options);
  container.transition('start');
  return container;
}

export function engineStart(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('start');
  return c;
}

/** `docker stop`: the main process gets SIGTERM and, in the model, exits 0. */
export function engineStop(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('stop');
  return c;
}

/** `docker kill`: SIGKILL, exit status 137. */
export function engineKill(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('kill');
  return c;
}

export function engineRestart(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('restart');
  return c;
}

export function enginePause(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('pause');
  return c;
}

export function engineUnpause(engine: Engine, ref: ContainerRef): Container {
  const c = engineGetContainer(engine, ref);
  c.transition('unpause');
  return c;
}

export interface ContainerRmOptions {
  /** `-f`: kill a running (or paused) container first. */
  readonly force?: boolean;
}

/**
 * `docker rm`: the container and its writable layer are gone (named volumes stay). Returns the
 * full ID of the removed container.
 */
export function engineRm(engine: Engine, ref: ContainerRef, options: ContainerRmOptions = {}): string {
  const c = engineGetContainer(engine, ref);
  c.transition(options.force ? 'rm --force' : 'rm');
  engine.state.containers.delete(c.id);
  c.markRemoved();
  return c.id;
}

/** One row of `docker ps`. */
export interface ContainerListRow {
  /** CONTAINER ID (12 hex). */
  readonly containerId: string;
  readonly id: string;
  readonly image: string;
  /** COMMAND as shown: quoted, cut to 20 columns ("\"/docker-entrypoint.…\""). */
  readonly command: string;
  /** CREATED ("2 minutes ago"). */
  readonly created: string;
  readonly createdMs: number;
  /** STATUS ("Up 2 minutes", "Exited (0) 5 seconds ago", "Created"). */
  readonly status: string;
  readonly state: ContainerStatus;
  readonly ports: string;
  readonly names: string;
  /** Bytes in the writable layer (`docker ps -s`). */
  readonly sizeRw: number;
}

export interface PsOptions {
  /** `-a`: every container, not only running (and paused) ones. */
  readonly all?: boolean;
  /** `--no-trunc`: full IDs and commands. */
  readonly noTrunc?: boolean;
}

/** `docker ps`: newest first. */
export function enginePs(engine: Engine, options: PsOptions = {}): ContainerListRow[] {
  const now = engine.clock.now();
  const order = [...engine.state.containers.keys()];
  return containersOf(engine)
    .filter((c) => options.all || c.status === 'running' || c.status === 'paused')
    .sort((a, b) => b.createdMs - a.createdMs || order.indexOf(b.id) - order.indexOf(a.id))
    .map((c) => {
      const command = [...c.config.entrypoint, ...c.config.cmd].join(' ');
      return Object.freeze({
        containerId: options.noTrunc ? c.id : c.shortId,
        id: c.id,
        image: c.image,
        command: JSON.stringify(options.noTrunc ? command : dockerEllipsis(command, 20)),
        created: `${goHumanDuration(now - c.createdMs)} ago`,
        createdMs: c.createdMs,
        status: c.statusText(now),
        state: c.status,
        ports: '',
        names: c.name,
        sizeRw: c.sizeRw,
      });
    });
}

/** `docker diff CONTAINER`: `[{ kind: 'A' | 'C' | 'D', path }]`, sorted by path. */
export function engineDiff(engine: Engine, ref: ContainerRef): ContainerChange[] {
  return engineGetContainer(engine, ref).diff();
}

export interface ExportOptions {
  /** Refuse to build a tar larger than this many bytes (default 64 MiB; a lazy 1 GB file would not fit in memory). */
  readonly limit?: number;
}

/**
 * `docker export CONTAINER`: a tar of the container's merged root filesystem — image files, the init
 * layer's placeholders (/.dockerenv, empty /etc/hostname …), the container's changes; not the mounts.
 */
export function engineExport(engine: Engine, ref: ContainerRef, options: ExportOptions = {}): Uint8Array {
  const c = engineGetContainer(engine, ref);
  return layerFromTree(c.rootfs.mergedTree()).tarBytes(options.limit);
}

export interface CommitOptions {
  /** `-m`: the history entry's comment. */
  readonly message?: string;
  /** `-a`: the image's and the history entry's author. */
  readonly author?: string;
  /** `-c`: Dockerfile instructions applied to the config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR). */
  readonly changes?: readonly string[];
}

/**
 * `docker commit CONTAINER [REPOSITORY[:TAG]]`: a new image = the container's image + its writable
 * layer (`rootfs.upperAsLayer()`), with the container's config and a history entry whose
 * `created_by` is the container's Cmd (moby daemon/images/image_commit.go). A container without changes adds
 * an `empty_layer` history entry and no layer. The new image's parent is the container's image.
 */
export function engineCommit(engine: Engine, ref: ContainerRef, repository?: string, options: CommitOptions = {}): Image {
  const c = engineGetContainer(engine, ref);
  const base = engine.state.images.get(c.imageId);
  if (base === undefined) throw new NoSuchImageError(c.imageId);
  const created = engine.clock.now();
  const layer = c.rootfs.upperAsLayer();
  const history = {
    created,
    // moby image_commit.go: CreatedBy is the container's Cmd (not its Entrypoint), joined with spaces.
    createdBy: c.config.cmd.join(' '),
    ...(options.message ? { comment: options.message } : {}),
    ...(options.author ? { author: options.author } : {}),
  };
  let image = layer.isEmpty ? addImageHistory(base, history) : appendImageLayer(base, layer, history);
  image = setImageConfigFile(image, (config) => {
    const next = { ...config };
    const run = { ...(config.config ?? {}), Env: [...c.config.env], Cmd: [...c.config.cmd], WorkingDir: c.config.workingDir === '/' ? (config.config?.WorkingDir ?? '') : c.config.workingDir };
    if (c.config.entrypoint.length > 0) (run as { Entrypoint?: string[] }).Entrypoint = [...c.config.entrypoint];
    if (run.WorkingDir === '') delete (run as { WorkingDir?: string }).WorkingDir;
    if (options.author) (next as { author?: string }).author = options.author;
    return { ...next, config: applyCommitChanges(run, options.changes ?? []) };
  });
  image = setImageCreated(image, created);
  return engineAddImage(engine, image, { ...(repository ? { tags: [repository] } : {}), parent: base.id as Digest });
}

/** The engine's named volumes (`docker volume ls`). */
export function engineVolumes(engine: Engine): Volume[] {
  return runtimeOf(engine).volumes.list();
}
