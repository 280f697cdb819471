import { describe, expect, test } from 'vitest';
import {
  Engine, connectCatalog, dockerHistory, dockerImages, dockerSystemDf, dockerInspect, dockerBuildLog,
  layerStack, cacheWalk, buildTimelinePlot, stageDag, stagesOfBuild, criticalPath, adviseDockerfile, imageEfficiency, hiddenFiles, layerSizesPlot, stackImageOf,
} from 'kernel-lib';
import { plotBars, texts } from './svgQuery';

/** The views fed straight from the model engine: a real build on a catalog base image. */
function engine(): Engine {
  const e = new Engine();
  connectCatalog(e.state.registries);
  return e;
}

const practice2 = (step2: string): string => `FROM alpine:3.18
RUN echo "Step 1" && sleep 2
RUN echo "${step2}" && sleep 2
RUN echo "Step 3" && sleep 2
RUN echo "Step 4" && sleep 2
`;

describe('views of a live engine', () => {
  test("practice 2: v1 runs everything, v2 is all CACHED, v3 reruns from the edited step (seed: ~8 s, ~0 s, ~6 s)", () => {
    const e = engine();
    const v1 = e.build({ dockerfile: practice2('Step 2'), tag: 'cache-test:v1' });
    const v2 = e.build({ dockerfile: practice2('Step 2'), tag: 'cache-test:v2' });
    const v3 = e.build({ dockerfile: practice2('Step 2 MODIFIED'), tag: 'cache-test:v3' });
    const w1 = cacheWalk(v1.steps).text;
    const w2 = cacheWalk(v2.steps).text;
    const w3 = cacheWalk(v3.steps);
    expect(w1).toMatch(/캐시 적중 0개 · 실행 4개/);
    expect(w2).toMatch(/캐시 적중 4개 · 실행 0개/);
    expect(w3.text).toMatch(/캐시 적중 1개 · 실행 3개/);
    expect(w3.text.split('\n')[1]).toContain('← 첫 캐시 미스');
    const total = (t: string): number => Number(/합계 ([\d.]+)s/.exec(t)![1]);
    expect(total(w1)).toBeGreaterThanOrEqual(8);
    expect(total(w2)).toBe(0);
    expect(total(w3.text)).toBeGreaterThanOrEqual(6);
    expect(total(w3.text)).toBeLessThan(total(w1));
    expect(plotBars(buildTimelinePlot(v3.steps).svg)).toHaveLength(4);
  });

  test('docker history / images / inspect / system df come out in the CLI format from the engine', () => {
    const e = engine();
    const r = e.build({ dockerfile: 'FROM alpine:3.18\nENV A=1\nCOPY app.js /app.js\n', context: { 'app.js': 'console.log(1)\n' }, tag: 'app:v1' });
    const h = String(dockerHistory(e, 'app:v1')).split('\n');
    expect(h[0]).toMatch(/^IMAGE +CREATED +CREATED BY +SIZE +COMMENT$/);
    expect(h[1]).toMatch(new RegExp(`^${r.image.id.slice(7, 19)}   .+COPY app.js /app.js # buildkit +15B +buildkit.dockerfile.v0$`));
    expect(h).toHaveLength(1 + r.image.history.length);
    expect(String(dockerImages(e)).split('\n')[1]).toMatch(/^app +v1 +[0-9a-f]{12} +.+ago +7.04MB$/);
    expect(JSON.parse(String(dockerInspect(e, 'app:v1')))[0].RootFS.Layers).toEqual([...r.image.diffIds]);
    expect(String(dockerSystemDf(e, { verbose: true }))).toMatch(/^Images space usage:\n\nREPOSITORY +TAG +IMAGE ID/);
    expect(String(dockerBuildLog(r))).toContain('#');
  });

  test('layer stack of two images from the engine: the base layer is shared', () => {
    const e = engine();
    e.build({ dockerfile: 'FROM alpine:3.18\nCOPY a.txt /a.txt\n', context: { 'a.txt': 'a' }, tag: 'one' });
    e.build({ dockerfile: 'FROM alpine:3.18\nCOPY b.txt /b.txt\n', context: { 'b.txt': 'bb' }, tag: 'two' });
    const f = layerStack(e, ['one', 'two']);
    expect(texts(f.svg).filter((t) => t === '공유 ×2')).toHaveLength(2);
    expect(f.text).toMatch(/^one  \(레이어 2개, 7.04MB\)/);
    expect(plotBars(layerSizesPlot([stackImageOf(e.getImage('one'), 'one'), stackImageOf(e.getImage('two'), 'two')]).svg)).toHaveLength(4);
  });

  test('parallel stages: the DAG from the build has the critical path of the schedule', () => {
    const e = engine();
    const df = `FROM alpine:3.18 AS base
RUN echo base && sleep 1
FROM base AS stage1
RUN sleep 4 && echo one > /file1
FROM base AS stage2
RUN sleep 6 && echo two > /file2
FROM base
COPY --from=stage1 /file1 .
COPY --from=stage2 /file2 .
`;
    const r = e.build({ dockerfile: df });
    const stages = stagesOfBuild(r, df);
    expect(stages.map((s) => [s.name, s.dependsOn])).toEqual([['base', ['alpine:3.18']], ['stage1', ['base']], ['stage2', ['base']], ['stage-3', ['base', 'stage1', 'stage2']]]);
    const cp = criticalPath(stages);
    expect(cp.path).toEqual(['base', 'stage2', 'stage-3']);
    expect(cp.summedSeconds).toBeGreaterThan(cp.seconds);
    expect(texts(stageDag(stages).svg).some((t) => t.includes('임계 경로: base → stage2 → stage-3'))).toBe(true);
  });

  test('advisor with measured effects on a real build: delete-later vs delete-in-the-same-RUN, secret in a layer', () => {
    const e = engine();
    const bad = 'FROM alpine:3.18\nRUN dd if=/dev/zero of=/tmp/big bs=1M count=50\nRUN rm /tmp/big\n';
    const good = 'FROM alpine:3.18\nRUN dd if=/dev/zero of=/tmp/big bs=1M count=50 && rm /tmp/big\n';
    const rb = e.build({ dockerfile: bad });
    const rg = e.build({ dockerfile: good });
    const adv = adviseDockerfile(bad, { build: rb });
    expect(adv.byRule('LL2002')[0]!.effect?.bytes).toBe(50 * 1024 * 1024);
    expect(adviseDockerfile(good, { build: rg }).rules).toEqual([]);
    const effBad = imageEfficiency(rb.image.layers);
    const effGood = imageEfficiency(rg.image.layers);
    expect(effBad.wastedBytes).toBe(50 * 1024 * 1024);
    expect(effBad.inefficientPaths[0]).toEqual({ path: '/tmp/big', count: 2, cumulativeSize: 50 * 1024 * 1024 });
    expect(effGood.wastedBytes).toBe(0);

    const secret = 'FROM alpine:3.18\nCOPY secret.key /tmp/\nRUN cat /tmp/secret.key > /dev/null\nRUN rm /tmp/secret.key\n';
    const rs = e.build({ dockerfile: secret, context: { 'secret.key': 'TOPSECRET' } });
    const s = adviseDockerfile(secret, { build: rs });
    expect(s.byRule('LL4001')[0]!.effect?.note).toBe('레이어 안에 그대로 있음: /tmp/secret.key (레이어 2)');
    expect(hiddenFiles(rs.image.layers).map((h) => [h.path, h.fate])).toEqual([['/tmp/secret.key', 'deleted']]);
  });
});

describe('union view from a built image', () => {
  test('lower layers come from the image, labelled by their instructions', async () => {
    const { unionLayersOf, unionView } = await import('kernel-lib');
    const e = engine();
    const r = e.build({ dockerfile: 'FROM alpine:3.18\nRUN echo v1 > /etc/app.conf && echo x > /tmp/junk\nRUN rm /tmp/junk && echo v2 > /etc/app.conf\n' });
    const lower = unionLayersOf(r.image);
    expect(lower.map((l) => l.label).slice(1)).toEqual(['RUN echo v1 > /etc/app.conf && echo x > /tmp/junk', 'RUN rm /tmp/junk && echo v2 > /etc/app.conf']);
    const f = unionView({ lower, upper: { label: 'web', entries: [{ path: '/test.txt', type: 'file', size: 3 }] }, paths: ['/etc/app.conf', '/tmp/junk', '/test.txt'] });
    expect(f.text).toContain('/etc/app.conf: lower 3에서 보임');
    expect(f.text).toContain('/tmp/junk: 삭제됨');
    expect(f.text).toContain('/test.txt: upper에서 보임');
  });
});
