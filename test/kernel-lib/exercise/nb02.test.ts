/**
 * Notebook 02's checkers, run on the notebook's solutions and on the wrong answers a learner
 * typically writes; every wrong answer must get its own Korean hint, never a bare "wrong".
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine';
import {
  NB02_EXERCISES,
  checkNb02ImageIdentity,
  checkNb02LayerOrder,
  checkNb02SlimImage,
  checkNb02MustKnows,
  checkNb02PredictDiff,
  nb02PredictDiffActual,
  checkNb02ProductionRef,
  exerciseChecklist,
  resetExerciseProgress,
} from '../../../kernel-lib/src/exercise';

beforeEach(() => resetExerciseProgress());

describe('02-3 the four must-knows', () => {
  const right = { containerEditsImageLayer: false, oneImageCopyFor100: true, removeLosesChanges: true, appendStoresOnlyNewBytes: false };

  it('passes the solution and ticks the checklist', () => {
    const v = checkNb02MustKnows(right);
    expect(v.passed).toBe(true);
    expect(exerciseChecklist(NB02_EXERCISES)).toContain('[x] 02-3 핵심 네 가지 참/거짓');
  });

  it('explains copy-up when the learner thinks the container edits the image layer', () => {
    const v = checkNb02MustKnows({ ...right, containerEditsImageLayer: true });
    expect(v.passed).toBe(false);
    expect(v.message).toBe('1개가 틀렸습니다: ①. ①은(는) 거짓입니다.');
    expect(v.hint).toContain('copy-up');
  });

  it('explains whole-file copy-up when the learner thinks an append stores only the new bytes', () => {
    const v = checkNb02MustKnows({ ...right, appendStoresOnlyNewBytes: true });
    expect(v.message).toBe('1개가 틀렸습니다: ④. ④은(는) 거짓입니다.');
    expect(v.hint).toContain('파일 전체');
  });

  it('points at the volume cell when the learner thinks removal keeps changes', () => {
    const v = checkNb02MustKnows({ ...right, removeLosesChanges: false });
    expect(v.message).toBe('1개가 틀렸습니다: ③. ③은(는) 참입니다.');
    expect(v.hint).toContain('볼륨');
  });

  it('lists every wrong statement and explains the first', () => {
    const v = checkNb02MustKnows({ containerEditsImageLayer: true, oneImageCopyFor100: false, removeLosesChanges: true, appendStoresOnlyNewBytes: true });
    expect(v.message).toBe('3개가 틀렸습니다: ① ② ④. ①은(는) 거짓입니다.');
  });

  it('refuses strings in place of booleans with a specific hint', () => {
    const v = checkNb02MustKnows({ ...right, oneImageCopyFor100: 'true' as unknown as boolean });
    expect(v.passed).toBe(false);
    expect(v.message).toContain('oneImageCopyFor100');
    expect(v.hint).toContain("'true'(문자열)");
  });
});

/** The notebook's release scenario: three releases, moving tags, every tag pushed. */
function releaseEngine(): Engine {
  const engine = new Engine();
  const shop = 'registry.example.com/shop';
  for (const version of ['1.0.0', '1.0.1', '1.1.0']) {
    const [major, minor] = version.split('.');
    engine.build({ dockerfile: 'FROM alpine:3.18\nCOPY VERSION /VERSION\n', context: { VERSION: version + '\n' }, tag: `${shop}:${version}` });
    const tags = [version, `${major}.${minor}`, `${major}`, 'latest', 'staging', ...(version !== '1.1.0' ? ['prod'] : [])];
    for (const t of tags) {
      engine.tag(`${shop}:${version}`, `${shop}:${t}`);
      engine.push(`${shop}:${t}`);
    }
  }
  return engine;
}

