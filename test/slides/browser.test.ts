/**
 * Every deck — the fixture and every notebook in notebooks/ — opened in headless Chromium (Debian
 * /usr/bin/chromium through playwright-core): reveal.js starts, the slide count is the one the
 * notebook's slideshow metadata implies (counted here independently of the exporter), notes exist,
 * no mermaid block is left unrendered, nothing is logged as an error, Hangul is drawn with a CJK
 * font, and a figure slide's screenshot is not blank.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyVendorAssets } from '../../slides/assets/copyVendorAssets';
import { courseNotebooks } from '../../slides/cli';
import { exportDeck, type ExportedDeck } from '../../slides/exportDeck';
import { CHROMIUM_PATH, launchChromium, openDeck, type OpenedDeck } from '../../slides/pdf/chromium';

const FIXTURE = join(__dirname, '..', 'fixtures', 'slides', 'every-slide-type.ipynb');
const NOTEBOOKS = [FIXTURE, ...courseNotebooks()];
const outDir = mkdtempSync(join(tmpdir(), 'layerlab-decks-'));
copyVendorAssets(outDir);

/** Slides implied by the metadata, counted straight from the JSON: title + first visible + slide/subslide cells after it. */
function countFromMetadata(path: string): { slides: number; horizontal: number; notes: number } {
  const cells = (JSON.parse(readFileSync(path, 'utf8')) as { cells: { metadata?: { slideshow?: { slide_type?: string } }; source: string | string[] }[] }).cells;
  const types = cells.map((cell) => cell.metadata?.slideshow?.slide_type ?? '-');
  const first = types.findIndex((type) => type !== 'skip' && type !== 'notes');
  const after = types.slice(first + 1);
  const notes = cells.filter((cell, i) => types[i] === 'notes' && [cell.source].flat().join('').trim() !== '').length;
  return { slides: 2 + after.filter((t) => t === 'slide' || t === 'subslide').length, horizontal: 2 + after.filter((t) => t === 'slide').length, notes };
}

/** Distinct colours and the share of non-white pixels of a PNG, decoded by the browser itself. */
async function pixelStats(page: Page, png: Buffer): Promise<{ colours: number; inked: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set<number>();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      colours.add((r << 16) | (g << 8) | b);
      if (r < 235 || g < 235 || b < 235) inked++;
    }
    return { colours: colours.size, inked: inked / (data.length / 4) };
  }, png.toString('base64'));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!existsSync(CHROMIUM_PATH))('decks in headless Chromium', () => {
  for (const notebook of NOTEBOOKS) {
    const name = notebook.split('/').pop() ?? notebook;
    describe(name, () => {
      let deck: ExportedDeck;
      let page: Page;
      let opened: OpenedDeck;
      beforeAll(async () => {
        deck = exportDeck(notebook, outDir);
        page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        opened = await openDeck(page, deck.deckFile, 'transition=none');
      }, 60_000);
      afterAll(async () => {
        await page?.close();
      });

      it('starts reveal.js without errors', async () => {
        expect(opened.state.errors).toEqual([]);
        expect(opened.consoleErrors).toEqual([]);
        expect(opened.state.status).toBe('ready');
        expect(await page.evaluate(() => window.Reveal.isReady())).toBe(true);
      });

      it('has as many slides as the slideshow metadata says, plus the title slide', async () => {
        const expected = countFromMetadata(notebook);
        expect(deck.layout.slides.length).toBe(expected.slides);
        expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(expected.slides);
        expect(await page.evaluate(() => window.Reveal.getHorizontalSlides().length)).toBe(expected.horizontal);
      });

      it('has speaker notes where the notebook has notes cells', async () => {
        const expected = countFromMetadata(notebook);
        expect(expected.notes).toBeGreaterThan(0);
        const asides = await page.evaluate(() => document.querySelectorAll('.reveal aside.notes').length);
        expect(asides).toBe(expected.notes);
        const noted = await page.evaluate(() => window.Reveal.getSlides().filter((slide) => (window.Reveal.getSlideNotes(slide) ?? '').trim() !== '').length);
        expect(noted).toBe(deck.layout.slides.filter((slide) => slide.notes.length > 0).length);
      });

      it('leaves no mermaid block unrendered', async () => {
        const mermaid = await page.evaluate(() =>
          Array.from(document.querySelectorAll('pre.mermaid')).map((block) => {
            const svg = block.querySelector('svg');
            const box = svg?.getBoundingClientRect();
            return { processed: block.getAttribute('data-processed'), svg: Boolean(svg), width: svg ? Number(svg.getAttribute('viewBox')?.split(' ')[2]) : 0, box: box?.width ?? 0 };
          }),
        );
        for (const block of mermaid) {
          expect(block.processed).toBe('true');
          expect(block.svg).toBe(true);
          expect(block.width).toBeGreaterThan(50);
        }
        expect(opened.state.mermaid).toBe(mermaid.length);
      });

      it('draws Hangul with a Korean font from the stack', async () => {
        const session = await page.context().newCDPSession(page);
        await session.send('DOM.enable');
        await session.send('CSS.enable');
        const { root } = await session.send('DOM.getDocument');
        const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.title-slide h1' });
        const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
        const title = await page.evaluate(() => document.querySelector('.title-slide h1')?.textContent ?? '');
        if (/[가-힣]/.test(title)) expect(fonts.map((font) => font.familyName)).toContain('Noto Sans CJK KR');
        await session.detach();
      });

      it('shows every figure, and none is blank', async () => {
        const FIGURES = ':is(.output-svg svg, .output-html svg, .output-html img, .output-image img, pre.mermaid svg)';
        const targets = await page.evaluate((selector) => {
          const slides = Array.from(document.querySelectorAll(`.reveal ${selector}`)).map((figure) => figure.closest('section:not(.stack)'));
          return [...new Set(slides)].filter((slide): slide is HTMLElement => slide !== null).map((slide) => window.Reveal.getIndices(slide));
        }, FIGURES);
        let checked = 0;
        for (const target of targets) {
          await page.evaluate(({ h, v }) => window.Reveal.slide(h, v ?? 0, 99), target);
          await page.waitForFunction(({ h, v }) => window.Reveal.getIndices().h === h && (window.Reveal.getIndices().v ?? 0) === (v ?? 0), target);
          const figures = page.locator(`.reveal section.present:not(.stack) ${FIGURES}`);
          for (let i = 0; i < (await figures.count()); i++) {
            const stats = await pixelStats(page, await figures.nth(i).screenshot());
            expect(stats.colours, `slide ${target.h}/${target.v ?? 0} figure ${i}`).toBeGreaterThan(8);
            expect(stats.inked, `slide ${target.h}/${target.v ?? 0} figure ${i}`).toBeGreaterThan(0.02);
            checked++;
          }
        }
        if (name === 'every-slide-type.ipynb') expect([targets.length, checked]).toEqual([2, 3]); // mermaid + svg on one slide, an <img> figure on another
      });
    });
  }
});

declare global {
  interface Window {
    Reveal: {
      isReady(): boolean;
      getTotalSlides(): number;
      getHorizontalSlides(): HTMLElement[];
      getSlides(): HTMLElement[];
      getSlideNotes(slide?: HTMLElement): string | null;
      getIndices(slide?: HTMLElement): { h: number; v?: number };
      slide(h: number, v?: number, f?: number): void;
    };
  }
}
