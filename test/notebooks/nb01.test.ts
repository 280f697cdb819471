/**
 * Semantic checks on notebook 01 (images and containers) as committed: the outputs of its key cells
 * carry the values the lesson talks about, its structure follows COURSE.md, and every ⚠ item of
 * COVERAGE.md has its fact-check box next to the cell that shows the truth. (notebooks.test.ts
 * re-executes it and compares every output.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR } from '../../tools/paths';
import { readNotebook, type Cell } from '../../tools/nbformat';
import { sumMinutesColumn } from '../../slides/outline/timePlan';
import { svgFromFigureHtml } from '../../kernel-lib/src/view';
import { parseReference } from '../../kernel-lib/src/reference';

const notebook = readNotebook(join(NOTEBOOKS_DIR, '01-images-and-containers.ipynb'));
const cells = notebook.cells;

function cell(id: string): Cell {
  const found = cells.find((c) => c.id === id);
  if (!found) throw new Error(`no cell ${id}`);
  return found;
}

/** Everything a code cell printed as text (stdout, stderr, text/plain results). */
function text(id: string): string {
  const c = cell(id);
  if (c.cell_type !== 'code') throw new Error(`${id} is not code`);
  return c.outputs
    .map((o) => {
      if (o.output_type === 'stream') return o.text;
      if (o.output_type === 'execute_result' || o.output_type === 'display_data') {
        const plain = o.data['text/plain'];
        return typeof plain === 'string' ? plain : '';
      }
      return '';
    })
    .join('');
}

/** The HTML displays of a code cell (figures and CLI views sent with `show`). */
function html(id: string): string[] {
  const c = cell(id);
  if (c.cell_type !== 'code') throw new Error(`${id} is not code`);
  return c.outputs.flatMap((o) => (o.output_type === 'display_data' && typeof o.data['text/html'] === 'string' ? [o.data['text/html'] as string] : []));
}

