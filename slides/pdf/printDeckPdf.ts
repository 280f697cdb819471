/**
 * Prints a deck to PDF the way reveal.js documents it: open `deck.html?print-pdf`, wait for the
 * print layout (reveal's pdf-ready, via the boot script), then print with the page size reveal.js
 * set in CSS. One slide per page (pdfSeparateFragments off, pdfMaxPagesPerSlide 1); with `notes`,
 * every slide that has speaker notes is followed by a page of its notes (showNotes=separate-page).
 */
import type { Browser } from 'playwright-core';
import { REVEAL_CONFIG } from '../render/renderDeck';
import { SlidesError } from '../SlidesError';
import { openDeck } from './chromium';

export interface PrintedPdf {
  readonly file: string;
  /** Pages the deck's layout predicts: slides, plus one per slide with notes when printing notes. */
  readonly expectedPages: number;
  readonly consoleErrors: readonly string[];
}

export async function printDeckPdf(browser: Browser, deckFile: string, pdfFile: string, options: { notes: boolean; slides: number; notedSlides: number }): Promise<PrintedPdf> {
  const pageWidth = Math.floor(REVEAL_CONFIG.width * (1 + REVEAL_CONFIG.margin));
  const pageHeight = Math.floor(REVEAL_CONFIG.height * (1 + REVEAL_CONFIG.margin));
  const context = await browser.newContext({ viewport: { width: pageWidth, height: pageHeight } });
  try {
    const page = await context.newPage();
    const opened = await openDeck(page, deckFile, options.notes ? 'print-pdf&showNotes=separate-page' : 'print-pdf');
    if (opened.state.status !== 'ready') {
      throw new SlidesError('SLIDES_BROWSER', `${deckFile}: the deck reported errors, not printing it: ${opened.state.errors.join('; ')}`, { data: { deckFile, errors: opened.state.errors } });
    }
    await page.pdf({ path: pdfFile, printBackground: true, preferCSSPageSize: true });
    return { file: pdfFile, expectedPages: options.slides + (options.notes ? options.notedSlides : 0), consoleErrors: opened.consoleErrors };
  } finally {
    await context.close();
  }
}
