/**
 * One cell → HTML. Prompts (`In [3]:`) are left out: on a projector every line counts.
 *
 * Solutions (tag `solution`) are kept but collapsed in a `<details>` element labelled "해답 보기":
 * the course shape says solutions are hidden but present, the lecturer opens one with a click after
 * the exercise time is up without leaving the deck, and a printed deck handed to learners does not
 * give the answers away (closed `<details>` print closed). `--solutions` opens them all.
 */
import type { DeckCell } from '../notebook/types';
import { SLIDE_TAGS, hasTag } from './cellTags';
import { escapeHtml } from './escapeHtml';
import { highlightCode } from './highlightCode';
import { renderMarkdown, type MarkdownContext } from './renderMarkdown';
import { renderOutputs } from './renderOutputs';

export interface CellRenderOptions {
  readonly openSolutions: boolean;
  /** The code cells' language (notebook metadata language_info.name; tslab says "typescript"). */
  readonly language: string;
}

export function renderCell(cell: DeckCell, index: number, context: MarkdownContext, options: CellRenderOptions): string {
  const body = renderBody(cell, context, options);
  if (body === '') return '';
  const id = cell.id ? ` data-cell-id="${escapeHtml(cell.id)}"` : '';
  const html = `<div class="cell cell-${cell.cell_type}" data-cell-index="${index}"${id}>${body}</div>`;
  if (!hasTag(cell, SLIDE_TAGS.solution)) return html;
  return `<details class="solution"${options.openSolutions ? ' open' : ''}><summary>해답 보기</summary>${html}</details>`;
}

function renderBody(cell: DeckCell, context: MarkdownContext, options: CellRenderOptions): string {
  const markdownContext: MarkdownContext = { ...context, ...(cell.attachments ? { attachments: cell.attachments } : {}) };
  switch (cell.cell_type) {
    case 'markdown':
      return cell.source.trim() === '' ? '' : renderMarkdown(cell.source, markdownContext);
    case 'raw':
      return renderRaw(cell, markdownContext);
    case 'code': {
      const parts: string[] = [];
      if (!hasTag(cell, SLIDE_TAGS.hideInput) && cell.source.trim() !== '') {
        const { html, language } = highlightCode(cell.source.replace(/\n+$/, ''), options.language);
        parts.push(`<pre class="code-input"><code class="hljs language-${language}">${html}</code></pre>`);
      }
      if (!hasTag(cell, SLIDE_TAGS.hideOutput)) {
        const outputs = renderOutputs(cell.outputs ?? [], markdownContext);
        if (outputs !== '') parts.push(`<div class="outputs">${outputs}</div>`);
      }
      return parts.join('\n');
    }
  }
}

/** Raw cells reach HTML only when their format says HTML or markdown, as in nbconvert's HTML exporter. */
function renderRaw(cell: DeckCell, context: MarkdownContext): string {
  const format = cell.metadata.format ?? cell.metadata.raw_mimetype;
  if (format === 'text/html') return cell.source;
  if (format === 'text/markdown') return renderMarkdown(cell.source, context);
  return '';
}
