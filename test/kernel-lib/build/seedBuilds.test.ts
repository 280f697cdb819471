/**
 * Every seed Dockerfile of the course (`test/fixtures/dockerfiles/course/`, the cleaned copies of
 * the seeds' examples) builds in the model with the catalog's base images and the shell's package
 * simulators: cold (no build cache) and again from the cache, each in well under a second of CPU
 * time (CPU, not wall-clock, so that other processes on a busy machine do not decide), with the sizes the lessons quote (a Go binary a few MB over alpine, `node:18` apps ≈ 1 GB,
 * a 512 MiB `dd` layer, the large file of lesson 04 stored twice …).
 *
 * A seed whose RUN lines call a package manager the shell does not simulate yet, or whose base the
 * catalog does not publish, is skipped with the reason printed (and listed at the end), so the
 * gap is visible and the case runs by itself once the simulator or the image lands.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildOptions, BuildResult } from '../../../kernel-lib/src/build';
import { Engine } from '../../../kernel-lib/src/engine/Engine';
import type { Image } from '../../../kernel-lib/src/image';
import type { Layer } from '../../../kernel-lib/src/layer';
import { DEFAULT_COMMANDS } from '../../../kernel-lib/src/shell';
import { parseDockerfile } from '../../../kernel-lib/src/dockerfile';
import { LARGE_DB_SQL, NODE_TS_APP, SEED_CONTEXTS } from './seedBuildsContexts';

const COURSE = join(__dirname, '../../fixtures/dockerfiles/course');
const MB = 1_000_000;
/** "Well under a second" of CPU time for a build in the model. */
const CPU_TIME_LIMIT_MS = 1000;

/** CPU milliseconds (user + system, this process) and wall milliseconds of `run`. */
function measure<T>(run: () => T): { value: T; cpu: number; wall: number } {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const value = run();
  const cpu = process.cpuUsage(cpuStart);
  return { value, cpu: (cpu.user + cpu.system) / 1000, wall: performance.now() - wallStart };
}

interface SeedCase {
  /** The simulated commands its RUN lines call beyond the busybox subset. */
  readonly needs: readonly string[];
  readonly options?: Partial<BuildOptions>;
  readonly check?: (result: BuildResult, base: (ref: string) => Image) => void;
}

const layerPaths = (layer: Layer | undefined): string[] => (layer?.entries ?? []).map((e) => `${e.kind} ${e.path}`);
const growth = (result: BuildResult, base: Image): number => result.image.size - base.size;

