import type * as PlotModule from '@observablehq/plot';

/**
 * @observablehq/plot rendered in Node through a virtual DOM.
 *
 * DOM shim: linkedom, not jsdom. linkedom is already a dependency, loads in ~0.2 s (jsdom ~1 s
 * and ~30 packages), needs no canvas/native modules and serialises SVG as Plot builds it; Plot
 * does not measure text, so jsdom's fuller layout model would buy nothing. (Output differs between
 * the two — attribute order, tag case — so exactly one is used, JUPYTER-FACTS §6.)
 *
 * Both packages are ESM-only and heavy, so they are loaded on first use (Node ≥ 20.19
 * `require(esm)`), never when kernel-lib is imported.
 */
type PlotApi = typeof PlotModule;

let plotApi: PlotApi | undefined;
let parseHtml: ((html: string) => { document: unknown }) | undefined;

export function loadPlot(): PlotApi {
  if (!plotApi) {
    // Plot's half-pixel offset is decided once, at module load, by `typeof it` (style.js): a
    // test runner's global `it` would shift every mark by 0.5 px. Hide it while loading.
    const g = globalThis as { it?: unknown };
    const saved = Object.getOwnPropertyDescriptor(g, 'it');
    if (saved) delete g.it;
    try {
      plotApi = require('@observablehq/plot') as PlotApi;
    } finally {
      if (saved) Object.defineProperty(g, 'it', saved);
    }
  }
  return plotApi;
}

export function newDocument(): unknown {
  if (!parseHtml) parseHtml = (require('linkedom') as { parseHTML: (html: string) => { document: unknown } }).parseHTML;
  return parseHtml('<!doctype html><html><head></head><body></body></html>').document;
}
