/**
 * The exercises of notebook 02 (layer structure). Each checker takes what the learner wrote in an
 * `exercise` cell and answers with a verdict whose failing form says, in Korean, what is off and
 * where to look. Checkers that need a build or a container make their own fresh `Engine`, so a
 * learner's earlier cells cannot change the outcome.
 */
import { catalogImage } from '../catalog/catalog';
import { Engine } from '../engine/Engine';
import type { ImageReference } from '../reference/ImageReference';
import { parseReference } from '../reference/parseReference';
import { defineExercise } from './Exercise';
import { failed, passed, type Verdict } from './Verdict';

/** The exercises in the order the notebook meets them (for the wrap-up checklist). */
export const NB02_EXERCISES: ReadonlyArray<{ readonly id: string; readonly title: string }> = Object.freeze([
  { id: '02-1', title: '레이어 순서 고치기' },
  { id: '02-2', title: 'docker diff 예측하기' },
  { id: '02-3', title: '핵심 네 가지 참/거짓' },
  { id: '02-4', title: '이미지 크기 줄이기' },
  { id: '02-5', title: '운영 배포에 쓸 참조 고르기' },
  { id: '02-6', title: 'Image ID와 repo digest 구분하기' },
]);

const title = (id: string): string => NB02_EXERCISES.find((e) => e.id === id)?.title ?? id;
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// ── 02-1 layer order ───────────────────────────────────────────────────────────────────────────

/** The app the layer-order exercise builds: one source file, edited between the two builds. */
export const NB02_LAYER_ORDER_APP: Readonly<Record<string, string>> = Object.freeze({
  'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
});

interface StepLike { readonly instruction: string; readonly runs: boolean; readonly cached: boolean }

function findStep(steps: readonly StepLike[], test: RegExp): number {
  return steps.findIndex((s) => test.test(s.instruction));
}

const layerOrder = defineExercise<string>('02-1', title('02-1'), (dockerfile) => {
  const id = '02-1';
  if (typeof dockerfile !== 'string' || dockerfile.trim() === '') {
    return failed(id, 'Dockerfile 문자열이 비어 있습니다.', '`myOrderDockerfile`에 Dockerfile 전체를 문자열(백틱 `…`)로 적으세요.');
  }
  const engine = new Engine();
  const edited = { 'app.py': `${NB02_LAYER_ORDER_APP['app.py']}# 한 줄 고침\n` };
  let first;
  let second;
  try {
    first = engine.build({ dockerfile, context: NB02_LAYER_ORDER_APP });
    second = engine.build({ dockerfile, context: edited });
  } catch (error) {
    return failed(id, `빌드가 실패했습니다: ${errorText(error)}`, '명령의 철자와 순서를 확인하세요. 처음 주어진 Dockerfile의 줄을 지우지 말고 순서만 바꾸면 됩니다.');
  }
  const steps = first.steps;
  const apt = findStep(steps, /apt-get\s+install[^\n]*python3/);
  const pip = findStep(steps, /pip3?\s+install[^\n]*flask/);
  const copy = findStep(steps, /^(COPY|ADD)\b[^\n]*(app\.py|\s\.\s|\s\.\/?\s)/);
  if (apt < 0) return failed(id, 'Python을 설치하는 단계(`apt-get install … python3`)가 없습니다.', '`RUN apt-get update && apt-get install -y python3 python3-pip` 줄을 남겨 두세요. 순서만 바꾸는 실습입니다.');
  if (pip < 0) return failed(id, 'flask를 설치하는 단계(`pip3 install flask…`)가 없습니다.', '`RUN pip3 install flask==3.0.0` 줄을 남겨 두세요. 이미지에는 여전히 flask가 있어야 합니다.');
  if (copy < 0) return failed(id, '`app.py`를 복사하는 `COPY` 단계가 없습니다.', '`COPY app.py /app/app.py` 줄을 남겨 두세요. 코드가 없으면 앱이 실행되지 않습니다.');
  if (pip < apt) return failed(id, '`pip3 install`이 Python 설치(`apt-get install`)보다 먼저 실행됩니다.', 'pip3는 apt-get이 설치합니다. apt-get 단계를 pip3 단계보다 위에 두세요.');
  const rerun = second.steps.filter((s) => s.runs && !s.cached);
  const rerunText = rerun.map((s) => s.instruction);
  if (rerun.length === 1 && /^(COPY|ADD)\b/.test(rerun[0]!.instruction)) {
    return passed(id, `app.py를 고친 뒤 다시 실행된 단계는 \`${rerun[0]!.instruction}\` 하나뿐입니다. 의존성 레이어는 캐시에서 그대로 왔습니다.`);
  }
  const reranPip = rerun.some((s) => /pip3?\s+install/.test(s.instruction));
  const reranApt = rerun.some((s) => /apt-get/.test(s.instruction));
  if (reranApt) {
    return failed(id, 'app.py만 고쳤는데 `apt-get install`까지 다시 실행됐습니다.', 'Python 설치 단계가 app.py를 복사하는 COPY보다 아래(뒤)에 있습니다. 빌드 캐시는 처음 바뀐 단계부터 그 뒤를 모두 다시 실행합니다. 설치 단계들을 COPY 위로 올리세요.', { actual: rerunText });
  }
  if (reranPip) {
    return failed(id, 'app.py만 고쳤는데 `pip3 install`이 다시 실행됐습니다.', '`pip3 install` 줄이 `COPY app.py` 줄보다 뒤에 있습니다. COPY가 캐시 미스가 되면 그 뒤 단계는 모두 다시 실행됩니다. pip3 줄을 COPY 위로 옮기세요.', { actual: rerunText });
  }
  return failed(id, `app.py를 고친 뒤 다시 실행된 단계가 ${rerun.length}개입니다.`, 'COPY app.py 뒤에는 파일을 만드는 단계(RUN, COPY)가 없어야 합니다. 자주 바뀌는 코드 복사를 맨 마지막 파일 단계로 두세요.', { actual: rerunText });
});

