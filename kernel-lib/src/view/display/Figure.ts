import { escapeHtml } from './htmlEscape';
import { TextFirstView } from './RichView';

/**
 * How a figure's SVG goes into the `text/html` output:
 *  - 'img' (default): `<img src="data:image/svg+xml;base64,…">`. JupyterLab's HTML sanitizer (used
 *    for every output of an untrusted notebook — e.g. one just cloned from git) removes `<svg>`
 *    elements but keeps `<img>` with a data: URI (apputils sanitizer: `src` is not scheme-checked),
 *    and `image/svg+xml` outputs are not rendered at all when untrusted. So an `<img>` shows the
 *    figure in trusted and untrusted notebooks, in nbconvert/reveal slides and in a plain browser.
 *  - 'inline': the `<svg>` element itself (selectable text, tooltips) — for pages we control.
 */
export type FigureEmbedding = 'img' | 'inline';

let embedding: FigureEmbedding = 'img';

/** Choose how figures are embedded from now on (the slides exporter may prefer 'inline'). */
export function setFigureEmbedding(mode: FigureEmbedding): void {
  embedding = mode;
}

export function figureEmbedding(): FigureEmbedding {
  return embedding;
}

/**
 * A figure drawn from live model values: a standalone SVG document (xmlns set, sizes in px,
 * fonts named, ids stable) plus a plain-text rendering for the console and for tests.
 */
export class Figure extends TextFirstView {
  readonly svg: string;
  readonly text: string;
  /** Alternative text for screen readers and for the `<img alt>`. */
  readonly alt: string;
  readonly width: number;
  readonly height: number;
  constructor(init: { readonly svg: string; readonly text: string; readonly alt: string; readonly width: number; readonly height: number }) {
    super();
    this.svg = init.svg;
    this.text = init.text;
    this.alt = init.alt;
    this.width = init.width;
    this.height = init.height;
    Object.freeze(this);
  }
  html(mode: FigureEmbedding = embedding): string {
    if (mode === 'inline') return `<div class="layerlab-figure" style="max-width: 100%; overflow-x: auto;">${this.svg}</div>`;
    const data = Buffer.from(this.svg, 'utf8').toString('base64');
    return `<img class="layerlab-figure" alt="${escapeHtml(this.alt)}" width="${this.width}" style="max-width: 100%; height: auto;" src="data:image/svg+xml;base64,${data}" />`;
  }
}

/** The SVG inside a figure's HTML (either embedding) — for tests of executed notebook outputs. */
export function svgFromFigureHtml(html: string): string | undefined {
  const m = /src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
  if (m) return Buffer.from(m[1]!, 'base64').toString('utf8');
  const start = html.indexOf('<svg');
  const end = html.lastIndexOf('</svg>');
  return start >= 0 && end > start ? html.slice(start, end + '</svg>'.length) : undefined;
}
