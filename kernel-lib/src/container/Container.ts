/**
 * A container: an image's layers, the init layer and a writable layer stacked by a union
 * filesystem, the runtime's mounts over it, a configuration (Env, WorkingDir, Cmd …) and a place in
 * the lifecycle. The engine creates and moves it (`engine.create/run/start/stop/rm`); a notebook
 * runs commands in it with `exec` and reads its changes with `engine.diff(container)`.
 *
 * `exec` is `docker exec CONTAINER sh -c "<cmdline>"`: a new process each time, with the
 * container's environment and working directory — `cd` and `export` do not carry over to the next
 * exec (use one cmdline, or a `ShellSession` over `container.fs`, for that).
 *
 * @example
 *   const c = engine.run('alpine:3.18');
 *   c.exec('echo hi > /greeting && cat /greeting').stdout;   // "hi\n"
 *   engine.diff(c);                                          // [{ kind: 'A', path: '/greeting' }]
 */
import type { Digest } from '../digest/Digest';
import type { CopyUpRecord } from '../unionfs/copyUp';
import type { UnionFs } from '../unionfs/UnionFs';
import { runShell } from '../shell/ShellSession';
import type { ShellClock } from '../shell/CommandContext';
import type { PackageCatalog } from '../shell/packages/PackageCatalog';
import { NoSuchContainerError } from './ContainerError';
import type { ContainerFs } from './ContainerFs';
import type { ContainerMount } from './ContainerMount';
import { containerChanges, type ContainerChange } from './containerChanges';
import { containerStatusText } from './containerStatus';
import { copyUpSeconds } from './copyUpCost';
import { containerTransition, type ContainerAction, type ContainerStatus } from './lifecycle';

/** What the container was created with (the `Config` of `docker container inspect`). */
export interface ContainerConfig {
  /** The image as the user named it ("alpine:3.18"). */
  readonly image: string;
  readonly hostname: string;
  /** The image's Env with the container's `env` over it, "KEY=value" in order. */
  readonly env: readonly string[];
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[];
  readonly workingDir: string;
  /**
   * A command line the main process runs (`docker run IMAGE sh -c "…"`): it runs at every start and
   * the container exits with its status. Without one, the main process is taken to be a service
   * that keeps running until stopped (`docker run -d nginx`).
   */
  readonly command?: string;
}

export interface ContainerExecOptions {
  /** Extra variables for this exec only (`docker exec -e`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory for this exec (`docker exec -w`); default the container's WorkingDir. */
  readonly workdir?: string;
  readonly stdin?: string | Uint8Array;
}

export interface ContainerExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Simulated seconds: the shell's own (sleep, big writes, installs) plus the copy-ups it caused. */
  readonly seconds: number;
  /** The copy-ups this exec caused (first writes to files of the image), with the bytes copied. */
  readonly copyUps: readonly CopyUpRecord[];
  readonly copiedUpBytes: number;
  /** Simulated seconds those copy-ups took (copyUpCost.ts). */
  readonly copyUpSeconds: number;
  /** Where the shell simplified something. */
  readonly notes: readonly string[];
}

/** What a container needs from the engine that owns it. */
export interface ContainerHost {
  readonly clock: ShellClock;
  readonly packages?: PackageCatalog;
  /** Whether the engine still has this container (it refuses work on a removed one). */
  has(id: string): boolean;
}