/** 02-1: reorder the Dockerfile so that an edit of app.py reruns only the COPY of the code. */
export function checkNb02LayerOrder(dockerfile: string): Verdict {
  return layerOrder.check(dockerfile);
}

// ── 02-2 predict the diff ──────────────────────────────────────────────────────────────────────

/** What the learner's container runs before `docker diff` (on a fresh `nginx:alpine`). */
export const NB02_PREDICT_DIFF_COMMAND =
  "mkdir -p /srv/site && echo '<h1>hello</h1>' > /srv/site/index.html && echo '# tuned' >> /etc/nginx/nginx.conf && rm /etc/nginx/conf.d/default.conf";

interface DiffLine { readonly kind: 'A' | 'C' | 'D'; readonly path: string }

/** The real `docker diff` of a fresh nginx:alpine container after the command (computed, never stored). */
export function nb02PredictDiffActual(): DiffLine[] {
  const engine = new Engine();
  const container = engine.run('nginx:alpine', { name: 'predict' });
  const result = container.exec(NB02_PREDICT_DIFF_COMMAND);
  if (result.exitCode !== 0) throw new Error(`the exercise command failed (${result.exitCode}): ${result.stderr}`);
  return engine.diff(container).map((c) => ({ kind: c.kind, path: c.path }));
}

function parseDiffLine(line: unknown): DiffLine | undefined {
  if (typeof line !== 'string') return undefined;
  const m = /^\s*([ACD])\s+(\/\S*)\s*$/.exec(line);
  if (!m) return undefined;
  const path = m[2]!.length > 1 ? m[2]!.replace(/\/+$/, '') : m[2]!;
  return { kind: m[1] as DiffLine['kind'], path };
}

const isUnder = (path: string, dir: string): boolean => path.startsWith(dir + '/');

