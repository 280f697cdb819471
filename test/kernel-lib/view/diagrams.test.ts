import { describe, expect, test } from 'vitest';
import { layerStack, layerLabel } from '../../../kernel-lib/src/view/diagram/layerStack';
import { unionView, resolveUnion } from '../../../kernel-lib/src/view/diagram/unionView';
import { cacheWalk } from '../../../kernel-lib/src/view/diagram/cacheWalk';
import { stageDag, criticalPath } from '../../../kernel-lib/src/view/diagram/stageDag';
import { PALETTE } from '../../../kernel-lib/src/view/svg/palette';
import { expectGolden, prettySvg } from './golden';
import { practice2Rebuild, parallelStages, threeImages } from './samples';
import { countTags, ids, texts } from './svgQuery';

describe('layer stack', () => {
  const fig = layerStack(threeImages, { containers: [{ name: 'web', image: 'node:18', changes: [{ kind: 'C', path: '/etc' }, { kind: 'A', path: '/test.txt' }], size: 1200 }] });
  test('one box per filesystem layer, shared ones marked, container on top', () => {
    // 4 + 3 + 1 real layers; the CMD history entry is hidden by default.
    expect(countTags(fig.svg, 'rect', { stroke: PALETTE.sharedStroke })).toBe(4 + 1); // 2 shared boxes per debian image + legend swatch
    expect(countTags(fig.svg, 'rect', { stroke: PALETTE.ownStroke })).toBe(2 + 1 + 1 + 1);
    expect(countTags(fig.svg, 'rect', { stroke: PALETTE.writableStroke })).toBe(1 + 1);
    const t = texts(fig.svg);
    expect(t).toContain('공유 ×2');
    expect(t).toContain('레이어 4개 · 합계 302MB');
    expect(t).toContain('레이어 1개 · 합계 7.04MB');
    expect(t).toContain('컨테이너 web — 쓰기 레이어 (R/W)');
    expect(fig.text).toContain('  3  333333333333    168MB  RUN set -ex && install node');
  });
  test('metadata-only history entries on request', () => {
    const f = layerStack(threeImages[0]!, { showEmptyLayers: true });
    expect(texts(f.svg)).toContain('CMD ["bash"]  (메타데이터만, 0B)');
  });
  test('labels drop the shell and BuildKit noise', () => {
    expect(layerLabel('/bin/sh -c #(nop)  ENV A=b')).toBe('ENV A=b');
    expect(layerLabel('RUN /bin/sh -c apt-get update # buildkit')).toBe('RUN apt-get update');
    expect(layerLabel('/bin/sh -c apt-get update')).toBe('RUN apt-get update');
  });
  test('stable, scoped ids and golden SVG', () => {
    const again = layerStack(threeImages, { containers: [{ name: 'web', image: 'node:18', changes: [{ kind: 'C', path: '/etc' }, { kind: 'A', path: '/test.txt' }], size: 1200 }] });
    expect(again.svg).toBe(fig.svg);
    expectGolden('svg/layer-stack.svg', prettySvg(fig.svg));
  });
});

describe('union view', () => {
  const lower = [
    { label: 'ubuntu', entries: [{ path: '/etc', type: 'dir' as const }, { path: '/etc/hosts', type: 'file' as const, size: 220 }, { path: '/etc/nginx.conf', type: 'file' as const, size: 1200 }, { path: '/var/lib/apt/lists/x', type: 'file' as const, size: 50_000_000 }] },
    { label: 'RUN rm -rf /var/lib/apt/lists', entries: [{ path: '/var/lib/apt/lists', type: 'opaque' as const }] },
  ];
  const upper = { label: 'cow-test', entries: [{ path: '/etc/nginx.conf', type: 'file' as const, size: 2410 }, { path: '/test.txt', type: 'file' as const, size: 17 }, { path: '/etc/hosts', type: 'whiteout' as const }] };
  test('top-down lookup with whiteouts and opaque directories', () => {
    const top = [upper, ...[...lower].reverse()];
    expect(resolveUnion(top, '/etc/nginx.conf')).toEqual({ from: 0, deleted: false });
    expect(resolveUnion(top, '/etc/hosts')).toEqual({ from: -1, deleted: true });
    expect(resolveUnion(top, '/var/lib/apt/lists/x')).toEqual({ from: -1, deleted: false }); // hidden by the opaque dir
    expect(resolveUnion(top, '/test.txt')).toEqual({ from: 0, deleted: false });
  });
  test('figure: merged row names the supplying layer', () => {
    const f = unionView({ lower, upper });
    const t = texts(f.svg);
    expect(t.filter((x) => x === '← upper')).toHaveLength(2);
    expect(t).toContain('(삭제됨)');
    expect(t).toContain('✕ whiteout');
    expect(f.text).toContain('/etc/nginx.conf: upper에서 보임');
    expectGolden('svg/union-view.svg', prettySvg(f.svg));
  });
});

describe('cache walk', () => {
  test("practice 2's third build: 1 hit, first miss at step 2, 6 s", () => {
    const f = cacheWalk(practice2Rebuild);
    const t = texts(f.svg);
    expect(t.filter((x) => x === '✓ CACHED')).toHaveLength(1);
    expect(t.filter((x) => x === '✗ 실행')).toHaveLength(3);
    expect(t).toContain('← 첫 캐시 미스');
    expect(t).toContain('합계 6.0s · 캐시 적중 1개 · 실행 3개');
    expectGolden('svg/cache-walk.svg', prettySvg(f.svg));
  });
});

describe('stage DAG and critical path', () => {
  test('critical path = the slowest chain to the target', () => {
    expect(criticalPath(parallelStages)).toEqual({ path: ['base', 'stage2', 'final'], seconds: 9.5, summedSeconds: 13.5 });
    expect(criticalPath(parallelStages, 'stage1')).toEqual({ path: ['base', 'stage1'], seconds: 7, summedSeconds: 7 });
    expect(() => criticalPath([{ name: 'a', seconds: 1, dependsOn: ['b'] }, { name: 'b', seconds: 1, dependsOn: ['a'] }])).toThrow(/cycle/);
  });
  test('figure: critical nodes and edges in red, both times written', () => {
    const f = stageDag(parallelStages);
    expect(countTags(f.svg, 'rect', { stroke: PALETTE.critical })).toBe(3);
    expect(countTags(f.svg, 'path', { stroke: PALETTE.critical })).toBe(2);
    expect(texts(f.svg).some((x) => x.includes('순서대로 합치면 13.5s · 병렬로 실행하면 9.5s'))).toBe(true);
    expect(new Set(ids(f.svg)).size).toBe(ids(f.svg).length);
    expectGolden('svg/stage-dag.svg', prettySvg(f.svg));
  });
});