describe('02-5 the production reference', () => {
  const engine = releaseEngine();
  const shop = 'registry.example.com/shop';
  const pinned = engine.inspect(`${shop}:1.0.1`).RepoDigests[0]!;

  it('passes the solution: the running release pinned by its repository digest', () => {
    expect(pinned).toMatch(/^registry\.example\.com\/shop@sha256:[0-9a-f]{64}$/);
    const v = checkNb02ProductionRef(pinned, engine);
    expect(v.passed).toBe(true);
    // a tag beside the digest is allowed: the digest wins
    expect(checkNb02ProductionRef(pinned.replace('@', ':1.0.1@'), engine).passed).toBe(true);
  });

  it.each(['prod', 'latest', '1', '1.0'])('calls the %s tag a moving tag and says where the digest is', (tag) => {
    const v = checkNb02ProductionRef(`${shop}:${tag}`, engine);
    if (tag === 'latest' || tag === '1') {
      expect(v.message).toContain('지금 운영 중인 릴리스가 아닌');
      return;
    }
    expect(v.message).toBe(`\`${tag}\`는 움직이는 태그입니다.`);
    expect(v.hint).toContain('RepoDigests');
  });

  it('accepts the version tag as a start but asks for the digest', () => {
    const v = checkNb02ProductionRef(`${shop}:1.0.1`, engine);
    expect(v.passed).toBe(false);
    expect(v.message).toContain('버전 태그 `1.0.1`');
  });

  it('refuses the release still in staging', () => {
    const v = checkNb02ProductionRef(engine.inspect(`${shop}:1.1.0`).RepoDigests[0]!, engine);
    expect(v.message).toContain('지금 운영 중인 릴리스가 아닌');
  });

  it('recognises the image ID written where the manifest digest belongs', () => {
    const v = checkNb02ProductionRef(`${shop}@${engine.getImage(`${shop}:1.0.1`).id}`, engine);
    expect(v.message).toBe('@ 뒤에 Image ID(설정의 다이제스트)를 적었습니다.');
  });

  it('reports an unreadable reference with the parser message and a grammar hint', () => {
    const v = checkNb02ProductionRef('Shop:prod', engine);
    expect(v.message).toContain('이미지 참조로 읽을 수 없습니다');
    expect(v.message).toContain('must be lowercase');
  });

  it('names a repository without a prod tag', () => {
    expect(checkNb02ProductionRef('shop:prod', engine).message).toBe('shop에는 prod 태그가 없습니다.');
  });
});

describe('02-6 image ID vs repo digest', () => {
  const engine = new Engine();
  engine.pull('nginx:alpine');
  const inspect = engine.inspect('nginx:alpine');
  const manifest = inspect.RepoDigests[0]!.split('@')[1]!;

  it('passes the solution: Id is the config digest, RepoDigests holds the manifest digest', () => {
    expect(inspect.Id).toBe(engine.getImage('nginx:alpine').id);
    expect(manifest).not.toBe(inspect.Id);
    expect(checkNb02ImageIdentity({ imageId: inspect.Id, repoDigest: manifest }, engine, 'nginx:alpine').passed).toBe(true);
    // the whole RepoDigests entry is accepted too
    expect(checkNb02ImageIdentity({ imageId: inspect.Id, repoDigest: inspect.RepoDigests[0]! }, engine, 'nginx:alpine').passed).toBe(true);
  });

  it('notices the two values swapped', () => {
    expect(checkNb02ImageIdentity({ imageId: manifest, repoDigest: inspect.Id }, engine, 'nginx:alpine').message).toBe('두 값이 서로 바뀌었습니다.');
  });

  it('asks for the full digest, not the 12-hex short ID', () => {
    const v = checkNb02ImageIdentity({ imageId: inspect.Id.slice(7, 19), repoDigest: manifest }, engine, 'nginx:alpine');
    expect(v.hint).toContain('짧은 ID');
  });

  it('recognises a layer diffID', () => {
    const v = checkNb02ImageIdentity({ imageId: inspect.RootFS.Layers![0]!, repoDigest: manifest }, engine, 'nginx:alpine');
    expect(v.message).toBe('imageId에 레이어의 다이제스트(diffID)를 적었습니다.');
  });

  it('says where to copy from when a value is left empty', () => {
    const v = checkNb02ImageIdentity({ imageId: 'sha256:', repoDigest: 'sha256:' }, engine, 'nginx:alpine');
    expect(v.message).toBe('imageId가 비어 있습니다.');
    expect(v.hint).toContain('"Id"');
  });

  it('explains a manifest digest in the imageId field', () => {
    const v = checkNb02ImageIdentity({ imageId: manifest, repoDigest: manifest }, engine, 'nginx:alpine');
    expect(v.message).toBe('imageId가 맞지 않습니다.');
    expect(v.hint).toContain('매니페스트의 다이제스트');
  });
});

