/**
 * Notebook 01's checkers, run on the notebook's solutions and on the wrong answers learners
 * typically give; each wrong answer must get its own specific Korean hint. The truth the check
 * cells pass in (RootFS.Layers, base layers, per-image statistics) is taken from a real engine
 * over the catalog, as in the notebook.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine';
import { catalogListing } from '../../../kernel-lib/src/catalog';
import { layerDiffSize } from '../../../kernel-lib/src/image';
import {
  checkNb01CommonLayers,
  checkNb01ReferenceParts,
  checkNb01SameBase,
  checkNb01SizeVsLayers,
  exerciseChecklist,
  NB01_EXERCISES,
  nb01Correlation,
  nb01ReferenceParts,
  resetExerciseProgress,
  type Nb01ImageStat,
  type Nb01LayerLists,
} from '../../../kernel-lib/src/exercise';

beforeEach(() => resetExerciseProgress());

describe('01-1 reference parts', () => {
  const solution = {
    'redis': { registry: 'docker.io', namespace: 'library', repository: 'redis', tag: 'latest' },
    'ghcr.io/acme/billing/api:2.3': { registry: 'ghcr.io', namespace: 'acme', repository: 'billing/api', tag: '2.3' },
    'localhost:5000/tools:nightly': { registry: 'localhost:5000', namespace: '', repository: 'tools', tag: 'nightly' },
  };
  const withPart = (ref: keyof typeof solution, patch: Partial<(typeof solution)['redis']>) => ({ ...solution, [ref]: { ...solution[ref], ...patch } });

  it('derives the parts from parseReference', () => {
    expect(nb01ReferenceParts('redis')).toEqual(solution.redis);
    expect(nb01ReferenceParts('ghcr.io/acme/billing/api:2.3')).toEqual(solution['ghcr.io/acme/billing/api:2.3']);
    expect(nb01ReferenceParts('localhost:5000/tools:nightly')).toEqual(solution['localhost:5000/tools:nightly']);
  });

  it('passes the solution, and the other split of a three-component path', () => {
    expect(checkNb01ReferenceParts(solution).passed).toBe(true);
    expect(checkNb01ReferenceParts(withPart('ghcr.io/acme/billing/api:2.3', { namespace: 'acme/billing', repository: 'api' })).passed).toBe(true);
  });

  it('the untouched exercise cell: says which cells are unfilled', () => {
    const blank = { registry: '???', namespace: '???', repository: '???', tag: '???' };
    const v = checkNb01ReferenceParts({ 'redis': blank, 'ghcr.io/acme/billing/api:2.3': blank, 'localhost:5000/tools:nightly': blank });
    expect(v.passed).toBe(false);
    expect(v.message).toBe('"redis"의 registry, namespace, repository, tag 칸을 아직 채우지 않았습니다.');
  });

  it.each([
    ['redis registry left empty', withPart('redis', { registry: '' }), 'registry', '생략하면 Docker Hub, 즉 "docker.io"'],
    ['redis without library/', withPart('redis', { namespace: '' }), 'namespace', '"library"가 자동으로 붙습니다'],
    ['redis tag left empty', withPart('redis', { tag: '' }), 'tag', '생략하면 "latest"'],
    ['redis:latest as the repository', withPart('redis', { repository: 'redis:latest' }), 'repository', '저장소 이름에는 태그를 넣지 않습니다'],
    ['ghcr repository cut to its last component', withPart('ghcr.io/acme/billing/api:2.3', { repository: 'api' }), 'repository', '나머지 전부("billing/api")'],
    ['ghcr registry taken as docker.io', withPart('ghcr.io/acme/billing/api:2.3', { registry: 'docker.io' }), 'registry', '"."이나 ":"를 포함하거나 localhost'],
    ['library/ on a private registry', withPart('localhost:5000/tools:nightly', { namespace: 'library' }), 'namespace', 'Docker Hub의 공식 이미지에만'],
    ['the port taken as the tag', withPart('localhost:5000/tools:nightly', { registry: 'localhost', tag: '5000' }), 'registry', '포트까지 적습니다'],
  ])('%s → a hint about the %s', (_name, answer, part, hint) => {
    const v = checkNb01ReferenceParts(answer);
    expect(v.passed).toBe(false);
    expect(v.message).toContain(`${part}가 다릅니다`);
    expect(v.hint).toContain(hint);
  });

  it('a malformed answer is a verdict, not a crash', () => {
    expect(checkNb01ReferenceParts(42).hint).toContain('{ 이름: { registry, namespace, repository, tag } }');
    expect(checkNb01ReferenceParts({}).message).toBe('"redis"에 대한 답이 없습니다.');
  });
});

describe('exercises on catalog images', () => {
  const engine = new Engine();
  const refs = ['node:18', 'python:3.11', 'golang:1.19', 'node:18-slim', 'python:3.11-slim', 'nginx:latest', 'node:18-alpine', 'nginx:alpine'];
  let truth: Nb01LayerLists;
  let baseLayerOf: Record<string, string>;
  let stats: Nb01ImageStat[];

  beforeAll(() => {
    for (const row of catalogListing()) engine.pull(row.reference);
    engine.build({ dockerfile: 'FROM ubuntu:20.04\nCOPY app.sh /app/\n', context: { 'app.sh': 'echo legacy\n' }, tag: 'legacy-app' });
    engine.build({ dockerfile: 'FROM ubuntu:22.04\nCOPY app.sh /app/\n', context: { 'app.sh': 'echo new\n' }, tag: 'new-app' });
    const layers = (ref: string): readonly string[] => engine.inspect(ref).RootFS.Layers ?? [];
    truth = { a: 'node:18', b: 'python:3.11', layersA: layers('node:18'), layersB: layers('python:3.11') };
    baseLayerOf = Object.fromEntries([...refs, 'legacy-app', 'new-app'].map((r) => [r, layers(r)[0]!]));
    stats = catalogListing().map((row) => {
      const ls = engine.getImage(row.reference).layers;
      return { ref: row.reference, layerCount: ls.length, size: row.size, largestLayer: Math.max(...ls.map((l) => layerDiffSize(l))) };
    });
  });

  describe('01-2 common layers', () => {
    it('passes the diffIDs both images have (the buildpack-deps:bookworm layers)', () => {
      const common = truth.layersA.filter((d) => truth.layersB.includes(d));
      expect(common).toEqual(engine.inspect('buildpack-deps:bookworm').RootFS.Layers);
      const v = checkNb01CommonLayers(common, truth);
      expect(v.passed).toBe(true);
      expect(v.message).toBe('node:18, python:3.11 두 이미지는 아래에서부터 레이어 4개를 함께 씁니다. 디스크에는 한 번만 저장되고, 한 번만 내려받습니다.');
    });
    it('compared by tag or name → told to compare diffIDs', () => {
      const v = checkNb01CommonLayers(['buildpack-deps:bookworm'], truth);
      expect(v.passed).toBe(false);
      expect(v.hint).toContain('이미지 이름이나 태그');
    });
    it('short IDs → told to use full diffIDs', () => {
      expect(checkNb01CommonLayers(truth.layersA.slice(0, 4).map((d) => d.slice(7, 19)), truth).hint).toContain('전체 diffID');
    });
    it('one whole list → told to keep only layers in both', () => {
      const v = checkNb01CommonLayers(truth.layersA, truth);
      expect(v.message).toBe('함께 쓰지 않는 레이어가 4개 섞여 있습니다 (node:18에만: 4, python:3.11에만: 0, 어디에도 없음: 0).');
      expect(v.hint).toContain('모두');
    });
    it('only the OS layer → told sharing goes beyond the bottom layer', () => {
      const v = checkNb01CommonLayers(truth.layersA.slice(0, 1), truth);
      expect(v.message).toBe('함께 쓰는 레이어 4개 중 3개가 빠졌습니다.');
      expect(v.hint).toContain('맨 아래 OS 레이어만이 아닙니다');
    });
    it('empty or not an array', () => {
      expect(checkNb01CommonLayers([], truth).message).toBe('배열이 비어 있습니다.');
      expect(checkNb01CommonLayers('sha256:…', truth).message).toBe('답이 배열이 아닙니다.');
    });
  });

  describe('01-3 same base', () => {
    const solution = [
      ['node:18', 'python:3.11', 'golang:1.19'],
      ['node:18-slim', 'python:3.11-slim', 'nginx:latest'],
      ['node:18-alpine', 'nginx:alpine'],
      ['legacy-app'],
      ['new-app'],
    ];
    it('passes the grouping by bottom diffID', () => {
      const v = checkNb01SameBase(solution, baseLayerOf);
      expect(v.passed).toBe(true);
      expect(v.message).toContain('베이스 5개');
    });
    it('grouped by repository name (nginx) → told names do not decide the base', () => {
      const byName = [['node:18', 'python:3.11', 'golang:1.19'], ['node:18-slim', 'python:3.11-slim'], ['nginx:latest', 'nginx:alpine'], ['node:18-alpine'], ['legacy-app'], ['new-app']];
      const v = checkNb01SameBase(byName, baseLayerOf);
      expect(v.message).toBe('nginx:latest, nginx:alpine: 한 묶음에 넣었지만 베이스가 다릅니다.');
      expect(v.hint).toContain('저장소 이름이 같아도(nginx)');
    });
    it('both FROM ubuntu, at different versions → told a re-pulled base is another base', () => {
      const v = checkNb01SameBase([...solution.slice(0, 3), ['legacy-app', 'new-app']], baseLayerOf);
      expect(v.message).toBe('legacy-app, new-app: 한 묶음에 넣었지만 맨 아래 레이어가 다릅니다.');
      expect(v.hint).toContain('다른 버전(태그)으로 받은 베이스');
    });
    it('a shared base split in two → told different names can share a base', () => {
      const v = checkNb01SameBase([['node:18'], ['python:3.11', 'golang:1.19'], ...solution.slice(1)], baseLayerOf);
      expect(v.message).toBe('node:18, python:3.11: 베이스가 같은데 다른 묶음에 있습니다.');
    });
    it('missing, repeated or unknown images', () => {
      expect(checkNb01SameBase(solution.slice(0, 4), baseLayerOf).message).toBe('빠진 이미지가 1개 있습니다: new-app');
      expect(checkNb01SameBase([...solution, ['node:18']], baseLayerOf).message).toBe('"node:18" 이미지가 두 번 나옵니다.');
      expect(checkNb01SameBase([...solution, ['ubuntu:20.04']], baseLayerOf).message).toBe('"ubuntu:20.04" 이미지는 이 실습에 없습니다.');
      expect(checkNb01SameBase([], baseLayerOf).message).toBe('묶음이 비어 있습니다.');
      expect(checkNb01SameBase('node:18', baseLayerOf).hint).toContain('묶음마다 배열 하나');
    });
  });

  describe('01-4 size vs layer count', () => {
    const series = (key: keyof Nb01ImageStat) => stats.map((s) => s[key] as number);
    it('the catalog: layer count explains size loosely, the largest layer almost fully', () => {
      const count = nb01Correlation(series('layerCount'), series('size'));
      const largest = nb01Correlation(series('largestLayer'), series('size'));
      expect(count).toBeGreaterThan(0.4);
      expect(count).toBeLessThan(0.75);
      expect(largest).toBeGreaterThan(0.95);
      const v = checkNb01SizeVsLayers({ countVsSize: count, largestVsSize: largest, betterPredictor: 'largestLayer' }, stats);
      expect(v.passed).toBe(true);
      expect(v.message).toContain(`r = ${count.toFixed(2)}`);
    });
    it('wrong answers each get their own hint', () => {
      const count = nb01Correlation(series('layerCount'), series('size'));
      const largest = nb01Correlation(series('largestLayer'), series('size'));
      expect(checkNb01SizeVsLayers({ countVsSize: 0, largestVsSize: 0, betterPredictor: '???' }, stats).message).toBe('상관계수를 아직 계산하지 않았습니다(둘 다 0).');
      expect(checkNb01SizeVsLayers({ countVsSize: largest, largestVsSize: count, betterPredictor: 'largestLayer' }, stats).message).toBe('두 상관계수가 서로 바뀌었습니다.');
      const believer = checkNb01SizeVsLayers({ countVsSize: count, largestVsSize: largest, betterPredictor: 'layerCount' }, stats);
      expect(believer.passed).toBe(false);
      expect(believer.hint).toContain('nginx:alpine은 레이어가 8개인데 43MB');
      const wrongX = checkNb01SizeVsLayers({ countVsSize: nb01Correlation(series('size'), series('size')), largestVsSize: largest, betterPredictor: 'largestLayer' }, stats);
      expect(wrongX.message).toBe('레이어 수와 크기의 상관계수가 다릅니다.');
      expect(checkNb01SizeVsLayers({ countVsSize: '0.6' }, stats).message).toBe('countVsSize와 largestVsSize는 숫자여야 합니다.');
    });
    it('correlation refuses series of different lengths', () => {
      expect(() => nb01Correlation([1, 2], [1])).toThrow(RangeError);
    });
  });
});

describe('wrap-up checklist', () => {
  it('ticks exercise 01-1 after its check passed, leaves the others open', () => {
    checkNb01ReferenceParts({
      'redis': { registry: 'docker.io', namespace: 'library', repository: 'redis', tag: 'latest' },
      'ghcr.io/acme/billing/api:2.3': { registry: 'ghcr.io', namespace: 'acme', repository: 'billing/api', tag: '2.3' },
      'localhost:5000/tools:nightly': { registry: 'localhost:5000', namespace: '', repository: 'tools', tag: 'nightly' },
    });
    expect(exerciseChecklist(NB01_EXERCISES).split('\n')).toEqual([
      '[x] 01-1 이미지 이름을 레지스트리/네임스페이스/저장소/태그로 나누기',
      '[ ] 01-2 두 이미지가 함께 쓰는 레이어를 diffID로 찾기 (아직 실행하지 않음)',
      '[ ] 01-3 같은 베이스 위에 만든 이미지 묶기 (아직 실행하지 않음)',
      '[ ] 01-4 이미지 크기와 레이어 수의 관계 (아직 실행하지 않음)',
    ]);
  });
});
