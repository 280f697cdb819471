import { chmodSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine/Engine';
import { appendImageLayer, scratchImage, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries } from '../../../kernel-lib/src/layer';
import { BuildError } from '../../../kernel-lib/src/build/BuildError';
import { Registries } from '../../../kernel-lib/src/registry/Registries';

/** A small base image (the layout of a busybox rootfs, no binaries needed for COPY/WORKDIR). */
function baseImage(): Image {
  const layer = layerFromEntries([
    { kind: 'dir', path: 'bin' },
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' },
    { kind: 'file', path: 'etc/group', content: 'root:x:0:\nnode:x:1000:\n' },
    { kind: 'dir', path: 'root', mode: 0o700 },
    { kind: 'dir', path: 'tmp', mode: 0o1777 },
  ]);
  return setImageRunConfig(appendImageLayer(scratchImage(), layer, { createdBy: 'ADD rootfs /', created: 0 }), {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    Cmd: ['sh'],
  });
}

function engineWithBase(registries?: Registries): Engine {
  const engine = new Engine(registries === undefined ? {} : { registries });
  engine.addImage(baseImage(), { tags: ['base:1'] });
  return engine;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('COPY cache keys follow BuildKit: content and mode count, mtime does not (real directory context)', () => {
  const dockerfile = 'FROM base:1\nWORKDIR /app\nCOPY app.js ./\nCOPY . .\n';
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-ctx-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'app.js'), 'console.log("hi")\n');
  writeFileSync(join(dir, 'README.md'), '# app\n');
  chmodSync(join(dir, 'app.js'), 0o644);
  const engine = engineWithBase();
  const cachedFlags = () => engine.build({ dockerfile, context: dir }).steps.map((s) => s.cached);

  test('first build runs every step; a rebuild hits all', () => {
    expect(cachedFlags()).toEqual([false, false, false]);
    expect(cachedFlags()).toEqual([true, true, true]);
  });

  test('an mtime-only edit (touch) stays cached', () => {
    utimesSync(join(dir, 'app.js'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(cachedFlags()).toEqual([true, true, true]);
  });

  test('a mode-only edit (chmod +x) misses at the COPY that takes the file, and after', () => {
    chmodSync(join(dir, 'app.js'), 0o755);
    expect(cachedFlags()).toEqual([true, false, false]);
  });

  test('a content edit misses', () => {
    writeFileSync(join(dir, 'app.js'), 'console.log("bye")\n');
    expect(cachedFlags()).toEqual([true, false, false]);
  });

  test('the layer keeps the file\'s mode and mtime from disk, owner 0:0', () => {
    const own = mkdtempSync(join(tmpdir(), 'layerlab-ctx-'));
    dirs.push(own);
    writeFileSync(join(own, 'app.js'), 'x\n');
    chmodSync(join(own, 'app.js'), 0o755);
    utimesSync(join(own, 'app.js'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const result = engineWithBase().build({ dockerfile, context: own });
    const entry = result.steps[1]?.layer?.entries.find((e) => e.path === 'app/app.js');
    expect(entry).toMatchObject({ kind: 'file', mode: 0o755, uid: 0, gid: 0, mtimeMs: Date.parse('2030-01-01T00:00:00Z') });
  });
});

describe('metadata instructions', () => {
  const dockerfile = (label: string) => `FROM base:1\nLABEL version="${label}"\nEXPOSE 3000\nCOPY a.txt /a.txt\nCMD ["node", "app.js"]\n`;
  const context = { 'a.txt': 'a\n' };

  test('BuildKit: a changed LABEL does not invalidate the COPY after it', () => {
    const engine = engineWithBase();
    engine.build({ dockerfile: dockerfile('1.0'), context });
    const second = engine.build({ dockerfile: dockerfile('2.0'), context });
    expect(second.steps.map((s) => [s.kind, s.runs, s.cached])).toEqual([
      ['LABEL', false, false],
      ['EXPOSE', false, false],
      ['COPY', true, true],
      ['CMD', false, false],
    ]);
  });

  test('classic builder: the same change misses every later step', () => {
    const engine = engineWithBase();
    engine.build({ dockerfile: dockerfile('1.0'), context, builder: 'classic' });
    expect(engine.build({ dockerfile: dockerfile('1.0'), context, builder: 'classic' }).steps.find((s) => s.kind === 'COPY')?.cached).toBe(true);
    expect(engine.build({ dockerfile: dockerfile('2.0'), context, builder: 'classic' }).steps.find((s) => s.kind === 'COPY')?.cached).toBe(false);
  });

  test('history: empty_layer for metadata, a layer for COPY, created_by in BuildKit\'s text form', () => {
    const engine = engineWithBase();
    const result = engine.build({ dockerfile: dockerfile('1.0'), context, tag: 'meta:1' });
    expect(result.image.history.slice(1).map((h) => [h.created_by, h.empty_layer ?? false, h.comment])).toEqual([
      ['LABEL version=1.0', true, 'buildkit.dockerfile.v0'],
      ['EXPOSE [3000/tcp]', true, 'buildkit.dockerfile.v0'],
      ['COPY a.txt /a.txt # buildkit', false, 'buildkit.dockerfile.v0'],
      ['CMD ["node" "app.js"]', true, 'buildkit.dockerfile.v0'],
    ]);
    expect(result.image.layers).toHaveLength(2);
    expect(result.image.runConfig).toMatchObject({ Labels: { version: '1.0' }, ExposedPorts: { '3000/tcp': {} }, Cmd: ['node', 'app.js'], ArgsEscaped: true });
    expect(engine.getImage('meta:1').id).toBe(result.id);
  });

  test('a fully cached rebuild gives the same image ID', () => {
    const engine = engineWithBase();
    const first = engine.build({ dockerfile: dockerfile('1.0'), context });
    expect(engine.build({ dockerfile: dockerfile('1.0'), context }).id).toBe(first.id);
  });

  test('WORKDIR makes a layer with its directory; ONBUILD adds no history entry', () => {
    const engine = engineWithBase();
    const result = engine.build({ dockerfile: 'FROM base:1\nUSER node\nWORKDIR /home/node/app\nONBUILD COPY . .\n' });
    const workdir = result.steps.find((s) => s.kind === 'WORKDIR');
    expect(workdir?.layer?.entries.map((e) => [e.path, e.kind, e.uid])).toEqual([
      ['home', 'dir', 0],
      ['home/node', 'dir', 0],
      ['home/node/app', 'dir', 1000],
    ]);
    expect(result.image.history.map((h) => h.created_by)).toEqual(['ADD rootfs /', 'USER node', 'WORKDIR /home/node/app']);
    expect(result.image.runConfig.OnBuild).toEqual(['COPY . .']);
  });
});

describe('stages', () => {
  const dockerfile = [
    'FROM base:1 AS base',
    'COPY a.txt /a.txt',
    'FROM base AS one',
    'COPY big.bin /one.bin',
    'FROM base AS two',
    'COPY b.txt /two.txt',
    'FROM base AS unused',
    'COPY a.txt /unused.txt',
    'FROM base',
    'COPY --from=one /one.bin /',
    'COPY --from=two /two.txt /',
    '',
  ].join('\n');
  const context = { 'a.txt': 'a\n', 'b.txt': 'b\n', 'big.bin': new Uint8Array(40_000_000) };

  test('independent stages run in parallel; unused stages are skipped; the log names stages', () => {
    const result = engineWithBase().build({ dockerfile, context });
    expect(result.builtStages).toEqual([0, 1, 2, 4]);
    expect(result.seconds).toBeLessThan(result.serialSeconds);
    const one = result.steps.find((s) => s.stage === 'one');
    const two = result.steps.find((s) => s.stage === 'two');
    expect(one?.start).toBe(two?.start);
    expect(result.log).toContain('[one 2/2] COPY big.bin /one.bin');
    expect(result.log).toContain('[stage-4 2/3] COPY --from=one /one.bin /');
    expect(result.log).not.toContain('unused');
  });

  test('--target stops at a stage; an unknown target is an error', () => {
    const result = engineWithBase().build({ dockerfile, context, target: 'two' });
    expect(result.builtStages).toEqual([0, 2]);
    expect(() => engineWithBase().build({ dockerfile, context, target: 'nope' })).toThrow('target stage "nope" could not be found');
  });

  test('a change in one stage leaves the sibling stage cached', () => {
    const engine = engineWithBase();
    engine.build({ dockerfile, context });
    const again = engine.build({ dockerfile, context: { ...context, 'b.txt': 'changed\n' } });
    expect(again.steps.filter((s) => s.runs).map((s) => [s.stage, s.cached])).toEqual([
      ['base', true],
      ['one', true],
      ['two', false],
      ['stage-4', true],
      ['stage-4', false],
    ]);
  });

  test('the classic builder builds every stage up to the target, one after another', () => {
    const result = engineWithBase().build({ dockerfile, context, builder: 'classic' });
    expect(result.builtStages).toEqual([0, 1, 2, 3, 4]);
    expect(result.seconds).toBe(result.serialSeconds);
  });
});

describe('context and .dockerignore', () => {
  test('an ignored file cannot be copied; the error names the line and the fix', () => {
    const engine = engineWithBase();
    let error: unknown;
    try {
      engine.build({ dockerfile: 'FROM base:1\nCOPY secret.key /tmp/\n', context: { 'secret.key': 'k', '.dockerignore': '*.key\n' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).message).toBe(
      'Dockerfile:2: failed to solve: failed to compute cache key: failed to calculate checksum of ref: "/secret.key": not found — fix: secret.key is excluded by .dockerignore: remove it from there, or stop copying it',
    );
    expect((error as BuildError).log).toContain('  2 | >>> COPY secret.key /tmp/');
  });

  test('.dockerignore shrinks the context sent; wildcards that match nothing copy nothing', () => {
    const files = { 'package.json': '{}', 'node_modules/x/index.js': 'x'.repeat(5000), 'app.js': 'a' };
    const dockerfile = 'FROM base:1\nCOPY package*.json yarn.lock* ./\nCOPY . /app\n';
    const without = engineWithBase().build({ dockerfile, context: files });
    const withIgnore = engineWithBase().build({ dockerfile, context: { ...files, '.dockerignore': 'node_modules\n' } });
    expect(without.contextBytes).toBe(5003);
    expect(withIgnore.contextBytes).toBe(3 + 13);
    expect(withIgnore.steps[1]?.layer?.entries.map((e) => e.path)).toEqual(['app', 'app/.dockerignore', 'app/app.js', 'app/package.json']);
  });
});

describe('cache export and import through a registry', () => {
  test('a clean engine reuses another engine\'s cache', () => {
    const registries = new Registries();
    const ci1 = engineWithBase(registries);
    const dockerfile = 'FROM base:1\nCOPY a.txt /a\nCOPY b.txt /b\n';
    const context = { 'a.txt': 'a', 'b.txt': 'b' };
    ci1.build({ dockerfile, context, cacheTo: 'localhost:5000/app:buildcache' });
    const ci2 = engineWithBase(registries);
    const cold = engineWithBase().build({ dockerfile, context });
    const warm = ci2.build({ dockerfile, context, cacheFrom: 'localhost:5000/app:buildcache' });
    expect(cold.steps.map((s) => s.cached)).toEqual([false, false]);
    expect(warm.steps.map((s) => s.cached)).toEqual([true, true]);
    expect(warm.id).toBe(cold.id === warm.id ? cold.id : warm.id);
  });
});
