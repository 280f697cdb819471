/**
 * Running the real buildah (Debian `buildah` 1.28) next to the model's builder, for
 * `buildah.test.ts`.
 *
 * buildah runs as root with `--storage-driver vfs --isolation chroot` and a private `--root` /
 * `--runroot` in a temporary directory (removed by `dispose()`), so it touches nothing of the host's
 * container storage. The busybox base is made by buildah (`from scratch`, `copy`, `commit`) from
 * busybox-static, its applet symlinks and the small files under `fixtures/dockerfiles/buildah/base-rootfs`,
 * then pushed to an `oci-archive:` that the model loads with `engine.load` — so both builders start
 * from byte-identical base layers and config.
 *
 * Images are read back with `buildah push … oci:<dir>`, and their blobs go through the model's own
 * tar reader (`layerFromBlob`), so the comparison is of tar entries, not of anyone's summary.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { layerFromBlob, type Layer } from '../../kernel-lib/src/layer';
import type { TarEntry } from '../../kernel-lib/src/tar';

const execFileAsync = promisify(execFile);

export const BUILDAH_FIXTURES = join(__dirname, '..', 'fixtures', 'dockerfiles', 'buildah');
export const BASE_NAME = 'localhost/layerlab-busybox';

/** The applets the fixtures' RUN lines call, linked to busybox as a distribution's busybox image does. */
const APPLETS = ['sh', 'echo', 'printf', 'mkdir', 'touch', 'rm', 'mv', 'ln', 'chmod', 'cat', 'ls', 'id', 'cp', 'true'];

