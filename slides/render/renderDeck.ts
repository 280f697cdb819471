/**
 * The deck page: a title slide, then the notebook's slides in nbconvert's section structure, with a
 * footer on every slide, and the boot script that renders mermaid, fits slides and starts reveal.js.
 * Every asset is a relative link into `vendor/` beside the deck (lecture halls are offline).
 */
import type { DeckInfo } from '../deckInfo';
import type { DeckNotebook } from '../notebook/types';
import type { FragmentNode, PlacedCell, SlideTree } from '../structure/buildSlideTree';
import { readSlideData } from '../structure/slideType';
import { escapeHtml } from './escapeHtml';
import { renderCell } from './renderCell';
import type { MarkdownContext } from './renderMarkdown';

/** reveal.js settings every deck shares: a 16:9 canvas large type is designed for. */
export const REVEAL_CONFIG = Object.freeze({
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  hash: true,
  // Numbers are written into each slide's footer at export time (same on screen and in the PDF,
  // and clear of the navigation arrows), so reveal's own slide number is off.
  slideNumber: false,
  transition: 'fade',
  transitionSpeed: 'fast',
  controls: true,
  progress: true,
  // One PDF page per slide: fragments shown, a tall slide clipped to one page (it is fitted first).
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
});

export interface DeckRenderOptions {
  readonly markdown: MarkdownContext;
  readonly openSolutions: boolean;
  /** Total planned minutes, shown on the title slide when the notebook has a time plan. */
  readonly plannedMinutes: number | undefined;
  /** Relative URL of the shared asset folder. */
  readonly vendor: string;
}

export function renderDeck(notebook: DeckNotebook, info: DeckInfo, tree: SlideTree, options: DeckRenderOptions): string {
  const cellOptions = { openSolutions: options.openSolutions, language: info.language };
  const cell = (placed: PlacedCell): string => {
    const source = notebook.cells[placed.cellIndex];
    if (!source || placed.role === 'skip') return '';
    const html = renderCell(source, placed.cellIndex, options.markdown, cellOptions);
    if (placed.role === 'notes' && html !== '') return `<aside class="notes">${html}</aside>`;
    return html;
  };
  const fragment = (node: FragmentNode): string => {
    const source = notebook.cells[node.openedBy];
    return `<div class="fragment"${source ? dataAttributes(readSlideData(source)) : ''}>\n${node.cells.map(cell).join('\n')}\n</div>`;
  };
  const total = 1 + tree.slides.reduce((sum, slide) => sum + slide.subslides.length, 0);
  let number = 1; // the title slide
  const slides = tree.slides
    .map((slide) => {
      const opener = notebook.cells[slide.openedBy];
      const subslides = slide.subslides.map((subslide) => {
        const source = notebook.cells[subslide.openedBy];
        const items = subslide.items.map((item) => (item.kind === 'cell' ? cell(item) : fragment(item))).filter((html) => html !== '');
        return `<section${source ? dataAttributes(readSlideData(source)) : ''}>\n<div class="slide-body">\n${items.join('\n')}\n</div>\n${renderFooter(info, ++number, total)}\n</section>`;
      });
      return `<section${opener ? dataAttributes(readSlideData(opener)) : ''}>\n${subslides.join('\n')}\n</section>`;
    })
    .join('\n');
  const leading = tree.leading.map(cell).filter((html) => html !== '').join('\n');
  const hasMermaid = /<pre class="mermaid">/.test(slides + leading);
  const vendor = options.vendor.replace(/\/?$/, '/');
  const config = JSON.stringify({ reveal: REVEAL_CONFIG, mermaid: hasMermaid }).replace(/</g, '\\u003c');

  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="layerlab slides">
<title>${escapeHtml(`${info.number} ${info.title} — ${info.course}`)}</title>
<link rel="stylesheet" href="${vendor}reveal/reset.css">
<link rel="stylesheet" href="${vendor}reveal/reveal.css">
<link rel="stylesheet" href="${vendor}highlight/github.min.css">
<link rel="stylesheet" href="${vendor}layerlab/theme.css">
</head>
<body>
<div class="reveal">
<div class="slides">
${renderTitleSlide(info, options.plannedMinutes, leading)}
${slides}
</div>
</div>
<script type="application/json" id="deck-config">${config}</script>
<script src="${vendor}reveal/reveal.js"></script>
<script src="${vendor}reveal/plugin/notes/notes.js"></script>
${hasMermaid ? `<script src="${vendor}mermaid/mermaid.min.js"></script>\n` : ''}<script src="${vendor}layerlab/deck.js"></script>
</body>
</html>
`;
}

function renderTitleSlide(info: DeckInfo, minutes: number | undefined, leading: string): string {
  const meta = [info.session, minutes === undefined ? undefined : `${minutes}분`].filter((part): part is string => part !== undefined);
  return `<section class="title-slide" data-state="title-slide">
<div class="slide-body">
<p class="title-course">${escapeHtml(info.course)}</p>
<p class="title-number">${escapeHtml(info.number)}</p>
<h1>${escapeHtml(info.title)}</h1>
${info.subtitle ? `<p class="title-subtitle">${escapeHtml(info.subtitle)}</p>\n` : ''}${meta.length > 0 ? `<p class="title-session">${escapeHtml(meta.join(' · '))}</p>\n` : ''}${leading}
</div>
</section>`;
}

function renderFooter(info: DeckInfo, number: number, total: number): string {
  const session = info.session ? `<span class="footer-session">${escapeHtml(info.session)}</span>` : '';
  return `<footer class="deck-footer"><span class="footer-course">layerlab</span><span class="footer-title">${escapeHtml(`${info.number} · ${info.title}`)}</span>${session}<span class="footer-number">${number} / ${total}</span></footer>`;
}

function dataAttributes(data: Readonly<Record<string, string>>): string {
  return Object.entries(data)
    .map(([key, value]) => ` data-${key.toLowerCase()}="${escapeHtml(value)}"`)
    .join('');
}