const predictDiff = defineExercise<readonly string[]>('02-2', title('02-2'), (predicted) => {
  const id = '02-2';
  if (!Array.isArray(predicted)) return failed(id, '답이 문자열 배열이 아닙니다.', "`myPredictedDiff`를 ['A /경로', 'C /경로'] 처럼 줄마다 문자열 하나인 배열로 적으세요.");
  const parsed: DiffLine[] = [];
  for (const line of predicted) {
    const p = parseDiffLine(line);
    if (!p) return failed(id, `이 줄은 docker diff 형식이 아닙니다: ${JSON.stringify(line)}`, "각 줄은 'A /경로', 'C /경로', 'D /경로' 처럼 글자 하나(A/C/D), 공백, 절대 경로로 적습니다.");
    parsed.push(p);
  }
  const actual = nb02PredictDiffActual();
  const key = (d: DiffLine): string => `${d.kind} ${d.path}`;
  const want = new Map(actual.map((d) => [d.path, d]));
  const got = new Map(parsed.map((d) => [d.path, d]));
  const missing = actual.filter((d) => !got.has(d.path));
  const extra = parsed.filter((d) => !want.has(d.path));
  const wrongKind = parsed.filter((d) => want.has(d.path) && want.get(d.path)!.kind !== d.kind);
  if (missing.length === 0 && extra.length === 0 && wrongKind.length === 0) {
    return passed(id, `${actual.length}줄 모두 맞았습니다. 부모 디렉터리의 C, 새 디렉터리 아래의 A, 지운 파일의 D까지 정확합니다.`);
  }
  // No expected/actual values in the verdict: printing the real diff would give the answer away.
  const values = {};
  const wrong = wrongKind[0];
  if (wrong) {
    const truth = want.get(wrong.path)!;
    const why =
      truth.kind === 'D' ? '지운 경로는 D(Deleted)입니다.'
      : truth.kind === 'A' ? '컨테이너에서 새로 생긴 경로는, 새 디렉터리 아래의 것까지 모두 A(Added)입니다.'
      : actual.some((d) => isUnder(d.path, truth.path)) ? '이미지에 원래 있던 디렉터리 안에서 무언가 바뀌면 그 디렉터리는 C(Changed)입니다.'
      : '이미지에 원래 있던 파일의 내용이 바뀌면 C(Changed)입니다.';
    return failed(id, `\`${key(wrong)}\`의 글자가 다릅니다. 실제로는 \`${key(truth)}\`입니다.`, why, values);
  }
  const seedLine = extra.find((d) => d.path === '/var/log');
  if (seedLine) return failed(id, '`C /var/log`는 나오지 않습니다.', '원자료 예시의 줄입니다. 이 명령은 /var/log를 건드리지 않고, nginx 로그는 표준 출력으로 갑니다. 명령이 실제로 바꾸는 경로만 적으세요.', values);
  const missingParent = missing.find((d) => d.kind === 'C' && actual.some((o) => o !== d && isUnder(o.path, d.path)));
  if (missingParent) {
    return failed(id, `\`${key(missingParent)}\` 줄이 빠졌습니다.`, `docker diff는 변화가 생긴 경로의 부모 디렉터리도 C로 보여 줍니다. ${missingParent.path} 안에서 무언가 바뀌었으니 ${missingParent.path} 자체도 한 줄 나옵니다.`, values);
  }
  const missingChild = missing.find((d) => d.kind === 'A');
  if (missingChild) {
    return failed(id, `\`${key(missingChild)}\` 줄이 빠졌습니다.`, '새로 만든 디렉터리와 그 안에 만든 파일은 각각 한 줄씩 A로 나옵니다. mkdir -p로 만든 디렉터리도 잊지 마세요.', values);
  }
  const first = missing[0];
  if (first) {
    const why = first.kind === 'D' ? '이미지에 있던 파일을 rm으로 지우면 D 한 줄이 나옵니다.' : 'echo … >> 로 덧붙인 파일은 내용이 바뀌었으니 C입니다.';
    return failed(id, `\`${key(first)}\` 줄이 빠졌습니다.`, why, values);
  }
  const extraLine = extra[0]!;
  const hint = extra.some((d) => actual.some((a) => isUnder(a.path, d.path)) === false && d.kind === 'D')
    ? '디렉터리를 통째로 지우지 않는 한, 지운 파일의 부모는 D가 아니라 C입니다.'
    : '명령이 건드리지 않은 경로는 나오지 않습니다. 명령을 &&로 나눠 하나씩 따라가 보세요.';
  return failed(id, `\`${key(extraLine)}\`는 실제 출력에 없습니다.`, hint, values);
});