export interface ContainerInit {
  readonly id: string;
  readonly name: string;
  readonly imageId: Digest;
  readonly config: ContainerConfig;
  readonly createdMs: number;
  readonly rootfs: UnionFs;
  readonly fs: ContainerFs;
  readonly host: ContainerHost;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export class Container {
  /** Full 64-hex ID. */
  readonly id: string;
  /** The name, without docker's leading "/". */
  readonly name: string;
  /** The image ID (config digest) the container was created from. */
  readonly imageId: Digest;
  readonly config: ContainerConfig;
  readonly createdMs: number;
  /** The root filesystem: image layers + init layer below, the writable layer (`rootfs.upper`) on top. */
  readonly rootfs: UnionFs;
  /** What processes in the container see: the root filesystem with the mounts. */
  readonly fs: ContainerFs;
  readonly #host: ContainerHost;
  #status: ContainerStatus = 'created';
  #exitCode = 0;
  #startedAtMs: number | undefined;
  #finishedAtMs: number | undefined;
  #logs = '';

  constructor(init: ContainerInit) {
    this.id = init.id;
    this.name = init.name;
    this.imageId = init.imageId;
    this.config = Object.freeze({ ...init.config, env: Object.freeze([...init.config.env]), cmd: Object.freeze([...init.config.cmd]), entrypoint: Object.freeze([...init.config.entrypoint]) });
    this.createdMs = init.createdMs;
    this.rootfs = init.rootfs;
    this.fs = init.fs;
    this.#host = init.host;
  }

  /** 12-hex short ID (what `docker ps` and the hostname show). */
  get shortId(): string {
    return this.id.slice(0, 12);
  }

  /** The image as named at create time (for `docker ps` IMAGE and the layer-stack figure). */
  get image(): string {
    return this.config.image;
  }

  get status(): ContainerStatus {
    return this.#status;
  }

  get exitCode(): number {
    return this.#exitCode;
  }

  get startedAtMs(): number | undefined {
    return this.#startedAtMs;
  }

  get finishedAtMs(): number | undefined {
    return this.#finishedAtMs;
  }

  /** What the main process printed (`docker logs`), when a command was run at start. */
  get logs(): string {
    return this.#logs;
  }

  get mounts(): readonly ContainerMount[] {
    return this.fs.mounts;
  }

  /** Bytes of the files in the writable layer (`docker ps -s` SIZE, SizeRw; overlay2 measures the upper dir). */
  get sizeRw(): number {
    let n = 0;
    for (const [, node] of this.rootfs.upper.walk()) if (node.kind === 'file') n += node.content.size;
    return n;
  }

  /** Same as `sizeRw` (the layer-stack figure reads `size`). */
  get size(): number {
    return this.sizeRw;
  }

  /** `docker diff` of this container (see containerChanges.ts). */
  diff(): ContainerChange[] {
    this.#assertExists();
    return containerChanges(this.rootfs);
  }

  /** The diff with each file's size — what the layer-stack figure draws in the writable layer. */
  get changes(): ReadonlyArray<ContainerChange & { readonly size?: number }> {
    return this.diff().map((c) => {
      if (c.kind === 'D') return c;
      const node = this.rootfs.upper.get(c.path);
      return node?.kind === 'file' ? Object.freeze({ ...c, size: node.content.size }) : c;
    });
  }

  /** STATUS of `docker ps` now. */
  statusText(nowMs: number = this.#host.clock.now()): string {
    return containerStatusText({ status: this.#status, startedAtMs: this.#startedAtMs, finishedAtMs: this.#finishedAtMs, exitCode: this.#exitCode }, nowMs);
  }

  /** The environment a process in the container starts with (moby CreateDaemonEnvironment + HOME). */
  processEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: this.config.hostname };
    for (const kv of this.config.env) {
      const eq = kv.indexOf('=');
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    Object.assign(env, extra);
    env.HOME ??= '/root';
    return env;
  }

  /** `docker exec CONTAINER sh -c "<cmdline>"` — refused unless the container is running. */
  exec(cmdline: string, options: ContainerExecOptions = {}): ContainerExecResult {
    this.#assertExists();
    containerTransition(this.#status, 'exec', this);
    return this.#runProcess(cmdline, options);
  }

  #runProcess(cmdline: string, options: ContainerExecOptions): ContainerExecResult {
    const before = this.rootfs.copyUps.length;
    const bytesBefore = this.rootfs.copiedUpBytes;
    const result = runShell(this.fs, cmdline, {
      env: this.processEnv(options.env),
      cwd: options.workdir ?? (this.config.workingDir || '/'),
      clock: this.#host.clock,
      hostname: this.config.hostname,
      packages: this.#host.packages,
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    });
    const copyUps = this.rootfs.copyUps.slice(before);
    const copied = this.rootfs.copiedUpBytes - bytesBefore;
    const dataCopies = copyUps.filter((r) => r.kind === 'file' && r.reason !== 'write');
    const cost = dataCopies.length === 0 ? 0 : copyUps.reduce((s, r) => s + (r.kind === 'file' && r.reason !== 'write' ? copyUpSeconds(r.bytes) : 0), 0);
    if (cost > 0) this.#host.clock.advance(Math.round(cost * 1000));
    return Object.freeze({
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      seconds: Math.round((result.seconds + cost) * 1000) / 1000,
      copyUps: Object.freeze(copyUps),
      copiedUpBytes: copied,
      copyUpSeconds: Math.round(cost * 1000) / 1000,
      notes: result.notes,
    });
  }

  /**
   * Moves the container through its lifecycle (the engine's start/stop/… call this); throws the
   * daemon's error for a refused move. A start runs `config.command` when there is one.
   */
  transition(action: ContainerAction, options: { exitCode?: number } = {}): ContainerStatus {
    this.#assertExists();
    const from = this.#status;
    const to = containerTransition(from, action, this);
    const now = this.#host.clock.now();
    if (to === 'running' && (from !== 'running' || action === 'restart') && from !== 'paused') this.#startedAtMs = now;
    if (action === 'restart' && from === 'paused') this.#startedAtMs = now;
    if (to === 'exited' && from !== 'exited') {
      this.#finishedAtMs = now;
      this.#exitCode = options.exitCode ?? (action === 'kill' ? 137 : 0);
    }
    this.#status = to;
    const command = this.config.command;
    if (to === 'running' && command !== undefined && action !== 'unpause' && !(action === 'start' && from === 'running')) {
      const r = this.#runProcess(command, {});
      this.#logs += r.stdout + r.stderr;
      this.#status = containerTransition('running', 'exit', this);
      this.#finishedAtMs = this.#host.clock.now();
      this.#exitCode = r.exitCode;
    }
    return this.#status;
  }

  #assertExists(): void {
    if (this.#status === 'removed' || !this.#host.has(this.id)) throw new NoSuchContainerError(this.name);
  }

  /** Marks the container removed (the engine has dropped it); later calls fail with "No such container". */
  markRemoved(): void {
    this.#status = 'removed';
  }

  toString(): string {
    return `Container(${this.shortId} ${this.name}, ${this.config.image}, ${this.#status})`;
  }
}
