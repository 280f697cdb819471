import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Headless Chromium (Debian `chromium`), as the notebooks' readers will see the figures. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface RenderedImage {
  /** naturalWidth/Height of the <img> (0 when the SVG failed to parse). */
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  readonly png: Buffer;
}

/** Load `html` (a figure's output) in a page, wait for its images, screenshot the body. */
export async function renderHtml(browser: Browser, html: string, width = 1400): Promise<RenderedImage> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:8px;background:#fff">${html}</body></html>`);
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const dims = await page.evaluate(() => {
      const img = document.images[0];
      return img ? { w: img.naturalWidth, h: img.naturalHeight } : { w: -1, h: -1 };
    });
    const png = await page.locator('body > *').first().screenshot();
    return { naturalWidth: dims.w, naturalHeight: dims.h, png };
  } finally {
    await page.close();
  }
}