/** 02-2: the learner's predicted `docker diff` lines for `NB02_PREDICT_DIFF_COMMAND` on nginx:alpine. */
export function checkNb02PredictDiff(predicted: readonly string[]): Verdict {
  return predictDiff.check(predicted);
}

// ── 02-3 the four must-knows ───────────────────────────────────────────────────────────────────

export interface Nb02MustKnows {
  readonly containerEditsImageLayer: boolean;
  readonly oneImageCopyFor100: boolean;
  readonly removeLosesChanges: boolean;
  readonly appendStoresOnlyNewBytes: boolean;
}

const MUST_KNOWS: ReadonlyArray<{ key: keyof Nb02MustKnows; truth: boolean; label: string; why: string }> = [
  { key: 'containerEditsImageLayer', truth: false, label: '①', why: '이미지 레이어는 읽기 전용입니다. 컨테이너가 파일을 고치면 파일이 컨테이너 레이어로 복사(copy-up)되고 복사본이 바뀝니다. 이미지는 그대로라서 같은 이미지의 다른 컨테이너는 원본을 봅니다. (개념 1의 /etc/issue 실험)' },
  { key: 'oneImageCopyFor100', truth: true, label: '②', why: '컨테이너마다 생기는 것은 얇은 쓰기 레이어뿐이고, 이미지 레이어는 모두가 함께 읽습니다. (개념 3의 컨테이너 100개 그림)' },
  { key: 'removeLosesChanges', truth: true, label: '③', why: '컨테이너 레이어는 컨테이너와 함께 지워집니다. 남겨야 할 데이터는 볼륨에 둡니다. (개념 3의 임시성 셀)' },
  { key: 'appendStoresOnlyNewBytes', truth: false, label: '④', why: 'overlay는 파일 단위로 copy-up합니다. 한 줄만 덧붙여도 먼저 파일 전체가 컨테이너 레이어로 복사됩니다. 큰 파일일수록 첫 쓰기가 비쌉니다.' },
];

const mustKnows = defineExercise<Nb02MustKnows>('02-3', title('02-3'), (answers) => {
  const id = '02-3';
  if (typeof answers !== 'object' || answers === null) return failed(id, '답이 객체가 아닙니다.', '`myMustKnows`의 네 항목에 true 또는 false를 적으세요.');
  const record = answers as unknown as Record<string, unknown>;
  const notBoolean = MUST_KNOWS.find((m) => typeof record[m.key] !== 'boolean');
  if (notBoolean) return failed(id, `${notBoolean.label} \`${notBoolean.key}\`의 값이 true/false가 아닙니다.`, "따옴표 없이 true 또는 false만 적으세요. 'true'(문자열)는 안 됩니다.");
  const wrong = MUST_KNOWS.filter((m) => record[m.key] !== m.truth);
  if (wrong.length === 0) return passed(id, '네 문장 모두 맞았습니다: 이미지는 읽기 전용 스택, 컨테이너는 그 위의 쓰기 레이어 한 장, 변경은 copy-on-write, 레이어는 공유.');
  const first = wrong[0]!;
  return failed(
    id,
    `${wrong.length}개가 틀렸습니다: ${wrong.map((w) => w.label).join(' ')}. ${first.label}은(는) ${first.truth ? '참' : '거짓'}입니다.`,
    first.why,
  );
});

/** 02-3: true/false on the four must-knows (image = read-only stack, container = +1 RW layer, CoW, sharing). */
export function checkNb02MustKnows(answers: Nb02MustKnows): Verdict {
  return mustKnows.check(answers);
}

// ── 02-4 a smaller image ───────────────────────────────────────────────────────────────────────

/** The Node/TypeScript app of the optimisation section and exercise 02-4 (build: tsc → dist/index.js). */
export const NB02_NODE_APP: Readonly<Record<string, string>> = Object.freeze({
  'package.json': `${JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { express: '4.18.2' }, devDependencies: { typescript: '5.3.3', jest: '29.7.0' } }, null, 2)}\n`,
  'tsconfig.json': '{ "compilerOptions": { "outDir": "dist" } }\n',
  'src/index.ts': 'import express from "express";\nexpress().listen(3000);\n',
});

