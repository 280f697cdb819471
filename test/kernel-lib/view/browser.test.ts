import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { haveChromium, launchChromium, renderHtml } from './chromium';
import { layerStack } from '../../../kernel-lib/src/view/diagram/layerStack';
import { unionView } from '../../../kernel-lib/src/view/diagram/unionView';
import { cacheWalk } from '../../../kernel-lib/src/view/diagram/cacheWalk';
import { stageDag } from '../../../kernel-lib/src/view/diagram/stageDag';
import { baseImageSizesPlot } from '../../../kernel-lib/src/view/plot/baseImageSizes';
import { buildTimelinePlot } from '../../../kernel-lib/src/view/plot/buildTimeline';
import { historyTable } from '../../../kernel-lib/src/view/display/cliViews';
import type { Figure } from '../../../kernel-lib/src/view/display/Figure';
import { parallelStages, parallelSteps, practice2Rebuild, threeImages } from './samples';

/**
 * Every figure loads as an `<img>` in real Chromium (an SVG that is not well-formed XML, or lacks
 * its namespace, gives naturalWidth 0) at the size it declares, with Hangul drawn in a CJK font.
 */
const figures: Array<[string, () => Figure]> = [
  ['layer stack', () => layerStack(threeImages, { containers: [{ name: 'web', image: 'node:18', changes: [{ kind: 'A', path: '/x' }] }] })],
  ['union view', () => unionView({ lower: [{ label: 'base', entries: [{ path: '/a', type: 'file', size: 3 }] }], upper: { label: 'c', entries: [{ path: '/a', type: 'whiteout' }] } })],
  ['cache walk', () => cacheWalk(practice2Rebuild)],
  ['stage DAG', () => stageDag(parallelStages)],
  ['plot: base sizes', () => baseImageSizesPlot([{ name: 'ubuntu:20.04', size: 72_800_000 }, { name: 'alpine:3.18', size: 7_040_000 }])],
  ['plot: timeline', () => buildTimelinePlot(parallelSteps)],
];

describe.skipIf(!haveChromium)('figures in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); }, 60_000);
  afterAll(async () => { await browser?.close(); });

  test.each(figures)('%s renders as an <img>', async (_name, make) => {
    const f = make();
    const r = await renderHtml(browser, f.html());
    expect(r.naturalWidth).toBe(f.width);
    expect(r.naturalHeight).toBe(Math.round(f.height));
    expect(r.png.length).toBeGreaterThan(5_000);
  });

  test('an HTML table keeps its inline styles and cells', async () => {
    const page = await browser.newPage();
    await page.setContent(historyTable([{ Id: '<missing>', Created: 0, CreatedBy: 'RUN x', Size: 45, Comment: '' }], { now: 10 }).html());
    expect(await page.locator('th').allTextContents()).toEqual(['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT']);
    expect(await page.locator('td').first().evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('pre');
    await page.close();
  });

  test('Hangul is drawn with a CJK font (not tofu)', async () => {
    const page = await browser.newPage();
    await page.setContent(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60">${layerStack(threeImages[2]!).svg.match(/font-family="([^"]*)"/)![0].replace('font-family', '<text x="0" y="40" font-size="30" font-family')}>레이어</text></svg>`.replace('<text x="0" y="40" font-size="30" font-family="', '<text x="0" y="40" font-size="30" font-family="'));
    const width = await page.locator('text').evaluate((t) => (t as SVGTextElement).getComputedTextLength());
    await page.close();
    // Three Hangul syllables at 30px in a CJK font are ~90px wide; a missing glyph box is narrower.
    expect(width).toBeGreaterThan(80);
  });
});
