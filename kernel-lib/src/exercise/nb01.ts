/**
 * The exercises of notebook 01 (images and containers). Each checker takes what the learner wrote in
 * an `exercise` cell — plus, where the truth lives in the learner's engine, the values the check cell
 * reads from it (`RootFS.Layers`, per-image statistics) — and answers with a verdict whose failing
 * form says, in Korean, what is off and where to look.
 *
 * The truth is always computed here from the model (parseReference, the diffID lists), never typed
 * in, so a checker stays right when the catalog changes.
 */
import { parseReference } from '../reference/parseReference';
import { defineExercise } from './Exercise';
import { failed, passed, type Verdict } from './Verdict';

/** The exercises in the order the notebook meets them (for the wrap-up checklist). */
export const NB01_EXERCISES: ReadonlyArray<{ readonly id: string; readonly title: string }> = Object.freeze([
  { id: '01-1', title: '이미지 이름을 레지스트리/네임스페이스/저장소/태그로 나누기' },
  { id: '01-2', title: '두 이미지가 함께 쓰는 레이어를 diffID로 찾기' },
  { id: '01-3', title: '같은 베이스 위에 만든 이미지 묶기' },
  { id: '01-4', title: '이미지 크기와 레이어 수의 관계' },
]);

const title = (id: string): string => NB01_EXERCISES.find((e) => e.id === id)?.title ?? id;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

// ── 01-1 reference parts ───────────────────────────────────────────────────────────────────────

/** The three references the learner splits (exercise 1). */
export const NB01_REFERENCE_EXERCISE: readonly string[] = Object.freeze(['redis', 'ghcr.io/acme/billing/api:2.3', 'localhost:5000/tools:nightly']);

export interface Nb01ReferenceParts {
  readonly registry: string;
  readonly namespace: string;
  readonly repository: string;
  readonly tag: string;
}

/**
 * The seed's reading of a reference, `REGISTRY/NAMESPACE/REPOSITORY:TAG`, filled with Docker's
 * defaults: the namespace is the first path component when the path has more than one (`library`
 * for one-component Docker Hub names, which distribution/reference expands), else empty.
 */
export function nb01ReferenceParts(text: string): Nb01ReferenceParts {
  const ref = parseReference(text);
  const parts = ref.path.split('/');
  const namespace = parts.length > 1 ? parts[0]! : '';
  const repository = parts.length > 1 ? parts.slice(1).join('/') : parts[0]!;
  return Object.freeze({ registry: ref.domain, namespace, repository, tag: ref.tag ?? 'latest' });
}

function partHint(text: string, part: keyof Nb01ReferenceParts, want: Nb01ReferenceParts, got: string): string {
  const hub = want.registry === 'docker.io';
  switch (part) {
    case 'registry':
      if (hub) return `"${text}"에는 레지스트리가 없습니다. 생략하면 Docker Hub, 즉 "docker.io"가 쓰입니다.`;
      return `맨 앞 부분이 "."이나 ":"를 포함하거나 localhost이면 그것이 레지스트리 호스트입니다. 포트가 있으면 포트까지 적습니다("${want.registry}").`;
    case 'namespace':
      if (hub && want.namespace === 'library') return 'Docker Hub의 한 단계짜리 이름(공식 이미지)에는 네임스페이스 "library"가 자동으로 붙습니다.';
      if (got === 'library') return '"library/"는 Docker Hub의 공식 이미지에만 붙습니다. 다른 레지스트리에서는 붙지 않으니, 경로가 한 단계이면 네임스페이스는 빈 문자열 \'\'입니다.';
      if (want.namespace === '') return '레지스트리 뒤의 경로가 한 단계뿐이면 네임스페이스가 없습니다. 빈 문자열 \'\'을 적으세요.';
      return `경로의 첫 부분("${want.namespace}")이 네임스페이스(사용자·조직)입니다.`;
    case 'repository':
      if (got.includes(':')) return '저장소 이름에는 태그를 넣지 않습니다. ":" 뒤는 tag 칸에 적으세요.';
      if (want.repository.includes('/')) return `경로는 여러 단계일 수 있습니다. 네임스페이스("${want.namespace}") 뒤의 나머지 전부("${want.repository}")가 저장소입니다.`;
      return '저장소는 레지스트리와 네임스페이스를 뺀 나머지 이름입니다. 태그(":" 뒤)는 빼고 적으세요.';
    case 'tag':
      if (want.tag === 'latest') return `"${text}"에는 태그가 없습니다. 생략하면 "latest"가 쓰입니다.`;
      return `태그는 마지막 ":" 뒤의 부분입니다("${want.tag}"). 레지스트리의 포트(":5000")와 헷갈리지 마세요.`;
  }
}

