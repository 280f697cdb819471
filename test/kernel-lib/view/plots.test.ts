import { describe, expect, test } from 'vitest';
import { baseImageSizesPlot } from '../../../kernel-lib/src/view/plot/baseImageSizes';
import { layerSizesPlot } from '../../../kernel-lib/src/view/plot/layerSizes';
import { sharingDiskPlot } from '../../../kernel-lib/src/view/plot/sharingDisk';
import { copyUpCostPlot } from '../../../kernel-lib/src/view/plot/copyUpCost';
import { buildTimelinePlot } from '../../../kernel-lib/src/view/plot/buildTimeline';
import { editSeriesPlot } from '../../../kernel-lib/src/view/plot/editSeries';
import { transferBytesPlot } from '../../../kernel-lib/src/view/plot/transferBytes';
import { criticalPathTimePlot } from '../../../kernel-lib/src/view/plot/criticalPathTime';
import { normalisePlotSvg } from '../../../kernel-lib/src/view/plot/plotFigure';
import { PALETTE } from '../../../kernel-lib/src/view/svg/palette';
import { expectGolden, prettySvg } from './golden';
import { parallelSteps, threeImages } from './samples';
import { ids, plotBars, texts } from './svgQuery';

const seedBases = [
  { name: 'ubuntu:20.04', size: 72_800_000 },
  { name: 'node:18', size: 993_000_000 },
  { name: 'node:18-alpine', size: 174_000_000 },
  { name: 'node:18-slim', size: 244_000_000 },
];

describe('Plot figures (linkedom, deterministic SVG)', () => {
  test('base image sizes: one bar per image, largest first, CLI size labels', () => {
    const f = baseImageSizesPlot(seedBases);
    expect(plotBars(f.svg)).toHaveLength(4);
    const t = texts(f.svg);
    expect(t).toEqual(expect.arrayContaining(['993MB', '244MB', '174MB', '72.8MB', 'node:18-alpine']));
    expect(f.text.split('\n')[0]).toMatch(/^node:18 +993MB$/);
    expect(f.svg).toContain("font-family=\"'Noto Sans KR'");
    expectGolden('svg/plot-base-image-sizes.svg', prettySvg(f.svg));
  });

  test('the same figure twice is byte-identical (Plot clip ids normalised, scoped by content)', () => {
    const a = copyUpCostPlot([1e3, 1e6, 5.12e8].map((s) => ({ fileSize: s, seconds: s / 2e8, series: 'image' })));
    const b = copyUpCostPlot([1e3, 1e6, 5.12e8].map((s) => ({ fileSize: s, seconds: s / 2e8, series: 'image' })));
    expect(a.svg).toBe(b.svg);
    expect(a.svg).not.toMatch(/plot-clip-\d/);
    expect(normalisePlotSvg('<g clip-path="url(#plot-clip-7)"><clipPath id="plot-clip-7"/></g>')).toBe('<g clip-path="url(#{{id:plot-1}})"><clipPath id="{{id:plot-1}}"/></g>');
  });

  test('layer sizes: one segment per layer, shared green', () => {
    const f = layerSizesPlot(threeImages);
    const bars = plotBars(f.svg);
    expect(bars).toHaveLength(4 + 3 + 1);
    expect(bars.filter((b) => b.fill === PALETTE.sharedStroke)).toHaveLength(4);
    expect(f.text).toContain('node:18: 1:116MB* + 2:17.6MB* + 3:168MB + 4:3.4kB = 302MB');
    expectGolden('svg/plot-layer-sizes.svg', prettySvg(f.svg));
  });

  test('disk with and without sharing: Σ images vs distinct layers', () => {
    const f = sharingDiskPlot(threeImages);
    expect(plotBars(f.svg)).toHaveLength(2);
    // 302MB + 186MB + 7.04MB = 495MB apart; stored once: 495 − (116.5 + 17.6) = 361MB
    expect(f.text).toBe('이미지 3개: 공유 없이 495MB · 실제 361MB · 절약 134MB\n');
  });

  test('copy-up cost: one line per series, log size axis with docker units', () => {
    const f = copyUpCostPlot([1e3, 1e6, 1e8, 1.024e9].flatMap((s) => [
      { fileSize: s, seconds: s / 2e8, series: '이미지 레이어의 파일' },
      { fileSize: s, seconds: 0.001, series: '컨테이너가 만든 파일' },
    ]));
    expect((f.svg.match(/<g\b[^>]*aria-label="line"/g) ?? []).length).toBe(1);
    expect((f.svg.match(/<path [^>]*stroke="(#1d63ed|#d4760a)"/g) ?? []).length).toBe(2);
    expect(texts(f.svg)).toEqual(expect.arrayContaining(['1kB', '1MB', '100MB', '1GB']));
  });

  test('build timeline: bars start where the step started (parallel stages overlap)', () => {
    const f = buildTimelinePlot(parallelSteps);
    const bars = plotBars(f.svg);
    expect(bars).toHaveLength(5);
    const x = bars.map((b) => Number(b.x));
    expect(x[1]).toBe(x[2]); // stage1 and stage2 start together
    expect(f.text).toContain('끝난 시각 9.5s');
  });

  test('edit series: bars per (edit × Dockerfile), totals in the subtitle', () => {
    const edits = ['처음', 'app.js 수정', 'package.json 수정'];
    const f = editSeriesPlot(edits.flatMap((e, i) => [{ dockerfile: '나쁜 순서', edit: e, seconds: 60 }, { dockerfile: '좋은 순서', edit: e, seconds: i === 1 ? 1.5 : 60 }]));
    expect(plotBars(f.svg)).toHaveLength(6);
    expect(texts(f.svg)).toContain('합계: 나쁜 순서 180.0초 · 좋은 순서 121.5초');
    expectGolden('svg/plot-edit-series.svg', prettySvg(f.svg));
  });

  test('bytes moved by push/pull and summed vs critical path', () => {
    const t = transferBytesPlot([{ operation: 'push v1', movedBytes: 180e6, skippedBytes: 0 }, { operation: 'push v2', movedBytes: 1.2e6, skippedBytes: 178.8e6 }]);
    expect(plotBars(t.svg)).toHaveLength(4);
    expect(texts(t.svg)).toContain('전송 1.2MB');
    const c = criticalPathTimePlot([{ name: 'parallel', summedSeconds: 13.5, criticalSeconds: 9.5 }]);
    expect(plotBars(c.svg).map((b) => b.fill)).toEqual([PALETTE.muted, PALETTE.critical]);
    expect(texts(c.svg)).toEqual(expect.arrayContaining(['13.5s', '9.5s']));
    expect(new Set(ids(c.svg)).size).toBe(ids(c.svg).length);
  });
});

describe('base image sizes: long labels', () => {
  test('the left margin grows to fit the longest bar name (Plot clips tick labels outside it)', () => {
    const short = baseImageSizesPlot(seedBases);
    const long = baseImageSizesPlot([{ name: '실제: 이미지 1벌 + 컨테이너 레이어 100장', size: 43e6 }, { name: '이미지를 100벌 복사한다면', size: 4.3e9 }]);
    expect(texts(long.svg)).toContain('실제: 이미지 1벌 + 컨테이너 레이어 100장');
    // bars start at the left margin: 170 for image names, further right for a long sentence
    expect(plotBars(short.svg).map((b) => b.x)).toEqual(['170', '170', '170', '170']);
    expect(Number(plotBars(long.svg)[0]!.x)).toBeGreaterThan(300);
  });
});