const CASES: Readonly<Record<string, SeedCase>> = {
  '01-five-layers': {
    needs: ['apt-get'],
    check: (r, base) => {
      expect(r.image.layers.length).toBe(base('ubuntu:20.04').layers.length + 3);
      expect(r.steps.map((s) => s.emptyLayer)).toEqual([false, false, false, true]);
      // `apt-get update` leaves Ubuntu's package lists (the seed material shows ~50 MB).
      expect(r.steps[0]!.size).toBeGreaterThan(30 * MB);
      expect(r.steps[0]!.size).toBeLessThan(80 * MB);
      expect(layerPaths(r.steps[0]!.layer).every((p) => /^(dir|file) var\/lib\/apt\/lists|^dir var/.test(p))).toBe(true);
      expect(r.steps[1]!.size).toBeGreaterThan(10 * MB); // nginx and its libraries
      // The simulator puts every package's commands in /usr/bin (Debian's nginx is /usr/sbin/nginx).
      expect(layerPaths(r.steps[1]!.layer)).toContainEqual(expect.stringMatching(/^file usr\/s?bin\/nginx$/));
    },
  },
  '02-go-multistage': {
    needs: ['go'],
    check: (r, base) => {
      // The static binary alone reaches the alpine image: a few MB, not golang's ~1 GB.
      const added = growth(r, base('alpine:3.18'));
      expect(added).toBeGreaterThan(1 * MB);
      expect(added).toBeLessThan(20 * MB);
      expect(r.image.layers.length).toBe(base('alpine:3.18').layers.length + 1);
    },
  },
  '03-layer-analysis': { needs: ['apt-get'] },
  '03-layer-instructions': { needs: ['apt-get'] },
  '03-layer-test': {
    needs: [],
    check: (r, base) => {
      expect(r.image.layers.length).toBe(base('alpine:3.18').layers.length + 4);
      expect(r.steps.map((s) => s.size)).toEqual([8, 8, 8, Buffer.byteLength(SEED_CONTEXTS['03-layer-test']!['app.js'] as string)]);
    },
  },
  '03-metadata-instructions': {
    needs: [],
    check: (r, base) => {
      // Metadata only: the image has exactly alpine's layers and four more history entries.
      expect(r.image.diffIds).toEqual(base('alpine:3.18').diffIds);
      expect(r.image.history.length).toBe(base('alpine:3.18').history.length + 4);
      expect(r.image.runConfig.Cmd).toEqual(['node', 'app.js']);
    },
  },
  '04-cow-test': {
    needs: [],
    check: (r, base) => {
      expect(r.steps[0]!.size).toBe(512 * 1024 * 1024);
      expect(growth(r, base('ubuntu:22.04'))).toBe(512 * 1024 * 1024);
    },
  },
  '04-large-file-modify': {
    needs: [],
    check: (r, base) => {
      // COPY stores the file, `sed -i` stores it again: two copies.
      const size = Buffer.byteLength(LARGE_DB_SQL);
      expect(r.steps.map((s) => s.size)).toEqual([size, size]);
      expect(growth(r, base('ubuntu:22.04'))).toBe(2 * size);
    },
  },
  '04-large-file-modify-tmp': {
    needs: [],
    check: (r, base) => {
      // Writing the result elsewhere does not help: /tmp/large-db.sql stays in the COPY layer.
      const size = Buffer.byteLength(LARGE_DB_SQL);
      expect(growth(r, base('ubuntu:22.04'))).toBe(2 * size);
      expect(layerPaths(r.steps[0]!.layer)).toContain('file tmp/large-db.sql');
    },
  },
  '04-large-file-modify-multistage': {
    needs: [],
    check: (r, base) => {
      // Only the transformed copy reaches the final image.
      const size = Buffer.byteLength(LARGE_DB_SQL);
      expect(growth(r, base('ubuntu:22.04'))).toBe(size);
      expect(r.image.layers.length).toBe(base('ubuntu:22.04').layers.length + 1);
    },
  },
  '05-cache-annotated': { needs: ['npm'] },
  '05-cache-mount': {
    needs: ['npm'],
    check: (r) => {
      // The npm cache lives in the cache mount, never in the layer.
      const install = r.steps.find((s) => s.kind === 'RUN')!;
      expect(layerPaths(install.layer).filter((p) => p.includes('root/.npm'))).toEqual([]);
    },
  },
  '05-cache-test-v1': {
    needs: [],
    check: (r) => expect(r.steps.map((s) => s.seconds)).toEqual([2.1, 2.1, 2.1, 2.1]),
  },
  '05-cache-test-v3': { needs: [] },
  '05-cachebust-arg': { needs: ['apk'], options: { buildArgs: { CACHEBUST: '2' } } },
  '05-node-bad-order': { needs: ['npm'] },
  '05-node-good-order': { needs: ['npm'] },
  '05-parallel-stages': {
    needs: ['apk', 'curl'],
    check: (r) => {
      // stage1 and stage2 both wait only for base: they overlap, so the wall time is below the sum.
      expect(r.seconds).toBeLessThan(r.serialSeconds);
      const fetches = r.steps.filter((s) => s.instruction.startsWith('RUN curl'));
      expect(fetches.map((s) => s.stage)).toEqual(['stage1', 'stage2']);
      expect(fetches[0]!.start).toBe(fetches[1]!.start);
      expect(r.steps.filter((s) => s.kind === 'COPY').map((s) => layerPaths(s.layer))).toEqual([['file file1'], ['file file2']]);
    },
  },
  '05-python-after': {
    needs: ['pip'],
    check: (r, base) => {
      // --no-cache-dir: only site-packages, no pip cache in the layer.
      const install = r.steps.find((s) => s.kind === 'RUN')!;
      expect(layerPaths(install.layer).filter((p) => p.includes('root/.cache'))).toEqual([]);
      expect(layerPaths(install.layer)).toContainEqual(expect.stringMatching(/^file usr\/local\/lib\/python3\.11\/site-packages\/flask\//));
      expect(growth(r, base('python:3.11-slim'))).toBeLessThan(20 * MB);
    },
  },
  '05-python-before': {
    needs: ['pip'],
    check: (r) => {
      // pip keeps its download cache in the layer when not told otherwise.
      const install = r.steps.find((s) => s.kind === 'RUN')!;
      expect(layerPaths(install.layer).some((p) => p.startsWith('file root/.cache/pip/'))).toBe(true);
      expect(r.image.size).toBeGreaterThan(1e9); // python:3.11 alone is ~1 GB
    },
  },
  '05-timestamp-bad': { needs: ['apk'] },
  '05-timestamp-good': { needs: ['apk'] },
  '06-cleanup-same-run': {
    needs: ['apt-get'],
    check: (r) => {
      // Lists fetched and removed in the same RUN never reach a layer.
      expect(layerPaths(r.steps[0]!.layer).filter((p) => p.startsWith('file var/lib/apt/lists/'))).toEqual([]);
      expect(r.steps[0]!.size).toBeGreaterThan(200 * MB); // the compilers themselves (build-essential)
    },
  },
  '06-cleanup-separate-runs': {
    needs: ['apt-get'],
    check: (r) => {
      // `apt-get clean` in its own RUN frees nothing: the lists stay in the first layer.
      expect(r.steps[0]!.size).toBeGreaterThan(30 * MB);
      expect(r.steps[2]!.size).toBeLessThan(1 * MB);
    },
  },
  '06-layer-explosion-bad': { needs: ['apt-get'] },
  '06-layer-explosion-good': { needs: ['apt-get'] },
  '06-node-dev': {
    needs: ['npm'],
    check: (r) => {
      // node:18 is ~1 GB before the app: the app image stays about a gigabyte.
      expect(r.image.size).toBeGreaterThan(0.95e9);
      expect(r.image.size).toBeLessThan(1.3e9);
    },
  },
  '06-node-multistage-fixed': { needs: ['npm'] },
  '06-node-multistage-seed': { needs: ['npm'] },
  '06-node-prod': { needs: ['npm'] },
  '06-secret-in-layer': {
    needs: [],
    check: (r) => {
      // Deleted in a later RUN, the key is still in the COPY layer (a whiteout only hides it).
      expect(layerPaths(r.steps[0]!.layer)).toEqual(['dir tmp', 'file tmp/secret.key']);
      expect(layerPaths(r.steps[2]!.layer)).toEqual(['dir tmp', 'whiteout tmp/secret.key']);
      expect(r.steps[1]!.output).toBe('29 /tmp/secret.key');
    },
  },
  '06-secret-mount': {
    needs: [],
    options: { secrets: { mysecret: 's3cr3t-value' } },
    check: (r) => {
      expect(r.steps[0]!.output).toBe('12 /run/secrets/mysecret');
      expect(layerPaths(r.steps[0]!.layer).filter((p) => p.includes('secret'))).toEqual([]);
    },
  },
  '07-node-example': {
    needs: ['npm'],
    check: (r) => {
      expect(r.image.size).toBeGreaterThan(0.95e9);
      expect(r.image.size).toBeLessThan(1.5e9);
    },
  },
  '07-node-multistage': {
    needs: ['npm'],
    check: (r, base) => {
      // The runtime stage starts from node:18-slim (~244 MB), far below the builder's ~1 GB.
      expect(r.image.size).toBeGreaterThan(base('node:18-slim').size);
      expect(r.image.size).toBeLessThan(0.5e9);
    },
  },
};

const SEEDS = readdirSync(COURSE)
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => f.slice(0, -'.Dockerfile'.length))
  .sort();

const simulated = new Set(DEFAULT_COMMANDS.map((c) => c.name));

/** The bases a Dockerfile pulls (FROM references that are not earlier stages). */
function basesOf(dockerfile: string): string[] {
  const parsed = parseDockerfile(dockerfile);
  const names = new Set<string>();
  const bases: string[] = [];
  for (const stage of parsed.stages) {
    if (!names.has(stage.from.image.toLowerCase()) && stage.from.image !== 'scratch') bases.push(stage.from.image);
    if (stage.name !== undefined) names.add(stage.name);
  }
  return bases;
}

describe('every seed Dockerfile builds in the model', () => {
  const engine = new Engine();
  const bases = new Map<string, Image>();
  const unpublished = new Map<string, string>();
  const timings: string[] = [];
  const skipped: string[] = [];
  const results = new Map<string, BuildResult>();

  beforeAll(() => {
    for (const seed of SEEDS) {
      for (const ref of basesOf(readFileSync(join(COURSE, `${seed}.Dockerfile`), 'utf8'))) {
        if (bases.has(ref) || unpublished.has(ref)) continue;
        try {
          bases.set(ref, engine.pull(ref).image);
        } catch (error) {
          unpublished.set(ref, (error as Error).message);
        }
      }
    }
  });

  afterAll(() => {
    console.log(`seed builds (cold / cached):\n  ${timings.join('\n  ')}`);
    if (skipped.length > 0) console.warn(`seed builds skipped:\n  ${skipped.join('\n  ')}`);
  });

  it('covers all 34 cleaned seed Dockerfiles', () => {
    expect(SEEDS.length).toBe(34);
    expect(Object.keys(CASES).sort()).toEqual(SEEDS);
  });

  for (const seed of SEEDS) {
    const spec = CASES[seed] ?? { needs: [] };
    const dockerfile = readFileSync(join(COURSE, `${seed}.Dockerfile`), 'utf8');
    const missingCommands = spec.needs.filter((n) => !simulated.has(n));

    it(`${seed}: cold and cached, each well under a second`, (ctx) => {
      const missingBases = basesOf(dockerfile).filter((ref) => unpublished.has(ref));
      const reasons = [
        ...missingCommands.map((c) => `the shell does not simulate ${c} yet`),
        ...missingBases.map((ref) => `the catalog does not publish ${ref}`),
      ];
      if (reasons.length > 0) {
        skipped.push(`${seed}: ${reasons.join('; ')}`);
        console.warn(`${seed} skipped: ${reasons.join('; ')}`);
        ctx.skip();
        return;
      }
      const options: BuildOptions = { dockerfile, context: SEED_CONTEXTS[seed] ?? {}, tag: `seed-${seed}`, ...spec.options };
      // Cold: no cache hits. The fastest of at least two and at most five cold runs (stopping once
      // one is under the limit), so that JIT warm-up, a garbage collection or other processes
      // competing for the CPU (a cold apt build hashes ~300 MB of generated package bytes) do not decide.
      let cold = measure(() => engine.build({ ...options, noCache: true }));
      for (let attempt = 1; attempt < 5 && (attempt < 2 || cold.cpu >= CPU_TIME_LIMIT_MS); attempt++) {
        const next = measure(() => engine.build({ ...options, noCache: true }));
        if (next.cpu < cold.cpu) cold = next;
      }
      const result = cold.value;
      const warm = measure(() => engine.build(options));
      const cached = warm.value;
      timings.push(`${seed.padEnd(34)} ${cold.cpu.toFixed(0).padStart(4)} ms / ${warm.cpu.toFixed(0).padStart(3)} ms CPU (wall ${cold.wall.toFixed(0)} / ${warm.wall.toFixed(0)} ms)`);

      const built = result;
      results.set(seed, built);
      expect(built.cacheHits).toBe(0);
      expect(cold.cpu).toBeLessThan(CPU_TIME_LIMIT_MS);
      expect(warm.cpu).toBeLessThan(CPU_TIME_LIMIT_MS);
      // The rebuild takes every step from the cache, costs ~0 simulated seconds and gives the same image.
      expect(cached.cacheMisses).toBe(0);
      expect(cached.steps.filter((s) => s.runs).every((s) => s.cached)).toBe(true);
      expect(cached.seconds).toBeLessThan(0.5);
      expect(cached.id).toBe(engine.build(options).id);
      spec.check?.(built, (ref) => {
        const image = bases.get(ref);
        if (image === undefined) throw new Error(`${ref} was not pulled`);
        return image;
      });
    });
  }

  /** Skips (saying why) unless every named seed was built above. */
  const builtOrSkip = (ctx: { skip: () => void }, seeds: readonly string[]): BuildResult[] => {
    const missing = seeds.filter((s) => !results.has(s));
    if (missing.length > 0) {
      console.warn(`skipped: not built (see above): ${missing.join(', ')}`);
      ctx.skip();
    }
    return seeds.map((s) => results.get(s) as BuildResult);
  };

  it('the size lessons hold: cleanup in the same RUN, one RUN for many packages, slim bases, multi-stage', (ctx) => {
    const [sameRun, separateRuns, good, bad] = builtOrSkip(ctx, ['06-cleanup-same-run', '06-cleanup-separate-runs', '06-layer-explosion-good', '06-layer-explosion-bad']);
    expect(sameRun!.image.size).toBeLessThan(separateRuns!.image.size);
    expect(good!.image.size).toBeLessThan(bad!.image.size);
    expect(good!.image.layers.length).toBeLessThan(bad!.image.layers.length);
  });

  it('slim and multi-stage images are smaller than their single-stage, full-base versions', (ctx) => {
    const [after, before, dev, prod, fixed, example, multistage] = builtOrSkip(ctx, [
      '05-python-after', '05-python-before', '06-node-dev', '06-node-prod', '06-node-multistage-fixed', '07-node-example', '07-node-multistage',
    ]);
    expect(after!.image.size).toBeLessThan(before!.image.size);
    expect(prod!.image.size).toBeLessThan(dev!.image.size);
    expect(fixed!.image.size).toBeLessThan(dev!.image.size);
    expect(multistage!.image.size).toBeLessThan(example!.image.size);
  });

  it('05-cachebust-arg: a new CACHEBUST value misses at the first RUN after the ARG, not before', (ctx) => {
    builtOrSkip(ctx, ['05-cachebust-arg']);
    const options = { dockerfile: readFileSync(join(COURSE, '05-cachebust-arg.Dockerfile'), 'utf8') };
    engine.build({ ...options, buildArgs: { CACHEBUST: '10' } });
    const again = engine.build({ ...options, buildArgs: { CACHEBUST: '11' } });
    expect(again.steps.filter((s) => s.runs).map((s) => s.cached)).toEqual([true, false, false]);
  });
  // The shell's npm runs a known build tool without looking for it in node_modules/.bin
  // (shell/packages/npm.ts runScript), so this build succeeds in the model. Real npm stops at
  // `sh: tsc: not found` (exit 127) because `npm ci --only=production` left TypeScript out — the
  // reason the course has a "-fixed" version. `it.fails` until the simulator checks for the tool.
  it.fails('06-node-multistage-seed with a TypeScript build fails at `npm run build`, as real npm does', () => {
    const dockerfile = readFileSync(join(COURSE, '06-node-multistage-seed.Dockerfile'), 'utf8');
    expect(() => engine.build({ dockerfile, context: NODE_TS_APP, noCache: true })).toThrow(/npm run build.*exit code: 127/);
  });
});