function wrongPart(text: string, part: keyof Nb01ReferenceParts, want: Nb01ReferenceParts, got: string): Verdict {
  return failed('01-1', `"${text}"의 ${part}가 다릅니다.`, partHint(text, part, want, got), { expected: want[part], actual: got });
}

const referenceParts = defineExercise<unknown>('01-1', title('01-1'), (answer) => {
  const id = '01-1';
  if (!isRecord(answer)) {
    return failed(id, '답이 객체가 아닙니다.', '`referenceAnswer`를 { 이름: { registry, namespace, repository, tag } } 모양의 객체로 적으세요.');
  }
  const keys: ReadonlyArray<keyof Nb01ReferenceParts> = ['registry', 'namespace', 'repository', 'tag'];
  for (const text of NB01_REFERENCE_EXERCISE) {
    const given = answer[text];
    if (!isRecord(given)) return failed(id, `"${text}"에 대한 답이 없습니다.`, `referenceAnswer['${text}']에 { registry, namespace, repository, tag }를 적으세요.`);
    const want = nb01ReferenceParts(text);
    const unfilled = keys.filter((k) => typeof given[k] !== 'string' || given[k] === '???');
    if (unfilled.length > 0) return failed(id, `"${text}"의 ${unfilled.join(', ')} 칸을 아직 채우지 않았습니다.`, "'???'를 지우고 값을 적으세요. 없는 부분은 Docker가 채우는 기본값을, 네임스페이스가 없으면 ''을 적습니다.");
    const g = given as unknown as Nb01ReferenceParts;
    // A path of three or more components has no single right split into namespace/repository;
    // any split that rebuilds the path is accepted.
    const path = want.namespace === '' ? want.repository : `${want.namespace}/${want.repository}`;
    const splitOk = g.namespace === want.namespace && g.repository === want.repository
      || (path.split('/').length > 2 && g.namespace !== '' && g.repository !== '' && `${g.namespace}/${g.repository}` === path);
    if (g.registry !== want.registry) return wrongPart(text, 'registry', want, g.registry);
    if (!splitOk) return g.namespace !== want.namespace ? wrongPart(text, 'namespace', want, g.namespace) : wrongPart(text, 'repository', want, g.repository);
    if (g.tag !== want.tag) return wrongPart(text, 'tag', want, g.tag);
  }
  return passed(id, '세 이름 모두 맞습니다. 생략된 레지스트리·네임스페이스·태그를 Docker처럼 채웠습니다.');
});

/** Exercise 01-1: the learner's split of the three references of `NB01_REFERENCE_EXERCISE`. */
export function checkNb01ReferenceParts(answer: unknown): Verdict {
  return referenceParts.check(answer);
}

// ── 01-2 common layers ─────────────────────────────────────────────────────────────────────────

export interface Nb01LayerLists {
  readonly a: string;
  readonly b: string;
  /** `RootFS.Layers` of each image (diffIDs, base first). */
  readonly layersA: readonly string[];
  readonly layersB: readonly string[];
}

const DIFF_ID = /^sha256:[0-9a-f]{64}$/;

