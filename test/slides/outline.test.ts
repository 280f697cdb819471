import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDeck, exportNotebook } from '../../slides/exportDeck';
import type { DeckCell, DeckNotebook } from '../../slides/notebook/types';
import { readMinutes, sumMinutesColumn } from '../../slides/outline/timePlan';
import { SlidesError } from '../../slides/SlidesError';

const FIXTURE = join(__dirname, '..', 'fixtures', 'slides', 'every-slide-type.ipynb');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'layerlab-outline-'));

function md(source: string, type: string, extra: Record<string, unknown> = {}): DeckCell {
  return { cell_type: 'markdown', source, metadata: { slideshow: { slide_type: type }, ...extra } };
}

describe('the time plan (cell metadata layerlab.minutes)', () => {
  it('turns the fixture’s minutes into blocks with clock times and slide ranges', () => {
    const deck = exportDeck(FIXTURE, tmp());
    expect(deck.plan.blocks.map((b) => [b.start, b.minutes, b.firstSlide, b.lastSlide, b.title])).toEqual([
      [0, 5, 2, 2, '슬라이드 형식 모음'],
      [5, 10, 3, 3, '세로 슬라이드: 다이어그램'],
      [15, 3, 4, 5, '긴 출력과 오류'],
      [18, 2, 6, 7, '마무리'],
    ]);
    expect(deck.plan.total).toBe(20);
    expect(deck.plan.tableTotal).toBe(20);
  });

  it('writes the outline with the plan and every slide’s notes', () => {
    const deck = exportDeck(FIXTURE, tmp());
    const outline = readFileSync(deck.outlineFile, 'utf8');
    expect(outline).toContain('| 0:15 | 3 | 4–5 | 긴 출력과 오류 |');
    expect(outline).toContain('| 0:20 | **20** | | 끝 |');
    expect(outline).toContain('### 4. 긴 출력과 오류 — ⏱ 0:15부터 3분\n\n노트: 오류 메시지를 읽어 주기 CELL-15\n');
    expect(outline).toContain('### 1. 슬라이드 형식 모음\n\n발표자 노트: 첫 화면 전에 적힌 노트 CELL-00');
    expect(outline).toContain('- 슬라이드 7장, 노트가 있는 슬라이드 4장');
  });

  it('warns when the visible time-plan table and the metadata disagree', () => {
    const notebook: DeckNotebook = {
      metadata: {},
      cells: [
        md('# 제목\n\n| 활동 | 분 |\n|---|---|\n| 도입 | 10 |\n| 실습 | 25분 |\n| **합계** | 35 |', 'slide', { tags: ['time-plan'], layerlab: { minutes: 10 } }),
        md('## 실습', 'slide', { layerlab: { minutes: 20 } }),
      ],
    };
    const deck = exportNotebook(notebook, join(tmp(), '03-x.ipynb'), tmp());
    expect(deck.plan.tableTotal).toBe(35);
    expect(deck.warnings).toEqual(["the time-plan table adds up to 35 min but the cells' layerlab.minutes add up to 30 min; make them agree"]);
  });

  it('says when slides come before the first timed cell', () => {
    const notebook: DeckNotebook = { metadata: {}, cells: [md('# a', 'slide'), md('## b', 'slide'), md('## c', 'slide', { layerlab: { minutes: 5 } })] };
    expect(exportNotebook(notebook, join(tmp(), '01-a.ipynb'), tmp()).warnings).toEqual(['slides 2–3 come before the first cell with layerlab.minutes and have no time']);
  });

  it('refuses minutes that are not a positive number, naming the cell and the fix', () => {
    expect(() => readMinutes({ metadata: { layerlab: { minutes: '10' } } }, 4, 'nb.ipynb')).toThrow(
      'nb.ipynb: cell 4 has layerlab.minutes "10"; write a positive number of minutes, e.g. {"layerlab": {"minutes": 10}}',
    );
    expect(() => readMinutes({ metadata: { layerlab: { minutes: 0 } } }, 0, 'nb.ipynb')).toThrow(SlidesError);
    expect(() => readMinutes({ metadata: { layerlab: 5 } }, 0, 'nb.ipynb')).toThrow(/metadata "layerlab" must be an object/);
    expect(readMinutes({ metadata: { layerlab: { minutes: 2.5 } } }, 0, 'nb.ipynb')).toBe(2.5);
  });

  it('sums the last numeric column of a time-plan table, skipping a total row', () => {
    expect(sumMinutesColumn('| # | 내용 | 시간 |\n|---|---|---|\n| 1 | 도입 | 5분 |\n| 2 | 본론 | 10 min |\n| 합계 | | 15분 |')).toBe(15);
    expect(sumMinutesColumn('| 시각 | 내용 |\n|---|---|\n| 0:00 | 도입 |')).toBeUndefined();
    expect(sumMinutesColumn('no table')).toBeUndefined();
  });
});

describe('deck names and titles', () => {
  it('keeps a numbered notebook’s name and numbers an unnumbered one 00', () => {
    const notebook: DeckNotebook = { metadata: { layerlab: { session: '1주차 · 2일차 · 4교시' } }, cells: [md('# 이미지와 컨테이너', 'slide')] };
    const numbered = exportNotebook(notebook, '/x/01-images-and-containers.ipynb', tmp());
    expect(numbered.info).toMatchObject({ slug: '01-images-and-containers', number: '01', title: '이미지와 컨테이너', session: '1주차 · 2일차 · 4교시' });
    expect(numbered.deckFile.endsWith('/01-images-and-containers.html')).toBe(true);
    expect(numbered.outlineFile.endsWith('/01-images-and-containers-outline.md')).toBe(true);
    expect(exportNotebook(notebook, '/x/index.ipynb', tmp()).info).toMatchObject({ slug: '00-index', number: '00' });
    const prefixed: DeckNotebook = { metadata: {}, cells: [md('# 01 · Docker 이미지와 컨테이너', 'slide')] };
    expect(exportNotebook(prefixed, '/x/01-a.ipynb', tmp()).info.title).toBe('Docker 이미지와 컨테이너');
    expect(exportNotebook(prefixed, '/x/02-a.ipynb', tmp()).info.title).toBe('01 · Docker 이미지와 컨테이너');
  });

  it('prefers layerlab.title, then metadata.title, then the first # heading', () => {
    const cells = [md('## not h1', 'slide'), md('# 첫 H1', '-')];
    expect(exportNotebook({ metadata: {}, cells }, '/x/02-a.ipynb', tmp()).info.title).toBe('첫 H1');
    expect(exportNotebook({ metadata: { title: '메타 제목' }, cells }, '/x/02-a.ipynb', tmp()).info.title).toBe('메타 제목');
    expect(exportNotebook({ metadata: { title: '메타', layerlab: { title: '레이어랩 제목' } }, cells }, '/x/02-a.ipynb', tmp()).info.title).toBe('레이어랩 제목');
  });

  it('refuses layerlab metadata of the wrong type', () => {
    expect(() => exportNotebook({ metadata: { layerlab: { session: 4 } }, cells: [md('# a', 'slide')] }, '/x/01-a.ipynb', tmp())).toThrow(
      '/x/01-a.ipynb: notebook metadata layerlab.session must be a string, found 4',
    );
  });
});