/** The size the optimised image must not exceed (a slim multi-stage build is ≈ 248 MB; node:18 alone is 993 MB). */
export const NB02_SLIM_LIMIT_BYTES = 260_000_000;

const MB = (bytes: number): string => `${(bytes / 1e6).toFixed(1)}MB`;

const slimImage = defineExercise<string>('02-4', title('02-4'), (dockerfile) => {
  const id = '02-4';
  if (typeof dockerfile !== 'string' || dockerfile.trim() === '') {
    return failed(id, 'Dockerfile 문자열이 비어 있습니다.', '`mySlimDockerfile`에 Dockerfile 전체를 문자열(백틱 `…`)로 적으세요.');
  }
  const engine = new Engine();
  let result;
  try {
    result = engine.build({ dockerfile, context: NB02_NODE_APP, tag: 'nb02-slim-check:latest' });
  } catch (error) {
    return failed(id, `빌드가 실패했습니다: ${errorText(error)}`, '오류 메시지의 줄 번호를 보세요. 멀티 스테이지라면 첫 FROM에 `AS builder`를 붙이고 `COPY --from=builder …`로 가져옵니다.');
  }
  const container = engine.run('nb02-slim-check:latest', { name: 'slim-check' });
  const has = (path: string): boolean => container.exec(`test -e ${path}`).exitCode === 0;
  const size = result.image.size;
  if (!has('/app/dist/index.js')) {
    return failed(id, '최종 이미지에 빌드 결과물 /app/dist/index.js가 없습니다.', '`npm run build`가 만든 dist를 최종 스테이지로 가져오세요: `COPY --from=builder /app/dist ./dist` (WORKDIR /app 기준).');
  }
  if (!has('/app/node_modules/express')) {
    return failed(id, '최종 이미지에 런타임 의존성 express가 없습니다.', '실행에 필요한 의존성은 남겨야 합니다. 최종 스테이지에서 `COPY package.json .` 후 `RUN npm install --omit=dev` 하세요.');
  }
  const devLeft = ['typescript', 'jest'].filter((p) => has(`/app/node_modules/${p}`));
  if (size <= NB02_SLIM_LIMIT_BYTES && devLeft.length === 0) {
    return passed(id, `최종 이미지 ${MB(size)}: 목표(${MB(NB02_SLIM_LIMIT_BYTES)} 이하)를 지켰고 개발 의존성 없이 dist와 express만 담았습니다.`);
  }
  // The final stage stands on the full node:18 when it holds node:18's whole stack (ChainID: its top
  // layer alone is not enough, the node variants share the same docker-entrypoint.sh layer).
  const fullNode = result.image.chainIds.includes(catalogImage('node:18').chainIds.at(-1)!);
  if (fullNode) {
    return failed(id, `최종 이미지가 ${MB(size)}입니다. 최종 스테이지가 node:18(993MB) 위에 있습니다.`, '실행에는 빌드 도구가 필요 없습니다. 마지막 FROM을 node:18-slim(또는 조건이 맞으면 node:18-alpine)으로 바꾸세요. 빌드는 앞 스테이지(node:18 AS builder)에서 합니다.', { actual: MB(size) });
  }
  if (devLeft.length > 0) {
    return failed(id, `최종 이미지에 개발 의존성(${devLeft.join(', ')})이 남아 있습니다 (${MB(size)}).`, '타입스크립트 컴파일러와 테스트 도구는 빌드할 때만 필요합니다. 빌드는 builder 스테이지에서 하고, 최종 스테이지에서는 `npm install --omit=dev`로 런타임 의존성만 설치하세요.', { actual: MB(size) });
  }
  return failed(id, `최종 이미지가 ${MB(size)}로 목표(${MB(NB02_SLIM_LIMIT_BYTES)})보다 큽니다.`, '레이어별 크기(dockerHistory)를 보고 가장 큰 레이어부터 줄이세요. 지우는 일은 만든 RUN 안에서 해야 줄어듭니다.', { actual: MB(size) });
});