const commonLayers = defineExercise<{ answer: unknown; truth: Nb01LayerLists }>('01-2', title('01-2'), ({ answer, truth }) => {
  const id = '01-2';
  if (!Array.isArray(answer)) return failed(id, '답이 배열이 아닙니다.', '`commonLayers`에 diffID 문자열의 배열(string[])을 담으세요.');
  const inBoth = truth.layersA.filter((d) => truth.layersB.includes(d));
  if (answer.length === 0) {
    return failed(id, '배열이 비어 있습니다.', `lab.inspect('${truth.a}').RootFS.Layers와 lab.inspect('${truth.b}').RootFS.Layers를 구해, 한쪽 배열을 filter로 걸러 다른 쪽에도 있는(includes) diffID만 남기세요.`);
  }
  const notDigest = answer.filter((x) => typeof x !== 'string' || !DIFF_ID.test(x));
  if (notDigest.length > 0) {
    const sample = String(notDigest[0]);
    if (/^[0-9a-f]{12}$/.test(sample)) return failed(id, `"${sample}": 줄인 ID입니다.`, '비교는 전체 diffID("sha256:" + 64자리)로 하세요. RootFS.Layers의 값을 그대로 쓰면 됩니다.');
    return failed(id, `"${sample}": diffID가 아닙니다.`, '이미지 이름이나 태그, history의 명령으로 비교하면 안 됩니다. 이름이 같아도 내용이 다를 수 있고, 이름이 달라도 같은 레이어일 수 있습니다. RootFS.Layers의 diffID("sha256:…")를 비교하세요.');
  }
  const given = answer as string[];
  const extra = given.filter((d) => !inBoth.includes(d));
  if (extra.length > 0) {
    const onlyA = extra.filter((d) => truth.layersA.includes(d)).length;
    const onlyB = extra.filter((d) => truth.layersB.includes(d)).length;
    return failed(id, `함께 쓰지 않는 레이어가 ${extra.length}개 섞여 있습니다 (${truth.a}에만: ${onlyA}, ${truth.b}에만: ${onlyB}, 어디에도 없음: ${extra.length - onlyA - onlyB}).`,
      '한 이미지의 목록을 통째로 넣지 말고, 두 목록에 **모두** 있는 diffID만 남기세요: layersA.filter((d) => layersB.includes(d)).');
  }
  const missing = inBoth.filter((d) => !given.includes(d));
  if (missing.length > 0) {
    return failed(id, `함께 쓰는 레이어 ${inBoth.length}개 중 ${missing.length}개가 빠졌습니다.`, '공유는 맨 아래 OS 레이어만이 아닙니다. 두 이미지의 공통 베이스 이미지가 가진 레이어 전부가 공유됩니다. 두 목록을 끝까지 비교하세요.',
      { expected: inBoth.length, actual: given.length });
  }
  return passed(id, `${truth.a}, ${truth.b} 두 이미지는 아래에서부터 레이어 ${inBoth.length}개를 함께 씁니다. 디스크에는 한 번만 저장되고, 한 번만 내려받습니다.`);
});

/** Exercise 01-2: the diffIDs two images have in common (`truth` carries both `RootFS.Layers`). */
export function checkNb01CommonLayers(answer: unknown, truth: Nb01LayerLists): Verdict {
  return commonLayers.check({ answer, truth });
}

// ── 01-3 same base ─────────────────────────────────────────────────────────────────────────────

const repositoryOf = (ref: string): string => ref.replace(/[:@].*$/, '');

