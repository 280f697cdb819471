/**
 * Semantic checks on notebook 02 (layer structure) as committed: the outputs of its key cells
 * carry the values the lesson talks about, its structure follows COURSE.md, and every ⚠ item of
 * COVERAGE.md has its fact-check box. (notebooks.test.ts re-executes it and compares every output.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR } from '../../tools/paths';
import { readNotebook, type Cell } from '../../tools/nbformat';
import { sumMinutesColumn } from '../../slides/outline/timePlan';
import { svgFromFigureHtml } from '../../kernel-lib/src/view';

const notebook = readNotebook(join(NOTEBOOKS_DIR, '02-layer-structure.ipynb'));
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

/** The SVG of the n-th figure a cell showed. */
function svg(id: string, n = 0): string {
  return svgFromFigureHtml(html(id)[n] ?? '') ?? '';
}

/** The HTML displays of a code cell (figures and CLI views sent with `show`). */
function html(id: string): string[] {
  const c = cell(id);
  if (c.cell_type !== 'code') throw new Error(`${id} is not code`);
  return c.outputs.flatMap((o) => (o.output_type === 'display_data' && typeof o.data['text/html'] === 'string' ? [o.data['text/html'] as string] : []));
}

const meta = (c: Cell): Record<string, unknown> => c.metadata as Record<string, unknown>;
const tags = (c: Cell): string[] => (c.metadata.tags as string[] | undefined) ?? [];