describe('02-2 predict the docker diff', () => {
  const solution = [
    'C /etc', 'C /etc/nginx', 'C /etc/nginx/conf.d', 'D /etc/nginx/conf.d/default.conf', 'C /etc/nginx/nginx.conf',
    'C /srv', 'A /srv/site', 'A /srv/site/index.html',
  ];

  it('computes the real diff of the command on a fresh nginx:alpine container', () => {
    expect(nb02PredictDiffActual().map((d) => `${d.kind} ${d.path}`)).toEqual(solution);
  });

  it('passes the solution in any order, with extra spaces', () => {
    expect(checkNb02PredictDiff([...solution].reverse().map((l) => ` ${l.replace(' ', '   ')} `)).passed).toBe(true);
  });

  it('explains a missing parent directory (the seed’s mistake) without printing the whole answer', () => {
    const v = checkNb02PredictDiff(['D /etc/nginx/conf.d/default.conf', 'C /etc/nginx/nginx.conf', 'A /srv/site', 'A /srv/site/index.html', 'C /srv']);
    expect(v.message).toBe('`C /etc` 줄이 빠졌습니다.');
    expect(v.hint).toContain('부모 디렉터리도 C');
    expect(String(v)).not.toContain('기대한 값');
  });

  it('explains that a directory the image already had is C, not A', () => {
    const v = checkNb02PredictDiff(solution.map((l) => (l === 'C /srv' ? 'A /srv' : l)));
    expect(v.message).toBe('`A /srv`의 글자가 다릅니다. 실제로는 `C /srv`입니다.');
    expect(v.hint).toBe('이미지에 원래 있던 디렉터리 안에서 무언가 바뀌면 그 디렉터리는 C(Changed)입니다.');
  });

  it('explains that a removed file is D', () => {
    const v = checkNb02PredictDiff(solution.map((l) => l.replace('D /etc/nginx/conf.d/default.conf', 'C /etc/nginx/conf.d/default.conf')));
    expect(v.hint).toBe('지운 경로는 D(Deleted)입니다.');
  });

  it('asks for the new directory made by mkdir -p', () => {
    const v = checkNb02PredictDiff(solution.filter((l) => l !== 'A /srv/site'));
    expect(v.message).toBe('`A /srv/site` 줄이 빠졌습니다.');
    expect(v.hint).toContain('mkdir -p');
  });

  it('recognises the seed’s C /var/log line', () => {
    const v = checkNb02PredictDiff([...solution, 'C /var/log']);
    expect(v.message).toBe('`C /var/log`는 나오지 않습니다.');
    expect(v.hint).toContain('표준 출력');
  });

  it('says which line is not in docker diff format', () => {
    const v = checkNb02PredictDiff(['A/srv/site']);
    expect(v.message).toBe('이 줄은 docker diff 형식이 아닙니다: "A/srv/site"');
  });

  it('refuses a string in place of the array', () => {
    expect(checkNb02PredictDiff('C /etc' as unknown as string[]).message).toBe('답이 문자열 배열이 아닙니다.');
  });
});