const sameBase = defineExercise<{ answer: unknown; baseLayerOf: Readonly<Record<string, string>> }>('01-3', title('01-3'), ({ answer, baseLayerOf }) => {
  const id = '01-3';
  if (!Array.isArray(answer) || !answer.every((g) => Array.isArray(g) && g.every((r) => typeof r === 'string'))) {
    return failed(id, '답이 이미지 이름 배열의 배열(string[][])이 아닙니다.', "`sameBaseGroups`를 [['node:18', …], ['nginx:alpine', …]]처럼 묶음마다 배열 하나로 적으세요.");
  }
  const groups = answer as string[][];
  const refs = Object.keys(baseLayerOf);
  const listed = groups.flat();
  if (listed.length === 0) return failed(id, '묶음이 비어 있습니다.', 'baseLayerOf[이름]이 이미지의 맨 아래 레이어(diffID)입니다. 이 값이 같은 이미지끼리 한 배열에 넣으세요.');
  const unknown = listed.filter((r) => !refs.includes(r));
  if (unknown.length > 0) return failed(id, `"${unknown[0]}" 이미지는 이 실습에 없습니다.`, `다음 이름만 쓰세요: ${refs.join(', ')}`);
  const twice = listed.filter((r, i) => listed.indexOf(r) !== i);
  if (twice.length > 0) return failed(id, `"${twice[0]}" 이미지가 두 번 나옵니다.`, '이미지 하나의 베이스는 하나뿐입니다. 각 이미지를 한 묶음에만 넣으세요.');
  const missing = refs.filter((r) => !listed.includes(r));
  if (missing.length > 0) return failed(id, `빠진 이미지가 ${missing.length}개 있습니다: ${missing.join(', ')}`, '혼자인 이미지도 [이름] 하나짜리 묶음으로 적으세요.');
  for (const group of groups) {
    for (let i = 1; i < group.length; i++) {
      const first = group[0]!;
      const other = group[i]!;
      if (baseLayerOf[first] === baseLayerOf[other]) continue;
      if (repositoryOf(first) === repositoryOf(other)) {
        return failed(id, `${first}, ${other}: 한 묶음에 넣었지만 베이스가 다릅니다.`, `저장소 이름이 같아도(${repositoryOf(first)}) 변형(태그)마다 다른 베이스 위에 만들어질 수 있습니다. 이름이 아니라 맨 아래 레이어의 diffID를 비교하세요.`);
      }
      return failed(id, `${first}, ${other}: 한 묶음에 넣었지만 맨 아래 레이어가 다릅니다.`, 'Dockerfile의 FROM이 같은 배포판이어도, 다른 버전(태그)으로 받은 베이스는 다른 레이어입니다. 베이스를 새 버전으로 다시 받으면 그 위의 이미지들은 더 이상 레이어를 공유하지 않습니다. baseLayerOf 값으로 확인하세요.');
    }
  }
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i]![0];
      const b = groups[j]![0];
      if (a !== undefined && b !== undefined && baseLayerOf[a] === baseLayerOf[b]) {
        return failed(id, `${a}, ${b}: 베이스가 같은데 다른 묶음에 있습니다.`, '이름이 달라도(예: node와 python) 같은 베이스 이미지 위에 만들어졌을 수 있습니다. 맨 아래 diffID가 같으면 한 묶음입니다.');
      }
    }
  }
  return passed(id, `이미지 ${refs.length}개를 베이스 ${groups.length}개로 바르게 묶었습니다. 같은 묶음의 이미지는 베이스 레이어를 디스크에 한 번만 저장합니다.`);
});

/** Exercise 01-3: a partition of images by their bottom layer (`baseLayerOf`: ref → first diffID). */
export function checkNb01SameBase(answer: unknown, baseLayerOf: Readonly<Record<string, string>>): Verdict {
  return sameBase.check({ answer, baseLayerOf });
}

// ── 01-4 size vs layer count ───────────────────────────────────────────────────────────────────

export interface Nb01ImageStat {
  readonly ref: string;
  readonly layerCount: number;
  readonly size: number;
  readonly largestLayer: number;
}