/** 02-4: make the Node app's image small (≤ NB02_SLIM_LIMIT_BYTES) without losing dist/ and its runtime deps. */
export function checkNb02SlimImage(dockerfile: string): Verdict {
  return slimImage.check(dockerfile);
}

// ── 02-5 production reference ──────────────────────────────────────────────────────────────────

/** Tags that move by design (the notebook's release scenario moves them on every release). */
const MOVING_TAG = /^(latest|prod|production|staging|stable|dev|\d+|\d+\.\d+)$/;

const productionRef = defineExercise<{ ref: string; engine: Engine }>('02-5', title('02-5'), ({ ref, engine }) => {
  const id = '02-5';
  if (typeof ref !== 'string' || ref.trim() === '') return failed(id, '참조 문자열이 비어 있습니다.', "`myProductionRef`에 '이름:태그' 또는 '이름@sha256:…' 형태의 참조를 적으세요.");
  const text = ref.trim();
  let parsed: ImageReference;
  try {
    parsed = parseReference(text);
  } catch (error) {
    return failed(id, `이미지 참조로 읽을 수 없습니다: ${errorText(error)}`, '형식은 이름:태그 또는 이름@sha256:<64자리 16진수>입니다. 01에서 본 참조 문법을 떠올려 보세요.');
  }
  // The release in production is whatever the repository's `prod` tag points at now.
  const prodRef = `${parsed.name}:prod`;
  let running;
  try {
    running = engine.getImage(prodRef);
  } catch {
    return failed(id, `${parsed.familiarName}에는 prod 태그가 없습니다.`, '저장소 이름을 표와 똑같이 적었는지 확인하세요(registry.example.com/shop). 표를 만드는 "토론 3" 셀을 먼저 실행해야 합니다.');
  }
  const pinHint = `다이제스트로 고정하세요. dockerInspect(엔진, '${parsed.familiarName}:prod')의 "RepoDigests"에 있는 이름@sha256:… 값이 그것입니다.`;
  let target;
  try {
    target = engine.getImage(text);
  } catch {
    const configMatch = parsed.digest !== undefined && [...engine.state.images.keys()].includes(parsed.digest);
    if (configMatch) {
      return failed(id, '@ 뒤에 Image ID(설정의 다이제스트)를 적었습니다.', `이름@ 뒤에는 레지스트리의 매니페스트 다이제스트가 와야 합니다. docker inspect의 RepoDigests에 있습니다. ${pinHint}`);
    }
    return failed(id, `\`${text}\`가 가리키는 이미지가 없습니다.`, '표에 있는 태그나 RepoDigests의 값을 그대로 복사하세요.');
  }
  if (target.id !== running.id) {
    return failed(id, `\`${text}\`는 지금 운영 중인 릴리스가 아닌 이미지를 가리킵니다.`, '표에서 prod가 가리키는 이미지 ID를 확인하세요. 스테이징에서 검증 중인 새 릴리스를 운영에 올리면 안 됩니다.');
  }
  if (parsed.digest !== undefined) return passed(id, `다이제스트로 고정했습니다. 누가 어떤 태그를 옮겨도 \`${parsed.familiarName}@${parsed.digest.slice(0, 19)}…\`는 같은 이미지입니다.`);
  const tag = parsed.tag ?? 'latest';
  if (MOVING_TAG.test(tag)) {
    return failed(id, `\`${tag}\`는 움직이는 태그입니다.`, `표를 보면 이 태그는 릴리스나 승격 때마다 다른 이미지로 옮겨집니다. 지금은 맞는 이미지를 가리켜도 다음 배포 때 바뀝니다. ${pinHint}`);
  }
  return failed(id, `버전 태그 \`${tag}\`는 좋은 출발이지만, 태그는 누구든 다시 붙일 수 있습니다.`, `"옮겨도 바뀌지 않는" 참조는 다이제스트뿐입니다. ${pinHint}`);
});

/** 02-5: the reference production should deploy — the running release, pinned by digest. */
export function checkNb02ProductionRef(ref: string, engine: Engine): Verdict {
  return productionRef.check({ ref, engine });
}