describe('02-1 layer order', () => {
  const apt = 'RUN apt-get update && apt-get install -y python3 python3-pip';
  const pip = 'RUN pip3 install flask==3.0.0';
  const copy = 'COPY app.py /app/app.py';
  const df = (...lines: string[]): string => ['FROM ubuntu:20.04', ...lines, 'CMD ["python3", "/app/app.py"]', ''].join('\n');

  it('passes the solution: only the COPY of the code reruns after an edit', () => {
    const v = checkNb02LayerOrder(df(apt, pip, copy));
    expect(v.passed).toBe(true);
    expect(v.message).toContain('`COPY app.py /app/app.py` 하나뿐');
  });

  it('the starter (code under dependencies, as in the seed) reruns pip: says to move pip above COPY', () => {
    const v = checkNb02LayerOrder(df(apt, copy, pip));
    expect(v.message).toBe('app.py만 고쳤는데 `pip3 install`이 다시 실행됐습니다.');
    expect(v.hint).toContain('pip3 줄을 COPY 위로');
    expect(v.actual).toEqual(['COPY app.py /app/app.py', 'RUN pip3 install flask==3.0.0']);
  });

  it('copying the code first reruns apt-get too', () => {
    const v = checkNb02LayerOrder(df(copy, apt, pip));
    expect(v.message).toBe('app.py만 고쳤는데 `apt-get install`까지 다시 실행됐습니다.');
  });

  it('pip before apt-get is refused before building the rest', () => {
    const v = checkNb02LayerOrder(df(pip, apt, copy));
    expect(v.passed).toBe(false);
    expect(v.message).toMatch(/pip3 install|빌드가 실패/);
  });

  it('asks to keep the lines that were deleted', () => {
    expect(checkNb02LayerOrder(df(apt, copy)).message).toContain('flask를 설치하는 단계');
    expect(checkNb02LayerOrder(df(apt, pip)).message).toContain('`app.py`를 복사하는 `COPY` 단계가 없습니다');
  });

  it('reports a failing build with its message', () => {
    const v = checkNb02LayerOrder(df(apt, 'RUN pip3 instal flask==3.0.0', copy));
    expect(v.passed).toBe(false);
    expect(v.message).toMatch(/빌드가 실패했습니다|flask를 설치하는 단계/);
  });

  it('refuses an empty answer', () => {
    expect(checkNb02LayerOrder('').message).toBe('Dockerfile 문자열이 비어 있습니다.');
  });
});

describe('02-4 a smaller image', () => {
  const builder = 'FROM node:18 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\n\n';
  const runtime = (base: string, install = 'RUN npm install --omit=dev && npm cache clean --force\n', copyDist = 'COPY --from=builder /app/dist ./dist\n'): string =>
    `FROM ${base}\nWORKDIR /app\nCOPY package.json .\n${install}${copyDist}CMD ["node", "dist/index.js"]\n`;

  it('passes the solution (slim) and the alpine variant', () => {
    expect(checkNb02SlimImage(builder + runtime('node:18-slim')).passed).toBe(true);
    expect(checkNb02SlimImage(builder + runtime('node:18-alpine')).passed).toBe(true);
  });

  it('the starter on node:18 is told to change the last FROM', () => {
    const v = checkNb02SlimImage('FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\nCMD ["node", "dist/index.js"]\n');
    expect(v.message).toMatch(/^최종 이미지가 1083\.\d+MB입니다\. 최종 스테이지가 node:18\(993MB\) 위에 있습니다\.$/);
    expect(v.hint).toContain('node:18-slim');
  });

  it('a multi-stage build that still runs on node:18 gets the same hint', () => {
    expect(checkNb02SlimImage(builder + runtime('node:18')).hint).toContain('마지막 FROM');
  });

  it('one stage on slim keeps the dev dependencies: says to build in a builder stage', () => {
    const v = checkNb02SlimImage('FROM node:18-slim\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["node", "dist/index.js"]\n');
    expect(v.message).toMatch(/개발 의존성\(typescript, jest\)이 남아 있습니다/);
    expect(v.hint).toContain('--omit=dev');
  });

  it('forgetting to copy dist is named', () => {
    expect(checkNb02SlimImage(builder + runtime('node:18-slim', undefined, '')).message).toBe('최종 이미지에 빌드 결과물 /app/dist/index.js가 없습니다.');
  });

  it('forgetting the runtime dependencies is named', () => {
    expect(checkNb02SlimImage(builder + runtime('node:18-slim', '')).message).toBe('최종 이미지에 런타임 의존성 express가 없습니다.');
  });

  it('a failing build says where to look', () => {
    const v = checkNb02SlimImage('FROM node:18-slim\nCOPY --from=nowhere /app/dist ./dist\n');
    expect(v.message).toMatch(/^빌드가 실패했습니다/);
  });
});