describe('notebook 02: structure', () => {
  it('lists every coverage id 02.01–02.43 in the first cell after the title', () => {
    const ids = Array.from({ length: 43 }, (_, i) => `02.${String(i + 1).padStart(2, '0')}`);
    expect(cells[0]!.id).toBe('title');
    expect(meta(cells[1]!).coverage).toEqual(ids);
  });

  it('has slideshow metadata on every cell and the tslab kernelspec', () => {
    for (const c of cells) expect(typeof (c.metadata.slideshow as { slide_type?: string } | undefined)?.slide_type, c.id).toBe('string');
    expect(notebook.metadata.kernelspec).toEqual({ display_name: 'TypeScript', language: 'typescript', name: 'tslab' });
    expect(notebook.nbformat_minor).toBe(5);
  });

  it('plans 50 minutes (core concepts 35) in both the visible table and the cells’ minutes', () => {
    const table = cells.find((c) => tags(c).includes('time-plan'))!;
    expect(sumMinutesColumn(table.source)).toBe(50);
    const minutes = cells.map((c) => (meta(c).layerlab as { minutes?: number } | undefined)?.minutes).filter((m): m is number => m !== undefined);
    expect(minutes).toEqual([5, 12, 12, 11, 5, 5]);
    expect(minutes.slice(1, 4).reduce((a, b) => a + b, 0)).toBe(35);
  });

  it('hides every solution and model answer, and pairs each exercise with a check', () => {
    const solutions = cells.filter((c) => tags(c).includes('solution'));
    expect(solutions.length).toBeGreaterThanOrEqual(6);
    for (const s of solutions) expect(meta(s).jupyter, s.id).toEqual({ source_hidden: true });
    const exercises = cells.filter((c) => tags(c).includes('exercise'));
    for (const e of exercises) {
      const next = cells[cells.indexOf(e) + 1]!;
      expect(tags(next), `${e.id} is followed by its check`).toContain('check');
    }
  });

  it('ticks all four outcomes of the wrap-up when every solution ran', () => {
    expect(text('wrapup-checklist').split('\n').slice(0, 4).every((l) => l.startsWith('[x]'))).toBe(true);
  });

  it('has a fact-check box for each ⚠ item it can show', () => {
    const boxes = cells.filter((c) => c.cell_type === 'markdown' && c.source.includes('> **사실 확인**')).map((c) => c.id);
    // 02.09 order, 02.11 hostname, 02.14 diff parents, 02.15 MergedDir, 02.21 Go/cgo, 02.23 layer count, 02.24 musl, 02.26 dated sizes, 02.33 image ID
    expect(boxes).toEqual(expect.arrayContaining(['c1-order-intro', 'c1-cow-intro', 'c2-diff-fact', 'c2-merged-intro', 'c3-go-fact', 'c3-layercount-intro', 'c3-alpine-fact', 'c3-sizes-fact', 'image-id-intro']));
  });

  it('links every glossary term to a heading of this notebook', () => {
    const headings = new Set(cells.filter((c) => c.cell_type === 'markdown').flatMap((c) => [...c.source.matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1]!.trim().replace(/`/g, '').replace(/ /g, '-'))));
    const links = [...(cell('keywords').source + cell('keywords-2').source).matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(8);
    for (const l of links) expect(headings, l).toContain(l);
  });
});

describe('notebook 02: key outputs', () => {
  it('why: 2 GB vs 200 MB to 10 nodes over 1 Gbit/s is 160 s vs 16 s; the slim Python image is far smaller to pull', () => {
    const t = text('why-pull');
    expect(t).toMatch(/2GB\s+160\.0초\s+2 GB 이미지/);
    expect(t).toMatch(/200MB\s+16\.0초\s+200 MB 이미지/);
    const mb = (name: string): number => {
      const m = new RegExp(`([\\d.]+)(MB|GB)\\s+[\\d.]+초\\s+${name.replace('.', '\\.')}\\n`).exec(t)!;
      return Number(m[1]) * (m[2] === 'GB' ? 1000 : 1);
    };
    expect(mb('python:3.11') / mb('python:3.11-slim')).toBeGreaterThan(5);
  });

  it('inspect nginx:alpine: the grep shows the RootFS block with its layer diffIDs', () => {
    const block = html('c2-rootfs')[0]!;
    expect(block).toContain('docker inspect nginx:alpine | grep -A 10 &quot;RootFS&quot;');
    expect(block).toMatch(/&quot;RootFS&quot;: \{/);
    expect(block).toMatch(/&quot;sha256:[0-9a-f]{64}&quot;/);
    expect(text('c2-rootfs')).toBe('nginx:alpine의 레이어: 8개 (맨 위가 가장 나중에 쌓인 레이어)\n');
  });

  it('layer count: the same bytes in 10 layers or 1 weigh the same; only deleting in the same RUN saves', () => {
    const rows = text('c3-layercount').split('\n').slice(1, 5).map((l) => /^\s*(\d+)개\s+(\S+)\s+(.+)$/.exec(l)!.slice(1));
    expect(rows.map((r) => r[0])).toEqual(['11', '2', '3', '2']);
    expect(rows[0]![1]).toBe(rows[1]![1]);
    expect(rows[2]![1]).toBe(rows[0]![1]);
    expect(rows[3]![1]).toBe('7.04MB');
  });

  it('.dockerignore keeps node_modules and .git out of the context and the image', () => {
    const t = text('c3-dockerignore');
    expect(t).toContain('.dockerignore 없음: 컨텍스트 120MB');
    expect(t).toMatch(/\.dockerignore 있음: 컨텍스트 \d+B, 이미지 244MB/);
  });

  it('base image sizes: the seed’s ratios node:18 ≈ 5.7× alpine, ≈ 4.1× slim', () => {
    expect(text('c3-sizes')).toBe('node:18은 node:18-alpine의 5.7배, node:18-slim의 4.1배\n');
    const figure = svg('c3-sizes');
    for (const label of ['993MB', '244MB', '174MB', '72.8MB']) expect(figure).toContain(`>${label}<`);
  });

  it('pair 1: a common base is pulled once, different bases are pulled each', () => {
    const t = text('pair1');
    const [same, mixed] = [...t.matchAll(/받은 양\s+([\d.]+)MB/g)].map((m) => Number(m[1]));
    expect(mixed! / same!).toBeGreaterThan(5);
  });

  it('pair 3: latest and the major tag move with every release, prod stays on the release in production', () => {
    const rows = new Map(text('pair3').split('\n').slice(1).filter(Boolean).map((l) => { const [tag, ...ids] = l.trim().split(/\s+/); return [tag!, ids]; }));
    const [r1, r2, r3] = [rows.get('1.0.0')![0], rows.get('1.0.1')![1], rows.get('1.1.0')![2]];
    expect(rows.get('latest')).toEqual([r1, r2, r3]);
    expect(rows.get('1')).toEqual([r1, r2, r3]);
    expect(rows.get('1.0')).toEqual([r1, r2, r2]);
    expect(rows.get('prod')).toEqual([r1, r2, r2]);
    expect(rows.get('1.0.0')).toEqual([r1, r1, r1]);
  });

  it('image ID is the digest of the config JSON and differs from the repo digest', () => {
    const lines = text('image-id').split('\n');
    const value = (i: number): string => lines[i]!.split(': ')[1]!.trim();
    expect(value(0)).toBe(value(1));
    expect(value(2)).toMatch(/^ubuntu@sha256:[0-9a-f]{64}$/);
    expect(value(2).split('@')[1]).not.toBe(value(0));
  });

  it('the container layer holds a new file, a copied-up file and a whiteout', () => {
    expect(text('c1-rw')).toMatch(/etc\/\.wh\.issue\.net\s+← 삭제 표시\(whiteout\)/);
    expect(text('c1-rw')).toContain('  etc/profile');
    expect(text('c1-rw')).toContain('  root/notes.txt');
    expect(html('c1-rw')[0]).toContain('C /etc\nD /etc/issue.net\nC /etc/profile\nC /root\nA /root/notes.txt</pre>');
  });

  it('/etc/hostname is a bind mount: no copy-up, empty diff, busy on rm; /etc/issue is copied up', () => {
    const t = text('c1-cow');
    expect(t).toContain('copy-up 0건, docker diff demo → 0줄');
    expect(t).toContain("rm: can't remove '/etc/hostname': Resource busy");
    expect(t).toContain('copy-up: /etc/issue (파일)');
    expect(t).toMatch(/C \/etc\nC \/etc\/issue\n$/);
  });

  it('docker diff web lists the parent /tmp as C beside the new file', () => {
    expect(text('c2-diff')).toBe('C /tmp\nA /tmp/newfile.txt\n');
    expect(text('c2-run')).toContain('종료 코드 0');
  });

  it('the merged view shows the image’s files and the container’s new file together', () => {
    expect(text('c2-merged')).toMatch(/\/tmp:\ntotal \d+\n-rw-r--r-- .+ newfile\.txt/);
    expect(text('c2-merged')).toMatch(/nginx\.conf/);
    expect(svg('c2-merged-plot')).toContain('merged');
  });

  it('100 containers: one image plus 100 tiny writable layers', () => {
    const t = text('c3-hundred');
    expect(t).toMatch(/^이미지 1벌 42\.9MB \+ 컨테이너 레이어 100장 [\d.]+kB/);
    expect(t).toContain('→ 100');
    const figure = svg('c3-hundred-plot');
    expect(figure).toContain('>4.29GB<');
  });

  it('isolation and ephemerality: each container sees its own edit; only the volume survives rm', () => {
    expect(text('c3-isolation')).toMatch(/left was here\n.+right was here\n.+Ubuntu 20\.04\.6 LTS/);
    expect(text('c3-ephemeral')).toMatch(/order 1\n.+No such file or directory/);
  });

  it('the Python-on-Ubuntu image: docker history shows its three layers over ubuntu:20.04, CMD as 0B', () => {
    const rows = text('c1-build').split('\n');
    expect(rows[0]).toMatch(/^IMAGE +CREATED +CREATED BY +SIZE +COMMENT$/);
    expect(rows[1]).toMatch(/CMD \["python3" "\/app\/app\.py"\] +0B /);
    expect(rows[2]).toMatch(/COPY app\.py \/app\/app\.py # buildkit +46B /);
    expect(rows[3]).toMatch(/RUN \/bin\/sh -c pip3 install flask==3\.0\.0 # b… +\d/);
    expect(rows[4]).toMatch(/RUN \/bin\/sh -c apt-get update && apt-get ins… +\d+MB /);
    expect(rows.some((r) => /ADD file:.+ 72\.8MB/.test(r))).toBe(true);
  });

  it('the layer stack has 4 layers and the container py1 on top', () => {
    const stack = svg('c1-stack-plot');
    expect(stack).toContain('pyapp:1.0  (레이어 4개');
    expect(stack).toContain('[R/W] 컨테이너 py1: C /tmp, A /tmp/started.txt');
  });

  it('reuse: pyworker takes the Python layer from the cache; the base is shared by three images', () => {
    expect(text('c1-reuse')).toMatch(/^CACHED  RUN apt-get update && apt-get install -y python3 python3-pip\n실행 +RUN pip3 install requests/);
    const figure = svg('c1-reuse-plot');
    expect(figure).toContain('[공유 ×3]');
    expect(figure).toContain('[공유 ×2]');
  });

  it('six images on one Ubuntu base: the sharing figure’s numbers add up', () => {
    const desc = /<desc>([^<]+)<\/desc>/.exec(svg('c1-share-plot'))![1]!;
    const m = /이미지 6개: 공유 없이 ([\d.]+)(GB|MB) · 실제 ([\d.]+)MB · 절약 ([\d.]+)MB/.exec(desc)!;
    const without = Number(m[1]) * (m[2] === 'GB' ? 1000 : 1);
    expect(Math.abs(without - Number(m[3]) - Number(m[4]))).toBeLessThan(10); // sizes are rounded to 3 digits
    expect(Number(m[4])).toBeGreaterThan(400);
  });

  it('layer order: code under dependencies reruns pip after an edit, dependencies under code reruns only COPY', () => {
    const [seed, right] = text('c1-order').split('\n');
    expect(seed).toMatch(/^다시 실행 2단계 · 새 레이어 +3MB .+원자료 순서/);
    expect(right).toMatch(/^다시 실행 1단계 · 새 레이어 +\d+B .+권장 순서/);
  });

  it('multi-stage: the final image is alpine plus one binary; no Go toolchain in its history', () => {
    const t = text('c3-multistage');
    expect(t).not.toMatch(/golang|go build/);
    expect(t).toMatch(/COPY \/out\/server \/usr\/local\/bin\/server/);
    const desc = /<desc>([^<]+)<\/desc>/.exec(svg('c3-multistage-plot'))![1]!;
    expect(desc).toMatch(/builder 스테이지 +9\d\dMB/);
    expect(desc).toMatch(/최종 이미지 server:1\.0 +[\d.]+MB/);
  });

  it('optimisation waterfall: each technique shrinks the image, the base change most', () => {
    const sizes = text('c3-optimise').split('\n').slice(0, 5).map((l) => { const m = /^\s*([\d.]+)(GB|MB)/.exec(l)!; return Number(m[1]) * (m[2] === 'GB' ? 1000 : 1); });
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeLessThanOrEqual(sizes[i - 1]!);
    expect(sizes[1]! - sizes[2]!).toBeGreaterThan(sizes[0]! - sizes[1]!);
  });

  it('100 containers show up in docker system df as tiny writable layers', () => {
    expect(text('c3-hundred')).toMatch(/Containers +10\d +10\d +[\d.]+kB/);
  });

  it('each check cell gives a hint on the starter answer, and each solution passes', () => {
    for (const id of ['ex1', 'ex2', 'ex3', 'ex4', 'ex5', 'ex6']) {
      expect(text(`${id}-check`), id).toMatch(/^❌ 실습 02-\d: .+\n[\s\S]*   힌트: .+/);
      expect(text(`${id}-solution`), id).toMatch(/✅ 실습 02-\d 통과: /);
    }
  });
});
