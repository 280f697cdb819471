/**
 * The union filesystem against the real kernel's overlayfs. For each seed: random lower layers are
 * written as real directories (whiteouts as 0/0 character devices, opaque directories with
 * trusted.overlay.opaque=y — both need root), mounted with `mount -t overlay`; the same random
 * operations run through real syscalls on the mount and through `UnionFs`; then every operation's
 * result (ok or errno), the merged tree (types, modes, sizes, content, link targets) and the upper
 * directory converted to an OCI changeset must be identical.
 *
 * Replay one seed: LAYERLAB_OVERLAY_SEED=123 npx vitest run test/peers/overlayfs.test.ts
 * More seeds:      LAYERLAB_OVERLAY_SEEDS=2000 …
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerFromEntries } from '../../kernel-lib/src/layer';
import { UnionFs } from '../../kernel-lib/src/unionfs';
import {
  describeOp,
  modelMergedLines,
  modelUpperChangeset,
  randomLayers,
  randomOps,
  realMergedLines,
  realUpperChangeset,
  rng,
  runModel,
  runReal,
  writeLayerDir,
} from './overlayfsHarness';

function whyNot(): string | undefined {
  if (process.platform !== 'linux') return 'overlayfs needs Linux';
  if (process.getuid?.() !== 0) return 'mounting overlayfs and writing whiteout devices and trusted.* xattrs needs root';
  for (const tool of ['mount', 'mknod', 'setfattr', 'getfattr']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is not installed (Debian package ${tool.endsWith('fattr') ? 'attr' : 'mount/coreutils'})`;
    }
  }
  const probe = fs.mkdtempSync(join(tmpdir(), 'layerlab-ovl-probe-'));
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
if (reason) console.log(`[overlayfs peer] skipped: ${reason}`);

const replay = process.env.LAYERLAB_OVERLAY_SEED;
const seeds = replay ? [Number(replay)] : Array.from({ length: Number(process.env.LAYERLAB_OVERLAY_SEEDS ?? 300) }, (_, i) => i + Number(process.env.LAYERLAB_OVERLAY_FIRST ?? 1));

describe.skipIf(reason !== undefined)('UnionFs agrees with the kernel’s overlayfs', () => {
  let work = '';
  let oldUmask = 0;
  beforeAll(() => {
    work = fs.mkdtempSync(join(tmpdir(), 'layerlab-ovl-'));
    oldUmask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(oldUmask);
    fs.rmSync(work, { recursive: true, force: true });
  });

  function runSeed(seed: number): void {
    const r = rng(seed);
    const layers = randomLayers(r);
    const ops = randomOps(r, 4 + r.int(12));
    const dir = join(work, `s${seed}`);
    const lowers = layers.map((_, i) => join(dir, `L${i}`));
    const [upper, workdir, mount] = ['upper', 'work', 'merged'].map((d) => join(dir, d)) as [string, string, string];
    const special = layers.flatMap((entries, i) => writeLayerDir(lowers[i] as string, entries));
    if (special.length > 0) execFileSync('sh', ['-e', '-c', special.join('\n')]);
    for (const d of [upper, workdir, mount]) fs.mkdirSync(d, { recursive: true });
    const lowerdir = [...lowers].reverse().join(':'); // overlayfs lists the top layer first
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${lowerdir},upperdir=${upper},workdir=${workdir}`, mount]);
    try {
      const ufs = new UnionFs({ layers: layers.map((entries) => layerFromEntries(entries)) });
      const context = () =>
        [`seed ${seed} (replay: LAYERLAB_OVERLAY_SEED=${seed})`, 'layers:', ...layers.map((l, i) => `  L${i}: ${l.map((e) => `${e.kind}:${e.path}${e.linkTarget ? `->${e.linkTarget}` : ""}`).join(' ')}`), 'ops:', ...ops.map((o) => `  ${describeOp(o)}`)].join('\n');
      expect(modelMergedLines(ufs), `${context()}\n(before any operation)`).toEqual(realMergedLines(mount));
      ops.forEach((o, i) => {
        const real = runReal(mount, o);
        const model = runModel(ufs, o);
        expect(model, `${context()}\nop #${i} ${describeOp(o)}`).toBe(real);
      });
      expect(modelMergedLines(ufs), `${context()}\nmerged tree`).toEqual(realMergedLines(mount));
      execFileSync('umount', [mount]);
      expect(modelUpperChangeset(ufs), `${context()}\nupper as OCI changeset`).toEqual(realUpperChangeset(upper));
    } finally {
      try {
        execFileSync('umount', [mount], { stdio: 'ignore' });
      } catch {
        // already unmounted
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it(`runs ${seeds.length} random sessions with identical results`, () => {
    for (const seed of seeds) runSeed(seed);
  }, 600_000);
});