/** Pearson's correlation coefficient of two equally long series. */
export function nb01Correlation(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length || xs.length < 2) throw new RangeError(`correlation needs two series of the same length ≥ 2 (got ${xs.length} and ${ys.length})`);
  const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let cov = 0;
  let sx = 0;
  let sy = 0;
  xs.forEach((x, i) => {
    const dy = ys[i]! - my;
    cov += (x - mx) * dy;
    sx += (x - mx) ** 2;
    sy += dy ** 2;
  });
  return cov / Math.sqrt(sx * sy);
}

const TOLERANCE = 0.01;

const sizeVsLayers = defineExercise<{ answer: unknown; stats: readonly Nb01ImageStat[] }>('01-4', title('01-4'), ({ answer, stats }) => {
  const id = '01-4';
  if (!isRecord(answer)) return failed(id, '답이 객체가 아닙니다.', '`sizeAnswer`를 { countVsSize, largestVsSize, betterPredictor } 모양으로 적으세요.');
  const count = nb01Correlation(stats.map((s) => s.layerCount), stats.map((s) => s.size));
  const largest = nb01Correlation(stats.map((s) => s.largestLayer), stats.map((s) => s.size));
  const { countVsSize, largestVsSize, betterPredictor } = answer;
  if (typeof countVsSize !== 'number' || typeof largestVsSize !== 'number') {
    return failed(id, 'countVsSize와 largestVsSize는 숫자여야 합니다.', 'correlation(catalogStats.map((s) => s.layerCount), catalogStats.map((s) => s.size))처럼 계산한 값을 넣으세요.');
  }
  if (countVsSize === 0 && largestVsSize === 0) {
    return failed(id, '상관계수를 아직 계산하지 않았습니다(둘 다 0).', 'correlation(x목록, y목록)에 catalogStats에서 뽑은 두 목록을 넣어 계산하세요. x는 레이어 수 또는 가장 큰 레이어, y는 전체 크기입니다.');
  }
  if (Math.abs(countVsSize - largest) < TOLERANCE && Math.abs(largestVsSize - count) < TOLERANCE) {
    return failed(id, '두 상관계수가 서로 바뀌었습니다.', 'countVsSize는 레이어 수(layerCount)와 크기, largestVsSize는 가장 큰 레이어(largestLayer)와 크기의 상관입니다.');
  }
  if (Math.abs(countVsSize - count) > TOLERANCE) {
    return failed(id, '레이어 수와 크기의 상관계수가 다릅니다.', 'x에는 layerCount, y에는 size를 넣었는지, 목록의 순서가 같은 이미지끼리 맞는지 확인하세요.', { expected: Number(count.toFixed(3)), actual: countVsSize });
  }
  if (Math.abs(largestVsSize - largest) > TOLERANCE) {
    return failed(id, '가장 큰 레이어와 크기의 상관계수가 다릅니다.', 'x에는 largestLayer, y에는 size를 넣으세요.', { expected: Number(largest.toFixed(3)), actual: largestVsSize });
  }
  if (betterPredictor !== 'largestLayer') {
    return failed(id, `크기를 더 잘 설명하는 지표로 "${String(betterPredictor)}"를 골랐습니다. 다시 보세요.`,
      `두 상관계수를 비교해 보세요(${count.toFixed(2)} 대 ${largest.toFixed(2)}). nginx:alpine은 레이어가 8개인데 43MB이고 ubuntu:20.04는 1개인데 73MB입니다. 크기를 정하는 것은 레이어 개수가 아니라 각 레이어의 바이트입니다. 'largestLayer'를 고르세요.`);
  }
  return passed(id, `레이어 수와 크기의 관계는 느슨하고(r = ${count.toFixed(2)}), 가장 큰 레이어 하나가 크기를 거의 결정합니다(r = ${largest.toFixed(2)}). 레이어를 줄이는 것보다 큰 레이어를 줄이는 것이 중요합니다.`);
});

/** Exercise 01-4: correlations of size with layer count and with the largest layer, and which explains size. */
export function checkNb01SizeVsLayers(answer: unknown, stats: readonly Nb01ImageStat[]): Verdict {
  return sizeVsLayers.check({ answer, stats });
}
