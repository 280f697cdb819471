/**
 * Printing through headless Chromium: one page per slide, and with notes one more page after every
 * slide that has notes — counted by poppler's pdfinfo, for the fixture and every course deck.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyVendorAssets } from '../../slides/assets/copyVendorAssets';
import { courseNotebooks } from '../../slides/cli';
import { exportDeck } from '../../slides/exportDeck';
import { CHROMIUM_PATH, launchChromium } from '../../slides/pdf/chromium';
import { pdfPageCount } from '../../slides/pdf/pdfPageCount';
import { printDeckPdf } from '../../slides/pdf/printDeckPdf';

const FIXTURE = join(__dirname, '..', 'fixtures', 'slides', 'every-slide-type.ipynb');
const outDir = mkdtempSync(join(tmpdir(), 'layerlab-pdf-'));
copyVendorAssets(outDir);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function printInput(notebook: string) {
  const deck = exportDeck(notebook, outDir);
  return { deck, slides: deck.layout.slides.length, notedSlides: deck.layout.slides.filter((slide) => slide.notes.length > 0).length };
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('PDF printing', () => {
  it('prints the fixture deck one slide per page, and notes on their own pages', async () => {
    const { deck, slides, notedSlides } = printInput(FIXTURE);
    expect([slides, notedSlides]).toEqual([7, 4]);
    const plain = await printDeckPdf(browser, deck.deckFile, join(outDir, 'fixture.pdf'), { notes: false, slides, notedSlides });
    expect(plain.consoleErrors).toEqual([]);
    expect(pdfPageCount(plain.file)).toBe(7);
    const notes = await printDeckPdf(browser, deck.deckFile, join(outDir, 'fixture-notes.pdf'), { notes: true, slides, notedSlides });
    expect(pdfPageCount(notes.file)).toBe(11);
    // The page is the slide canvas plus reveal's margin: floor(1280 × 1.04) × floor(720 × 1.04) CSS px = 998.25 × 561 pt.
    expect(execFileSync('pdfinfo', [plain.file], { encoding: 'utf8' })).toMatch(/Page size:\s+99\d(\.\d+)? x 561(\.\d+)? pts/);
    // Hangul is in the PDF as text (the notes page of the title slide).
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', notes.file, '-'], { encoding: 'utf8' })).toContain('첫 화면 전에 적힌 노트 CELL-00');
  }, 240_000);

  for (const notebook of courseNotebooks()) {
    it(`prints ${notebook.split('/').pop()} with its notes pages`, async () => {
      const { deck, slides, notedSlides } = printInput(notebook);
      const printed = await printDeckPdf(browser, deck.deckFile, deck.deckFile.replace(/\.html$/, '-notes.pdf'), { notes: true, slides, notedSlides });
      expect(printed.consoleErrors).toEqual([]);
      expect(pdfPageCount(printed.file)).toBe(slides + notedSlides);
    }, 240_000);
  }
});