// ── 02-6 image ID vs repo digest ───────────────────────────────────────────────────────────────

export interface Nb02ImageIdentity {
  readonly imageId: string;
  readonly repoDigest: string;
}

const bareDigest = (text: string): string => {
  const t = text.trim();
  const at = t.lastIndexOf('@');
  return at >= 0 ? t.slice(at + 1) : t;
};

const imageIdentity = defineExercise<{ answer: Nb02ImageIdentity; engine: Engine; ref: string }>('02-6', title('02-6'), ({ answer, engine, ref }) => {
  const id = '02-6';
  if (typeof answer !== 'object' || answer === null || typeof answer.imageId !== 'string' || typeof answer.repoDigest !== 'string') {
    return failed(id, '답의 형태가 다릅니다.', '`myIdentity`의 imageId와 repoDigest에 "sha256:…" 문자열을 적으세요.');
  }
  const inspect = engine.inspect(ref);
  const configDigest = inspect.Id;
  const repo = inspect.RepoDigests[0];
  if (repo === undefined) return failed(id, `${ref}에는 repo digest가 없습니다.`, '레지스트리에서 pull한 이미지에만 RepoDigests가 있습니다. 개념 2의 engine.pull 셀을 먼저 실행하세요.');
  const manifestDigest = bareDigest(repo);
  const imageId = bareDigest(answer.imageId);
  const repoDigest = bareDigest(answer.repoDigest);
  const layers = inspect.RootFS.Layers ?? [];
  const full = /^sha256:[0-9a-f]{64}$/;
  if (imageId === manifestDigest && repoDigest === configDigest) {
    return failed(id, '두 값이 서로 바뀌었습니다.', 'Id(= IMAGE ID)는 설정(config) JSON의 다이제스트, RepoDigests의 @ 뒤가 매니페스트의 다이제스트입니다.');
  }
  for (const [field, value] of [['imageId', imageId], ['repoDigest', repoDigest]] as const) {
    if (value === 'sha256:' || value === '') return failed(id, `${field}가 비어 있습니다.`, `dockerInspect(engine, '${ref}')의 출력에서 ${field === 'imageId' ? '"Id"' : '"RepoDigests"'} 값을 복사해 넣으세요.`);
    if (!full.test(value)) {
      const short = /^(sha256:)?[0-9a-f]{12}$/.test(value);
      return failed(id, `${field} \`${value}\`는 완전한 다이제스트가 아닙니다.`, short ? '12자리는 화면용으로 줄인 짧은 ID입니다. "sha256:" 뒤 64자리 전체를 적으세요.' : '"sha256:" 뒤에 16진수 64자리가 와야 합니다.');
    }
    if ((layers as readonly string[]).includes(value)) return failed(id, `${field}에 레이어의 다이제스트(diffID)를 적었습니다.`, 'RootFS.Layers의 값은 레이어 tar의 다이제스트입니다. 이미지 전체를 가리키는 값은 Id와 RepoDigests에 있습니다.');
  }
  if (imageId !== configDigest) return failed(id, 'imageId가 맞지 않습니다.', `inspect 출력의 "Id"를 그대로 적으세요. 그것이 sha256(설정 JSON)입니다. ${imageId === manifestDigest ? '지금 적은 값은 매니페스트의 다이제스트(RepoDigests)입니다.' : ''}`.trim());
  if (repoDigest !== manifestDigest) return failed(id, 'repoDigest가 맞지 않습니다.', `RepoDigests의 값(${repo.split('@')[0]}@sha256:…)에서 @ 뒤의 다이제스트를 적으세요. 레지스트리의 매니페스트를 가리킵니다.`);
  return passed(id, `Image ID ${configDigest.slice(0, 19)}…는 설정의 다이제스트, repo digest ${manifestDigest.slice(0, 19)}…는 매니페스트의 다이제스트입니다. 서로 다른 값입니다.`);
});

/** 02-6: the learner copies the image ID and the repo digest of `ref` and must not mix them up. */
export function checkNb02ImageIdentity(answer: Nb02ImageIdentity, engine: Engine, ref: string): Verdict {
  return imageIdentity.check({ answer, engine, ref });
}