/** The text of a CLI view (an HTML <pre> or <table>), tags dropped and entities decoded. */
function cliText(id: string, n = 0): string {
  const raw = html(id)[n] ?? '';
  return raw
    .replace(/<\/tr>/g, '\n')
    .replace(/<\/t[dh]>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const svg = (id: string, n = 0): string => svgFromFigureHtml(html(id)[n] ?? '') ?? '';
const meta = (c: Cell): Record<string, unknown> => c.metadata as Record<string, unknown>;
const tags = (c: Cell): string[] => (c.metadata.tags as string[] | undefined) ?? [];

describe('notebook 01: structure', () => {
  it('lists every coverage id 01.01–01.62 in the first cell after the title', () => {
    const ids = Array.from({ length: 62 }, (_, i) => `01.${String(i + 1).padStart(2, '0')}`);
    expect(cells[0]!.id).toBe('title');
    expect(cells[0]!.source).toContain('[layerlab 코스 지도](index.ipynb) › 1주 차 › 2일 차 › **4교시**');
    expect(meta(cells[1]!).coverage).toEqual(ids);
  });

  it('has slideshow metadata on every cell and the tslab kernelspec', () => {
    for (const c of cells) expect(typeof (c.metadata.slideshow as { slide_type?: string } | undefined)?.slide_type, c.id).toBe('string');
    expect(notebook.metadata.kernelspec).toEqual({ display_name: 'TypeScript', language: 'typescript', name: 'tslab' });
    expect(notebook.nbformat_minor).toBe(5);
  });

  it('plans 50 minutes against the seed’s 73, in the table, the cells’ minutes and the computed cell', () => {
    const table = cells.find((c) => tags(c).includes('time-plan'))!;
    expect(sumMinutesColumn(table.source)).toBe(50);
    const plan = cells.map((c) => meta(c).layerlab as { minutes?: number; seedMinutes?: number } | undefined).filter((l) => l?.minutes !== undefined);
    expect(plan.map((l) => l!.minutes)).toEqual([2, 3, 12, 10, 9, 5, 6, 3]);
    expect(plan.map((l) => l!.seedMinutes ?? 0)).toEqual([5, 0, 18, 20, 10, 12, 8, 0]);
    expect(text('time-plan-computed')).toContain('합계: 이 노트북 50분, 원안 73분');
  });

  it('hides every solution and model answer, and follows each exercise with its check', () => {
    const solutions = cells.filter((c) => tags(c).includes('solution'));
    expect(solutions.map((s) => s.id)).toEqual(['ex1-solution', 'ex2-solution', 'ex3-solution', 'ex4-solution', 'pair-latest-answer', 'pair-disk-answer']);
    for (const s of solutions) expect(meta(s).jupyter, s.id).toEqual({ source_hidden: true });
    for (const e of cells.filter((c) => tags(c).includes('exercise'))) {
      expect(tags(cells[cells.indexOf(e) + 1]!), `${e.id} is followed by its check`).toContain('check');
    }
  });

  it('has a fact-check box for each ⚠ item, each followed by (or following) the cell that shows the truth', () => {
    const boxes: Record<string, string> = {
      '01.09': 's1-latest-check', '01.12': 's1-metadata-check', '01.18': 's1-states-check', '01.21': 's2-copyup-check', '01.23': 's2-drivers-check',
      '01.25': 's2-backup-check', '01.28': 's2-count-check', '01.29': 's2-seed-parse-check', '01.31': 's2-sharing-check',
      '01.38': 's3-grammar-check', '01.46': 's3-four-digests', '01.47': 's3-repro-check', '01.51': 's4-gcr-check', '01.55': 's5-real-check',
    };
    for (const [item, id] of Object.entries(boxes)) {
      expect(cell(id).source.startsWith('### 사실 확인 · '), `${item} ${id}`).toBe(true);
      expect(cell(id).source, `${item} ${id}`).toContain('\n> **사실 확인** ');
      const i = cells.indexOf(cell(id));
      const near = [cells[i - 1], cells[i + 1]].filter((c) => c?.cell_type === 'code');
      expect(near.length, `${item}: a live cell next to the box`).toBeGreaterThan(0);
    }
  });

  it('links every glossary term to a heading of this notebook', () => {
    const headings = new Set(cells.filter((c) => c.cell_type === 'markdown').flatMap((c) => [...c.source.matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1]!.trim().replace(/ /g, '-'))));
    const links = [...cell('keywords').source.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(11);
    for (const l of links) expect(headings, l).toContain(l);
  });
});

describe('notebook 01: key outputs', () => {
  it('why: four 993MB images listed, 3.97GB summed, 993MB on disk', () => {
    const images = cliText('why-build');
    for (const repo of ['chat', 'blog', 'shop']) expect(images).toMatch(new RegExp(`${repo}\\t1\\.0\\t[0-9a-f]{12}\\t.*\\t993MB`));
    expect(text('why-disk')).toBe('docker images의 SIZE를 모두 더하면: 3.97GB\ndocker system df가 센 실제 디스크:   993MB\n');
  });

  it('immutability: the frozen config refuses a change; a rebuild gets a new ID and the old archive is byte-identical', () => {
    expect(text('s1-immutable-try')).toContain('TypeError: Cannot add property');
    const lines = text('s1-immutable-proof').trim().split('\n');
    const ids = lines.slice(0, 2).map((l) => l.split(' ').at(-1));
    expect(ids[0]).not.toBe(ids[1]);
    const archives = lines.slice(2).map((l) => l.split(' ').at(-1));
    expect(archives[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(archives[0]).toBe(archives[1]);
  });

  it('one image, three containers: docker ps lists web-1..3 running nginx:alpine; the figure draws them on its stack', () => {
    const ps = cliText('s1-blueprint').split('\n').filter((l) => l.includes('nginx:alpine'));
    expect(ps.map((l) => l.split('\t')[6])).toEqual(['web-3', 'web-2', 'web-1']);
    for (const l of ps) expect(l.split('\t')[4]).toMatch(/^Up /);
    const figure = svg('s1-blueprint', 1);
    for (const name of ['web-1', 'web-2', 'web-3']) expect(figure).toContain(name);
  });

  it('reproducibility: two containers of one image export the same root filesystem', () => {
    const [a, b] = text('s1-repro-export').trim().split('\n').map((l) => l.slice(0, 71));
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  it('reuse: ten containers add only their writable layers; docker system df counts 13 containers', () => {
    expect(svg('s1-reuse-ten')).toContain('node:18-slim 컨테이너 10개가 쓰는 디스크');
    expect(cliText('s1-reuse-ten', 1)).toMatch(/Containers\s+13\s+13\s+\d+B\s/);
  });

  it('container properties: diff, ephemeral vs volume, isolation, lifecycle and its refusals, ps -a states', () => {
    expect(cliText('s1-mutable-diff')).toContain('C /etc\nC /etc/motd\nA /notes\nA /notes/today.txt');
    const eph = text('s1-ephemeral-demo');
    expect(eph).toContain("cat: can't open '/notes/today.txt': No such file or directory");
    expect(eph).toMatch(/볼륨 notes-data: .*\n중요한 메모\n/);
    expect(text('s1-isolation-demo')).toContain('blue 안에서:  blue\ngreen 안에서: green\n');
    expect(text('s1-lifecycle-walk')).toBe('docker create  → created\ndocker start   → running\ndocker stop    → exited\ndocker rm      → removed\n');
    const table = text('s1-lifecycle-table').split('\n');
    expect(table.find((l) => l.startsWith('rm '))).toMatch(/^rm\s+→ removed\s+✗ ContainerRunning\s+✗ ContainerPaused\s+→ removed/);
    expect(text('s1-lifecycle-rm-running')).toContain("code: 'ContainerRunning'");
    expect(text('s1-lifecycle-more')).toContain('✗ NoSuchContainer: No such container: life');
    const statuses = cliText('s1-states-ps').split('\n').slice(1).filter(Boolean).map((l) => [l.split('\t')[6], l.split('\t')[4]]);
    const status = (name: string): string => statuses.find(([n]) => n === name)![1]!;
    expect(status('just-created')).toBe('Created');
    expect(status('stopped')).toMatch(/^Exited \(0\) .+ ago$/);
    expect(status('green')).toMatch(/^Up .+ \(Paused\)$/);
    expect(status('blue')).toMatch(/^Up /);
    expect(statuses.some(([n]) => n === 'life')).toBe(false);
  });

  it('container layer structure: web-1 after one write — the diff and its stack', () => {
    expect(cliText('s2-container-stack-figure')).toContain('C /usr/share/nginx/html/index.html');
    expect(svg('s2-container-stack-figure', 1)).toContain('web-1');
  });

  it('tags: eight names, one IMAGE ID', () => {
    const rows = cliText('s1-tags-many').split('\n').filter((l) => l.startsWith('myapp\t'));
    expect(rows.map((r) => r.split('\t')[1])).toEqual(['1.0.0', '2.1.3', 'dev', 'staging', 'prod', 'feature-auth', 'hotfix-security', 'latest']);
    expect(new Set(rows.map((r) => r.split('\t')[2])).size).toBe(1);
  });

  it('latest: a pull without a tag uses latest and gets v1, not the newer 2.0.0', () => {
    expect(cliText('s1-latest-demo')).toContain('Using default tag: latest');
    const [got, v1, v2] = text('s1-latest-demo').trim().split('\n').map((l) => l.slice(0, 12));
    expect(got).toBe(v1);
    expect(got).not.toBe(v2);
  });

  it('ENV/EXPOSE/CMD: new image ID, same layers, three empty_layer history rows of 0B', () => {
    expect(text('s1-metadata-demo')).toContain('이미지 ID가 바뀌었나?      true\n레이어 목록이 그대로인가?  true\n새 history 줄의 empty_layer: [ true, true, true ]');
    const history = cliText('s1-metadata-demo').split('\n');
    expect(history.slice(1, 4).map((r) => r.split('\t')[2] + ' ' + r.split('\t')[3])).toEqual(['CMD ["node" "/app/app.js"] 0B', 'EXPOSE [8080/tcp] 0B', 'ENV NODE_ENV=production 0B']);
  });

  it('union: the upper layer wins for /etc/motd; chmod copies 5,000,000 bytes up, rm copies none and leaves a whiteout', () => {
    expect(text('s2-union')).toContain('motd  22 B  "Node.js runtime image\\n"');
    const t = text('s2-copyup-demo');
    expect(t).toContain('chmod /usr/bin/node  → 복사된 바이트 +5000000');
    expect(t).toContain('rm /etc/os-release   → 복사된 바이트 +0');
    expect(t).toContain('os-release  (whiteout)');
    const figure = svg('s2-write');
    for (const label of ['OS 레이어', '런타임 레이어', '앱 레이어', 'upper: 컨테이너 레이어<']) expect(figure).toContain(label);
  });

  it('storage driver and save: overlay2; both archives carry every layer', () => {
    expect(cliText('s2-driver-name')).toContain('Storage Driver: overlay2');
    const [a, b] = text('s2-save-sizes').trim().split('\n').map((l) => /→ (\S+) \(레이어 (\d+)개/.exec(l)!.slice(1));
    expect(a).toEqual(b);
  });

  it('the seed Dockerfile is refused on line 1; the course copy (comments moved) makes layers only for RUN and COPY: base 1 + 3', () => {
    expect(text('s2-seed-parse')).toContain('dockerfile parse error on line 1: FROM requires either one or three arguments');
    const t = text('s2-count');
    expect(t).toMatch(/Dockerfile 명령 수:\s+5 \(FROM, RUN, RUN, COPY, CMD\)/);
    expect(t).toMatch(/web:1\.0의 레이어\(RootFS\.Layers\):\s+4\s+= 베이스 1 \+ 이 Dockerfile이 만든 3/);
    expect(cliText('s2-course-build')).toMatch(/RUN \/bin\/sh -c apt-get install -y nginx[^\n]*\t[\d.]+MB/);
    expect(t).toMatch(/레이어 X\s+CMD \["nginx", "-g", "daemon off;"\]/);
  });

  it('sharing: two apps FROM node:18 share 993MB; the second pull moves one small layer', () => {
    const df = cliText('s2-sharing-df');
    expect(df).toMatch(/localhost:5000\/app2\s+1\.0\s+[0-9a-f]{12}\s+.*\s993MB\s+993MB\s+21B/);
    const pull = cliText('s2-sharing-pull-demo');
    expect(pull.match(/Already exists/g)).toHaveLength(8);
    expect(pull.match(/Pull complete/g)).toHaveLength(1);
    expect(text('s2-sharing-pull-demo')).toMatch(/app2를 받을 때 옮긴 바이트: [\d.]+kB/);
  });

  it('no sharing: two runtimes installed by their own RUN share only the ubuntu layer', () => {
    const df = cliText('s2-no-sharing');
    for (const team of ['team-a', 'team-b']) expect(df).toMatch(new RegExp(`localhost:5000/${team}/app\\s+1\\.0\\s+[0-9a-f]{12}\\s+.*\\s157MB\\s+72\\.8MB\\s+83\\.89MB`));
  });

  it('references: the parse table agrees with parseReference, errors are distribution/reference’s', () => {
    for (const line of text('s3-parse-table').trim().split('\n').slice(1)) {
      const [input, domain, path] = line.split(/\s+/);
      if (input!.endsWith('...')) continue;
      const ref = parseReference(input!);
      expect([domain, path]).toEqual([ref.domain, ref.path]);
    }
    expect(text('s3-parse-errors')).toContain('"Ubuntu"');
    expect(text('s3-parse-errors')).toContain('→ invalid reference format: repository name (library/Ubuntu) must be lowercase');
    expect(text('s3-parse-errors')).toContain('→ invalid checksum digest length');
    const tricky = text('s3-tricky');
    expect(tricky).toMatch(/^localhost\s+DOMAIN=docker\.io\s+PATH=library\/localhost/m);
    expect(tricky).toMatch(/^myregistry\/cache\s+DOMAIN=docker\.io/m);
    expect(tricky).toMatch(/^MyCompany\/app\s+DOMAIN=MyCompany\s+PATH=app/m);
    expect(tricky).toMatch(/^app:\.hidden\s+ERROR: invalid reference format$/m);
  });

  it('breakdown: the annotated diagram names the four parts of docker.io/library/nginx:1.21-alpine', () => {
    expect(text('s3-breakdown-diagram')).toBe([
      'docker.io/library/nginx:1.21-alpine',
      '│         │       │     └─ 태그: 1.21-alpine',
      '│         │       └─ 저장소: nginx',
      '│         └─ 네임스페이스: library',
      '└─ 레지스트리: docker.io',
      '',
    ].join('\n'));
  });

  it('tag strategy: version tags stay, 1/latest/prod move', () => {
    const rows = new Map(text('s3-releases').trim().split('\n').slice(1).map((l) => { const [tag, ...rest] = l.trim().split(/\s+/); return [tag!, rest.slice(0, 3)]; }));
    const [r1, r2, r3] = [rows.get('1.0.0')![0], rows.get('1.1.0')![1], rows.get('2.0.0')![2]];
    expect(rows.get('1.0.0')).toEqual([r1, r1, r1]);
    expect(rows.get('1')).toEqual([r1, r2, r2]);
    expect(rows.get('2')).toEqual(['-', '-', r3]);
    expect(rows.get('latest')).toEqual([r1, r2, r3]);
  });

  it('digests: blobs verify, a tampered blob is refused, a digest pin survives a moved tag, RepoDigests = sha256(manifest)', () => {
    expect(text('s3-verify-blobs').trim().split('\n').every((l) => l.startsWith('일치'))).toBe(true);
    expect(text('s3-tamper-pull')).toContain('BlobVerificationError: filesystem layer verification failed for digest sha256:');
    const [byTag, byDigest] = text('s3-pin-demo').trim().split('\n').map((l) => l.slice(0, 12));
    expect(byTag).not.toBe(byDigest);
    const m = /sha256\(매니페스트 바이트\): (sha256:[0-9a-f]{64})\n[\s\S]*@(sha256:[0-9a-f]{64})/.exec(text('s3-manifest-hash'))!;
    expect(m[1]).toBe(m[2]);
  });

  it('four digests: all different, the config digest is the image ID', () => {
    const digests = text('s3-four-digests-table').split('\n').filter((l) => l.startsWith('sha256:')).map((l) => l.slice(0, 71));
    expect(digests).toHaveLength(4);
    expect(new Set(digests).size).toBe(4);
    expect(text('s3-four-digests-table')).toContain('sha256(설정 JSON) = docker inspect의 Id? true');
  });

  it('reproducibility: same clock → same ID, a day later → another', () => {
    const [laptop, ci, tomorrow] = text('s3-repro').trim().split('\n').map((l) => l.slice(0, 12));
    expect(laptop).toBe(ci);
    expect(tomorrow).not.toBe(laptop);
  });

  it('push: v2 sends one new layer, the others already exist', () => {
    const push = cliText('s4-push-demo');
    expect(push.match(/: Pushed/g)).toHaveLength(1);
    expect(push.match(/Layer already exists/g)!.length).toBeGreaterThanOrEqual(4);
    expect(svg('s4-push-demo', 1)).toContain('docker push web:v2');
  });

  it('layer analysis: nginx:alpine has 8 layers, none for a package-index update; the share matrix', () => {
    const rows = cliText('s5-history').split('\n').filter((l) => /\t/.test(l)).slice(1);
    expect(rows.filter((r) => !/\t0B\t/.test(r))).toHaveLength(8);
    expect(rows.some((r) => /apk update/.test(r))).toBe(false);
    const matrix = text('s5-matrix').trim().split('\n');
    const row = (name: string): number[] => matrix.find((l) => l.trim().startsWith(name + ' '))!.trim().split(/\s+/).slice(1).map(Number);
    expect(row('node:18')).toEqual([1, 8, 4, 3, 0, 0, 0, 0, 0]);
    expect(row('nginx:alpine')).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 8]);
  });

  it('each check cell gives a hint on the starter answer, each solution passes, the checklist is ticked', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(text(`ex${n}-check`), `ex${n}`).toMatch(/^❌ 실습 01-\d: .+\n\s+힌트: .+/);
      expect(text(`ex${n}-solution`), `ex${n}`).toMatch(/✅ 실습 01-\d 통과: /);
    }
    expect(text('wrap-up-checklist').match(/^\[x\]/gm)).toHaveLength(4);
  });

  it('pair 2: 100 containers of node:18-slim: one image on disk plus 100 tiny writable layers', () => {
    expect(cliText('pair-disk-measure')).toMatch(/Images\s+1\s+1\s+244MB/);
    expect(cliText('pair-disk-measure')).toMatch(/Containers\s+100\s+100\s+1\.\d+kB/);
    expect(text('pair-disk-measure')).toContain('100벌을 복사했다면: 24.4GB');
  });

  it('pair 1: team A ran the buggy 1.4.2, team B never did', () => {
    const rows = text('pair-latest').trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/).slice(0, 2));
    expect(rows).toEqual([['1.4.1', '1.4.1'], ['1.4.2', '1.4.1'], ['1.4.1', '1.4.1'], ['1.4.3', '1.4.3']]);
  });
});
