import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { executeNotebook, type NotebookRun } from '../../../tools/runner';
import { haveChromium, launchChromium, renderHtml } from './chromium';
import { svgFromFigureHtml } from '../../../kernel-lib/src/view/display/Figure';

/**
 * `show()` inside the real tslab kernel (over the Jupyter protocol, as `npm run execute` runs
 * notebooks; kernel-lib loaded from its built dist): one `display_data` with only `text/html` per
 * call, the last expression printed as the CLI's text, and every HTML output rendering in Chromium.
 */
let run: NotebookRun;
type Output = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, unknown> };
const outputs = (id: string): Output[] => (run.notebook.cells.find((c) => (c as { id?: string }).id === id) as unknown as { outputs: Output[] }).outputs;
const joined = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : t ?? '');

beforeAll(async () => {
  run = await executeNotebook(join(__dirname, 'notebook', 'display-check.ipynb'), { cellTimeoutMs: 60_000 });
}, 180_000);

describe('show() in the tslab kernel', () => {
  test('the notebook runs to the end', () => {
    expect(run.failures).toEqual([]);
    expect(run.complete).toBe(true);
  });
  test('a view as the last expression prints the docker CLI text on stdout', () => {
    const out = outputs('plain');
    expect(out.map((o) => o.output_type)).toEqual(['stream']);
    expect(joined(out[0]!.text)).toMatch(/^IMAGE +CREATED +CREATED BY +SIZE +COMMENT\n[0-9a-f]{12} +.+COPY app.js \/app.js # buildkit +15B +buildkit.dockerfile.v0\n/);
  });
  test('show() sends exactly one display_data with text/html', () => {
    for (const id of ['table', 'stack', 'plot', 'walk', 'advice']) {
      const out = outputs(id);
      expect(out).toHaveLength(1);
      expect(out[0]!.output_type).toBe('display_data');
      expect(Object.keys(out[0]!.data!)).toEqual(['text/html']);
    }
    expect(joined(outputs('table')[0]!.data!['text/html'] as string)).toMatch(/^<table class="layerlab-cli-table"/);
    expect(svgFromFigureHtml(joined(outputs('stack')[0]!.data!['text/html'] as string))).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});

describe.skipIf(!haveChromium)('the executed outputs in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); }, 60_000);
  afterAll(async () => { await browser?.close(); });
  test.each(['stack', 'plot', 'walk'])('%s: the figure loads as an image', async (id) => {
    const r = await renderHtml(browser, joined(outputs(id)[0]!.data!['text/html'] as string));
    expect(r.naturalWidth).toBeGreaterThan(500);
  });
});
