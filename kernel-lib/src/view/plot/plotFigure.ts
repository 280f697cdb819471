import { Figure } from '../display/Figure';
import { KOREAN_SANS_STACK } from '../display/fonts';
import { el, finishSvg, svgText } from '../svg/svgDocument';
import { PALETTE } from '../svg/palette';
import { escapeXml, fitText, textWidth } from '../svg/svgText';
import { loadPlot, newDocument } from './plotRuntime';
import type * as PlotModule from '@observablehq/plot';

export type PlotSpec = PlotModule.PlotOptions;

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** 'rect' (default) for bars, 'line' for series. */
  readonly shape?: 'rect' | 'line';
}

export interface PlotFigureInit {
  readonly title: string;
  readonly subtitle?: string;
  readonly legend?: readonly LegendItem[];
  /** Plot options without title/subtitle/caption/legend (those are drawn here, in SVG). */
  readonly plot: PlotSpec;
  /** Plain-text version of the data (console, tests, alt text). */
  readonly text: string;
  readonly note?: string;
}

const M = 24;

/**
 * Render a Plot chart to one standalone SVG figure: our own title, subtitle and legend drawn in
 * SVG (Plot would otherwise return an HTML `<figure>` with `<div>` legends, which an `<img>`
 * cannot carry), Plot's SVG nested below, Korean-capable fonts, projector-size type, ids made
 * stable (Plot numbers its clip/pattern/marker ids from a process-wide counter).
 */
export function plotFigure(init: PlotFigureInit): Figure {
  const Plot = loadPlot();
  const width = init.plot.width ?? 900;
  const spec: PlotSpec = {
    ...init.plot,
    width,
    document: newDocument() as PlotSpec['document'],
    style: { fontSize: '15px', fontFamily: KOREAN_SANS_STACK, background: '#ffffff', color: PALETTE.ink, overflow: 'visible' },
  };
  const node = Plot.plot(spec) as unknown as { outerHTML: string; tagName: string };
  if (node.tagName.toLowerCase() !== 'svg') throw new Error('plotFigure: Plot returned a <figure>; pass title/legend to plotFigure, not to Plot');
  const inner = normalisePlotSvg(node.outerHTML);
  const plotHeight = Number(/height="([\d.]+)"/.exec(inner)?.[1] ?? init.plot.height ?? 400);

  const parts: string[] = [];
  let y = M + 28;
  parts.push(svgText(M, y, init.title, { 'font-size': 26, 'font-weight': 700, fill: PALETTE.ink }));
  if (init.subtitle) { y += 30; parts.push(svgText(M, y, fitText(init.subtitle, width - 2 * M, 17), { 'font-size': 17, fill: PALETTE.muted })); }
  if (init.legend && init.legend.length > 0) {
    y += 32;
    let x = M;
    for (const item of init.legend) {
      if (item.shape === 'line') parts.push(el('line', { x1: x, x2: x + 24, y1: y - 6, y2: y - 6, stroke: item.color, 'stroke-width': 4 }));
      else parts.push(el('rect', { x, y: y - 15, width: 20, height: 18, rx: 3, fill: item.color }));
      parts.push(svgText(x + 30, y, item.label, { 'font-size': 16, fill: PALETTE.ink }));
      x += 30 + textWidth(item.label, 16) + 28;
    }
  }
  y += 16;
  const nested = inner.replace(/^<svg /, `<svg x="0" y="${y}" `);
  let height = y + plotHeight + M;
  if (init.note) {
    parts.push(svgText(M, height + 2, fitText(init.note, width - 2 * M, 15), { 'font-size': 15, fill: PALETTE.muted }));
    height += 28;
  }
  const svg = finishSvg({ width, height, title: init.title, description: init.text }, parts.join('') + nested);
  return new Figure({ svg, text: init.text, alt: init.title, width, height });
}

/**
 * Plot's per-process counters (plot-clip-N, plot-pattern-N, plot-marker-N) become `{{id:…}}`
 * placeholders numbered in order of appearance, which `finishSvg` scopes by content hash.
 * Plot's own `font-family="system-ui, sans-serif"` gives way to the Korean stack.
 */
export function normalisePlotSvg(svg: string): string {
  const seen = new Map<string, string>();
  const ids = svg.replace(/\b(plot-(?:clip|pattern|marker)-\d+)\b/g, (m, id: string) => {
    let n = seen.get(id);
    if (n === undefined) { n = `plot-${seen.size + 1}`; seen.set(id, n); }
    return `{{id:${n}}}`;
  });
  return ids.replace(/font-family="system-ui, sans-serif"/, `font-family="${escapeXml(KOREAN_SANS_STACK)}"`);
}
