/**
 * npm run slides [-- [--pdf] [--notes] [--solutions] [--out DIR] [notebook.ipynb …]]
 *
 * Writes one deck per notebook (default: every notebooks/*.ipynb) to slides/out/<NN-name>.html, its
 * lecturer outline to <NN-name>-outline.md, the shared vendor/ folder and index.html. --pdf prints
 * each deck to <NN-name>.pdf through headless Chromium; --notes (implies --pdf) also prints
 * <NN-name>-notes.pdf with every slide's speaker notes on the page after it. --solutions opens the
 * collapsed solution cells. --check opens every deck in headless Chromium and reports what an author
 * should fix: errors, and slides shrunk below READABLE_ZOOM (or still overflowing) to fit.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { copyVendorAssets } from './assets/copyVendorAssets';
import { exportDeck, type ExportedDeck } from './exportDeck';
import { renderIndex, type IndexEntry } from './index/renderIndex';
import type { Browser } from 'playwright-core';
import { launchChromium, openDeck } from './pdf/chromium';
import { pdfPageCount } from './pdf/pdfPageCount';
import { printDeckPdf } from './pdf/printDeckPdf';
import { SlidesError } from './SlidesError';

const ROOT = resolve(__dirname, '..');
export const DEFAULT_OUT_DIR = join(ROOT, 'slides', 'out');
const NOTEBOOKS_DIR = join(ROOT, 'notebooks');
/** A slide shrunk further than this to fit is hard to read from the back of a lecture hall. */
export const READABLE_ZOOM = 0.85;

export interface CliOptions {
  readonly pdf: boolean;
  readonly notes: boolean;
  readonly solutions: boolean;
  readonly check: boolean;
  readonly outDir: string;
  readonly notebooks: readonly string[];
}

export function parseArgs(argv: readonly string[]): CliOptions {
  let pdf = false;
  let notes = false;
  let solutions = false;
  let check = false;
  let outDir = DEFAULT_OUT_DIR;
  const notebooks: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--pdf') pdf = true;
    else if (arg === '--notes') [pdf, notes] = [true, true];
    else if (arg === '--solutions') solutions = true;
    else if (arg === '--check') check = true;
    else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new SlidesError('SLIDES_BAD_ARGUMENT', '--out needs a directory, e.g. --out /tmp/decks', { data: { arg } });
      outDir = resolve(value);
    } else if (arg.startsWith('--')) {
      throw new SlidesError('SLIDES_BAD_ARGUMENT', `unknown option ${arg}; use --pdf, --notes, --solutions, --check or --out DIR`, { data: { arg } });
    } else notebooks.push(resolve(arg));
  }
  return { pdf, notes, solutions, check, outDir, notebooks: notebooks.length > 0 ? notebooks : courseNotebooks() };
}

/** notebooks/*.ipynb in name order (index.ipynb becomes deck 00-index). */
export function courseNotebooks(): string[] {
  if (!existsSync(NOTEBOOKS_DIR)) return [];
  return readdirSync(NOTEBOOKS_DIR)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => join(NOTEBOOKS_DIR, name));
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const options = parseArgs(argv);
  if (options.notebooks.length === 0) throw new SlidesError('SLIDES_BAD_ARGUMENT', `no notebooks in ${NOTEBOOKS_DIR}; pass notebook paths`, {});
  copyVendorAssets(options.outDir);
  const decks: ExportedDeck[] = options.notebooks.map((notebook) => exportDeck(notebook, options.outDir, { openSolutions: options.solutions }));
  const exported = performance.now();
  for (const deck of decks) {
    const noted = deck.layout.slides.filter((slide) => slide.notes.length > 0).length;
    const minutes = deck.plan.total === undefined ? 'no time plan' : `${deck.plan.total} min`;
    console.log(`${show(deck.deckFile)}: ${deck.layout.slides.length} slides (${noted} with notes), ${minutes}`);
    for (const warning of deck.warnings) console.log(`  warning: ${warning}`);
  }
  console.log(`exported ${decks.length} deck(s) in ${((exported - started) / 1000).toFixed(2)} s`);

  const entries: IndexEntry[] = decks.map((deck) => ({ deck, pdfs: [] }));
  if (options.pdf || options.check) {
    const browser = await launchChromium();
    try {
      if (options.check) for (const deck of decks) await checkDeck(browser, deck);
      if (options.pdf) for (const entry of entries) await printEntry(browser, entry, options.notes);
    } finally {
      await browser.close();
    }
  }
  writeFileSync(join(options.outDir, 'index.html'), renderIndex(entries));
  console.log(`${show(join(options.outDir, 'index.html'))} — done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

async function checkDeck(browser: Browser, deck: ExportedDeck): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const { state, consoleErrors } = await openDeck(page, deck.deckFile);
    const problems = [
      ...state.errors.map((error) => `deck error: ${error}`),
      ...consoleErrors.map((error) => `console error: ${error}`),
      ...state.zoomed.filter((z) => z.zoom < READABLE_ZOOM).map((z) => `slide ${z.slide} is shrunk to ${Math.round(z.zoom * 100)}% to fit; split it or move detail to notes`),
      ...state.overflowing.map((o) => `slide ${o.slide} still overflows by ${o.excess}px at the smallest zoom`),
    ];
    console.log(`${show(deck.deckFile)}: check ${problems.length === 0 ? 'ok' : `found ${problems.length} problem(s)`}`);
    for (const problem of problems) console.log(`  ${problem}`);
  } finally {
    await page.close();
  }
}

async function printEntry(browser: Browser, entry: IndexEntry, withNotes: boolean): Promise<void> {
  const { deck } = entry;
  const slides = deck.layout.slides.length;
  const notedSlides = deck.layout.slides.filter((slide) => slide.notes.length > 0).length;
  for (const notes of withNotes ? [false, true] : [false]) {
    const file = deck.deckFile.replace(/\.html$/, notes ? '-notes.pdf' : '.pdf');
    const printed = await printDeckPdf(browser, deck.deckFile, file, { notes, slides, notedSlides });
    const pages = pdfPageCount(file);
    console.log(`${show(file)}: ${pages} pages${pages === printed.expectedPages ? '' : ` (expected ${printed.expectedPages})`}`);
    for (const error of printed.consoleErrors) console.log(`  console error: ${error}`);
    (entry.pdfs as { file: string; label: string }[]).push({ file: basename(file), label: notes ? 'PDF+노트' : 'PDF' });
  }
}

function show(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') ? file : shown;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    if (error instanceof SlidesError) console.error(`slides: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  });
}