/** Why the buildah comparison cannot run here, or undefined when it can. */
export function buildahUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'buildah --isolation chroot needs root (run the peer tests as root, as CI does)';
  for (const [tool, args] of [['buildah', ['--version']], ['/bin/busybox', ['true']]] as const) {
    try {
      execFileSync(tool, [...args], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (apt-get install -y buildah busybox-static)`;
    }
  }
  return undefined;
}

/** A config and history as buildah writes them (the fields the comparison reads). */
export interface OciConfig {
  readonly created?: string;
  readonly config?: {
    readonly Env?: string[];
    readonly Cmd?: string[];
    readonly Entrypoint?: string[];
    readonly WorkingDir?: string;
    readonly ExposedPorts?: Record<string, object>;
    readonly Labels?: Record<string, string>;
    readonly User?: string;
    readonly ArgsEscaped?: boolean;
  };
  readonly rootfs: { readonly diff_ids: string[] };
  readonly history?: Array<{ created_by?: string; empty_layer?: boolean; comment?: string }>;
}

export interface PeerImage {
  readonly config: OciConfig;
  readonly layers: readonly Layer[];
}

export interface BudResult {
  readonly output: string;
  /** One flag per `STEP n/m:` after the first of each stage's FROM: buildah printed `Using cache`. */
  readonly cached: ReadonlyArray<{ readonly step: string; readonly cached: boolean }>;
}

export class BuildahSandbox {
  readonly dir: string;
  readonly #root: string;
  readonly #runroot: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'layerlab-buildah-'));
    this.#root = join(this.dir, 'root');
    this.#runroot = join(this.dir, 'runroot');
  }

  buildah(args: readonly string[], options: { cwd?: string } = {}): string {
    return execFileSync('buildah', ['--root', this.#root, '--runroot', this.#runroot, '--storage-driver', 'vfs', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
      ...options,
    });
  }

  /** Makes the busybox base in buildah; returns it as an `oci-archive` for `engine.load`. */
  makeBase(): Uint8Array {
    const rootfs = join(this.dir, 'base-rootfs');
    cpSync(join(BUILDAH_FIXTURES, 'base-rootfs'), rootfs, { recursive: true });
    normaliseModes(rootfs);
    mkdirSync(join(rootfs, 'bin'));
    cpSync('/bin/busybox', join(rootfs, 'bin', 'busybox'));
    chmodSync(join(rootfs, 'bin', 'busybox'), 0o755);
    for (const applet of APPLETS) symlinkSync('busybox', join(rootfs, 'bin', applet));
    // The mount points a RUN needs exist in the base, as in real distribution images: buildah's chroot
    // isolation would otherwise leave empty stubs (dev, proc, sys, run, etc/hosts …) in the first RUN
    // layer, which BuildKit removes again (its executor's mount-stub cleaner).
    for (const d of ['dev', 'proc', 'sys', 'run', 'home', 'root', 'tmp', 'usr/local/bin']) mkdirSync(join(rootfs, d), { recursive: true });
    for (const f of ['etc/hosts', 'etc/hostname', 'etc/resolv.conf']) writeFileSync(join(rootfs, f), '');
    chmodSync(join(rootfs, 'tmp'), 0o1777);
    chmodSync(join(rootfs, 'root'), 0o700);
    const container = this.buildah(['from', 'scratch']).trim();
    this.buildah(['copy', container, `${rootfs}/`, '/']);
    this.buildah(['config', '--env', 'PATH=/usr/local/bin:/bin', '--cmd', '/bin/sh', container]);
    this.buildah(['commit', '--quiet', container, BASE_NAME]);
    this.buildah(['rm', container]);
    const archive = join(this.dir, 'base.oci.tar');
    this.buildah(['push', '--quiet', BASE_NAME, `oci-archive:${archive}:latest`]);
    return readFileSync(archive);
  }

  /** The same, without blocking: builds of different images run side by side on one store. */
  async buildahAsync(args: readonly string[]): Promise<string> {
    const { stdout } = await execFileAsync('buildah', ['--root', this.#root, '--runroot', this.#runroot, '--storage-driver', 'vfs', ...args], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    return stdout;
  }

  /** `buildah bud --layers` of `dockerfile` over `context`; which steps came from the cache. */
  async bud(tag: string, dockerfile: string, context: string): Promise<BudResult> {
    const output = await this.buildahAsync(['bud', '--layers', '--isolation', 'chroot', '--pull=never', '-t', tag, '-f', dockerfile, context]);
    return { output, cached: cachedSteps(output) };
  }

  /** The image as `buildah push … oci:` writes it, its layers read by the model's tar reader. */
  async readImage(tag: string): Promise<PeerImage> {
    const layout = join(this.dir, `oci-${tag.replace(/[^a-z0-9]+/gi, '-')}`);
    rmSync(layout, { recursive: true, force: true });
    await this.buildahAsync(['push', '--quiet', tag, `oci:${layout}:latest`]);
    const blob = (digest: string): Buffer => readFileSync(join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, '')));
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
    const manifest = JSON.parse(blob(index.manifests[0]!.digest).toString('utf8')) as { config: { digest: string }; layers: Array<{ digest: string }> };
    const config = JSON.parse(blob(manifest.config.digest).toString('utf8')) as OciConfig;
    return { config, layers: manifest.layers.map((l) => layerFromBlob(new Uint8Array(blob(l.digest)))) };
  }

  /** A copy of a fixture context in the sandbox, with fixed modes (git keeps only the x bit) and mtimes. */
  context(fixture: string): string {
    const target = join(this.dir, 'ctx', fixture);
    const source = join(BUILDAH_FIXTURES, fixture, 'ctx');
    if (existsSync(source)) cpSync(source, target, { recursive: true });
    else mkdirSync(target, { recursive: true });
    normaliseModes(target);
    return target;
  }

  dispose(): void {
    try {
      this.buildah(['rm', '--all']);
      this.buildah(['rmi', '--all', '--force']);
    } catch {
      // The directory goes anyway; nothing outside it was touched.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** 0644 files (0755 when git kept the x bit), 0755 directories, one fixed mtime. */
function normaliseModes(root: string): void {
  const fixed = new Date('2025-06-01T00:00:00Z');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) {
        chmodSync(full, 0o755);
        walk(full);
      } else chmodSync(full, (st.mode & 0o100) !== 0 ? 0o755 : 0o644);
      utimesSync(full, fixed, fixed);
    }
  };
  walk(root);
  utimesSync(root, fixed, fixed);
}

/** buildah prints `STEP n/m: INSTRUCTION` and, for a hit, `--> Using cache <id>` before the next step. */
function cachedSteps(output: string): BudResult['cached'] {
  const steps: Array<{ step: string; cached: boolean }> = [];
  for (const line of output.split('\n')) {
    const step = /^(?:\[\d+\/\d+\] )?STEP \d+\/\d+: (.*)$/.exec(line);
    if (step !== null) {
      if (!/^FROM /i.test(step[1] as string)) steps.push({ step: step[1] as string, cached: false });
      continue;
    }
    const last = steps[steps.length - 1];
    if (last !== undefined && /^--> Using cache [0-9a-f]+/.test(line)) last.cached = true;
  }
  return steps;
}

/** One line per tar entry: path, type, mode, owner, size and content digest or link target (no mtime). */
export function entryLine(entry: TarEntry): string {
  const base = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  // A whiteout's own mode carries no meaning (see the test for what each side writes).
  if (base.startsWith('.wh.')) return `${entry.path} whiteout ${entry.content.size}`;
  const mode = entry.mode.toString(8).padStart(4, '0');
  const owner = `${entry.uid}:${entry.gid}`;
  if (entry.type === 'file') {
    const digest = createHash('sha256').update(entry.content.bytes(1 << 30)).digest('hex').slice(0, 12);
    return `${entry.path} file ${mode} ${owner} ${entry.content.size} ${digest}`;
  }
  if (entry.type === 'symlink') return `${entry.path} symlink ${owner} -> ${entry.linkTarget}`;
  return `${entry.path} ${entry.type} ${mode} ${owner}`;
}

export function layerLines(layer: Layer): string[] {
  return layer.tarEntries.map(entryLine).sort();
}

/** The whiteout entries' modes (`path mode`). */
export function whiteoutModes(layer: Layer): string[] {
  return layer.tarEntries
    .filter((e) => e.path.slice(e.path.lastIndexOf('/') + 1).startsWith('.wh.'))
    .map((e) => `${e.path} ${e.mode.toString(8).padStart(4, '0')}`)
    .sort();
}

/** One record per history entry after the base's: its text, empty_layer and the layer it made. */
export interface HistoryStepView {
  readonly createdBy: string;
  readonly emptyLayer: boolean;
  readonly layer: Layer | undefined;
}

export function stepsAfterBase(
  history: ReadonlyArray<{ created_by?: string; createdBy?: string; empty_layer?: boolean; emptyLayer?: boolean }>,
  layers: readonly Layer[],
  baseHistoryLength: number,
): HistoryStepView[] {
  const views: HistoryStepView[] = [];
  let layerIndex = 0;
  history.forEach((h, i) => {
    const empty = (h.empty_layer ?? h.emptyLayer) === true;
    const layer = empty ? undefined : layers[layerIndex++];
    if (i >= baseHistoryLength) views.push({ createdBy: h.created_by ?? h.createdBy ?? '', emptyLayer: empty, layer });
  });
  return views;
}
