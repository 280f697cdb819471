/**
 * Headless Chromium for printing and checking decks: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser download; JUPYTER-FACTS §5.3). LAYERLAB_CHROMIUM overrides the path.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SlidesError } from '../SlidesError';

export const CHROMIUM_PATH = process.env.LAYERLAB_CHROMIUM ?? '/usr/bin/chromium';
/** Quiet, offline, reproducible: no sandbox (CI runs as root), no GPU, no background traffic. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new SlidesError('SLIDES_BROWSER', `Chromium is not at ${CHROMIUM_PATH}; install it with "apt-get install -y chromium fonts-noto-cjk" (or set LAYERLAB_CHROMIUM)`, { data: { path: CHROMIUM_PATH } });
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** What the deck's boot script reports (window.layerlabDeck). */
export interface DeckPageState {
  readonly status: 'ready' | 'error';
  readonly errors: readonly string[];
  readonly overflowing: readonly { readonly slide: number; readonly excess: number }[];
  readonly zoomed: readonly { readonly slide: number; readonly zoom: number }[];
  readonly mermaid: number;
  /** Milliseconds the boot script spent fitting slides. */
  readonly fitMs: number;
  /** performance.now() at each boot step: script, fonts, images, mermaid, fitted, reveal. */
  readonly timings: Readonly<Record<string, number>>;
}

export interface OpenedDeck {
  readonly state: DeckPageState;
  /** console.error messages and uncaught page errors seen while loading. */
  readonly consoleErrors: readonly string[];
}

/**
 * Opens a deck file (`query` e.g. "print-pdf&showNotes=separate-page") and waits until its boot
 * script says ready or error. Collect console errors from before navigation on.
 */
export async function openDeck(page: Page, deckFile: string, query = '', timeoutMs = 30_000): Promise<OpenedDeck> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));
  const url = pathToFileURL(deckFile).href + (query ? `?${query}` : '');
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.getAttribute('data-deck') ?? ''), undefined, { timeout: timeoutMs });
  } catch (cause) {
    throw new SlidesError('SLIDES_BROWSER', `${deckFile}: the deck did not start within ${timeoutMs} ms (console: ${consoleErrors.join(' | ') || 'nothing'})`, { data: { deckFile }, cause });
  }
  const state = await page.evaluate(() => {
    const deck = (window as unknown as { layerlabDeck: Omit<DeckPageState, 'status'> }).layerlabDeck;
    return { ...deck, status: document.documentElement.getAttribute('data-deck') as 'ready' | 'error' };
  });
  return { state, consoleErrors };
}
