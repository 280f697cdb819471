/**
 * The model container against a real one: for each seed, random image layers plus the init layer
 * are written as overlay lower dirs and mounted with `mount -t overlay` under an empty upper, the
 * runtime's bind mounts and /dev tmpfs are added, and a random shell session runs both through
 * `container.exec` and through Debian's busybox-static `sh` chrooted into the real mount. Each exec's
 * exit code, stdout and stderr must be identical; then the `docker diff` (computed from the real
 * trees by go-archive's ChangesDirs rules), the merged tree (types, modes, sizes, content, link
 * targets) and the bind-mounted files must be identical too.
 *
 * Replay one seed: LAYERLAB_BUSYBOX_SEED=123 npx vitest run test/peers/busyboxChroot.test.ts
 * More seeds:      LAYERLAB_BUSYBOX_SEEDS=2000 …   (first seed: LAYERLAB_BUSYBOX_FIRST)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerInitLayer } from '../../kernel-lib/src/container';
import { Engine } from '../../kernel-lib/src/engine';
import { appendImageLayer, scratchImage, setImageCreated } from '../../kernel-lib/src/image';
import { layerFromEntries, type LayerEntryInput } from '../../kernel-lib/src/layer';
import { lowerIndex } from '../../kernel-lib/src/unionfs';
import { busyboxBinDir, changesDirs, execReal, mountRealOverlay, mountRuntime, nextSessionLine, snapshot, unmountAll, unmountRuntime } from './busyboxChrootHarness';
import { modelMergedLines, randomLayers, realMergedLines, rng, writeLayerDir } from './overlayfsHarness';

function whyNot(): string | undefined {
  if (process.platform !== 'linux') return 'overlayfs and chroot need Linux';
  if (process.getuid?.() !== 0) return 'mount -t overlay, bind mounts, mknod and chroot need root';
  if (!fs.existsSync('/usr/bin/busybox')) return 'busybox is not installed (Debian package busybox-static)';
  for (const tool of ['mount', 'umount', 'mknod', 'setfattr', 'chroot']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed`;
    }
  }
  const probe = fs.mkdtempSync(join(tmpdir(), 'layerlab-bb-probe-'));
  try {
    for (const d of ['l', 'u', 'w', 'm']) fs.mkdirSync(join(probe, d));
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${probe}/l,upperdir=${probe}/u,workdir=${probe}/w`, `${probe}/m`], { stdio: 'pipe' });
    execFileSync('umount', [`${probe}/m`]);
    return undefined;
  } catch (error) {
    return `mount -t overlay failed here: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const reason = whyNot();
if (reason) console.log(`[busybox chroot peer] skipped: ${reason}`);

const replay = process.env.LAYERLAB_BUSYBOX_SEED;
const seeds = replay
  ? [Number(replay)]
  : Array.from({ length: Number(process.env.LAYERLAB_BUSYBOX_SEEDS ?? 300) }, (_, i) => i + Number(process.env.LAYERLAB_BUSYBOX_FIRST ?? 1));

const T = Date.UTC(2025, 0, 15, 12, 0, 0);

/** The image's base: an empty /bin (busybox is mounted over it on the real side), /etc, /tmp. */
const BASE: LayerEntryInput[] = [
  { kind: 'dir', path: 'bin', mtimeMs: T },
  { kind: 'dir', path: 'etc', mtimeMs: T },
  { kind: 'file', path: 'etc/os-release', content: 'ID=layerlab\n', mtimeMs: T },
  { kind: 'dir', path: 'tmp', mode: 0o1777, mtimeMs: T },
];

describe.skipIf(reason !== undefined)('a model container agrees with busybox sh on a real overlay', () => {
  let work = '';
  let bin = '';
  let oldUmask = 0;
  beforeAll(() => {
    work = fs.mkdtempSync(join(tmpdir(), 'layerlab-bb-'));
    bin = busyboxBinDir(join(work, 'busybox-bin'));
    oldUmask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(oldUmask);
    fs.rmSync(work, { recursive: true, force: true });
  });

  function runSeed(seed: number): void {
    const r = rng(seed);
    const layerInputs = [BASE, ...randomLayers(r)];
    const sessionLength = 3 + r.int(8);
    const session: string[] = [];
    let image = setImageCreated(scratchImage(), T);
    for (const entries of layerInputs) image = appendImageLayer(image, layerFromEntries(entries));
    const engine = new Engine();
    engine.addImage(image, { tags: ['peer:1'] });
    const model = engine.run('peer:1');
    const init = containerInitLayer(lowerIndex(image.layers), T);

    const dir = join(work, `s${seed}`);
    const inits: LayerEntryInput[] = init.entries.map((e) => ({ kind: e.kind, path: e.path, mode: e.mode, content: '', linkTarget: e.linkTarget }));
    const lowers = [...layerInputs, inits].map((_, i) => join(dir, `L${i}`));
    const special = [...layerInputs, inits].flatMap((entries, i) => writeLayerDir(lowers[i] as string, entries));
    if (special.length > 0) execFileSync('sh', ['-e', '-c', special.join('\n')]);
    const overlay = mountRealOverlay(dir, lowers);
    const before = snapshot(overlay.merged);
    const runtimeFiles: Record<string, string> = {};
    for (const m of model.mounts) if (m.kind === 'file') runtimeFiles[m.path] = m.file.content.text();
    const real = mountRuntime(dir, overlay, runtimeFiles, bin);
    const context = (what: string) =>
      [
        `seed ${seed} (replay: LAYERLAB_BUSYBOX_SEED=${seed})`,
        'layers:',
        ...layerInputs.slice(1).map((l, i) => `  L${i + 1}: ${l.map((e) => `${e.kind}:${e.path}${e.linkTarget ? `->${e.linkTarget}` : ''}`).join(' ')}`),
        'session:',
        ...session.map((line) => `  ${line}`),
        what,
      ].join('\n');
    try {
      const env = model.processEnv();
      for (let i = 0; i < sessionLength; i++) {
        const line = nextSessionLine(r, model.fs);
        session.push(line);
        const m = model.exec(line);
        const k = execReal(real, line, env);
        expect({ exitCode: m.exitCode, stdout: m.stdout, stderr: m.stderr }, context(`exec #${i}: ${line}`)).toEqual(k);
      }
      for (const [target, file] of Object.entries(real.hostFiles)) {
        expect(model.fs.readFile(target).text(), context(`bind-mounted ${target}`)).toBe(fs.readFileSync(file, 'utf8'));
      }
      unmountRuntime(real);
      const after = snapshot(real.merged);
      expect(engine.diff(model).map((c) => `${c.kind} ${c.path}`), context('docker diff')).toEqual(changesDirs(after, before));
      expect(modelMergedLines(model.rootfs), context('merged tree')).toEqual(realMergedLines(real.merged));
    } finally {
      unmountAll(real);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it(`runs ${seeds.length} random sessions with identical results`, () => {
    // Every seed runs; the failing ones are listed (the first in full) so each can be replayed.
    const failures: string[] = [];
    let first: unknown;
    for (const seed of seeds) {
      try {
        runSeed(seed);
      } catch (error) {
        first ??= error;
        const message = String((error as Error).message);
        const what = message.split('\n').find((l) => /^(exec #|docker diff|merged tree|bind-mounted)/.test(l)) ?? message.split('\n')[0];
        failures.push(`seed ${seed}: ${what}`);
      }
    }
    if (failures.length > 0) console.log(`[busybox chroot peer] ${failures.length} of ${seeds.length} seeds differ:\n${failures.join('\n')}`);
    if (first !== undefined) throw first;
  }, 900_000);
});
