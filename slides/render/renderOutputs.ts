/**
 * Code-cell outputs → HTML, choosing one representation per output the way nbconvert's HTML
 * exporter does (richest first: html, svg, png, jpeg, markdown, plain text), and showing text as the
 * CLI printed it: a monospace block, ANSI colours kept, stderr styled apart.
 *
 * Long text does not run off the slide: blocks are height-limited and scroll in the browser (the
 * theme marks a scrolled block), and text longer than `MAX_OUTPUT_LINES` is trimmed here with a
 * visible "… N줄 생략 …" line, so the PDF shows where output was cut.
 */
import type { DeckOutput } from '../notebook/types';
import { ansiToHtml, stripAnsi } from './ansiToHtml';
import { escapeHtml } from './escapeHtml';
import { renderMarkdown, type MarkdownContext } from './renderMarkdown';

export const MAX_OUTPUT_LINES = 40;
const KEEP_HEAD = 28;
const KEEP_TAIL = 6;

const MIME_ORDER = ['text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'image/gif', 'text/vnd.mermaid', 'text/markdown', 'application/json', 'text/plain'] as const;

export function renderOutputs(outputs: readonly DeckOutput[], context: MarkdownContext): string {
  return coalesceStreams(outputs)
    .map((output) => renderOutput(output, context))
    .filter((html) => html !== '')
    .join('\n');
}

function renderOutput(output: DeckOutput, context: MarkdownContext): string {
  switch (output.output_type) {
    case 'stream':
      return textBlock(output.text, output.name === 'stderr' ? 'output-stderr' : 'output-stdout');
    case 'error':
      return textBlock(output.traceback.length > 0 ? output.traceback.join('\n') : `${output.ename}: ${output.evalue}`, 'output-stderr output-error');
    case 'display_data':
    case 'execute_result': {
      const mime = MIME_ORDER.find((type) => output.data[type] !== undefined);
      if (mime === undefined) return '';
      const value = output.data[mime];
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      switch (mime) {
        case 'text/html':
          return `<div class="output output-html">${text}</div>`;
        case 'image/svg+xml':
          return `<div class="output output-svg">${text}</div>`;
        case 'image/png':
        case 'image/jpeg':
        case 'image/gif':
          return `<div class="output output-image"><img src="data:${mime};base64,${text.replace(/\s+/g, '')}" alt=""></div>`;
        case 'text/vnd.mermaid':
          return `<div class="output output-mermaid"><pre class="mermaid">${escapeHtml(text)}</pre></div>`;
        case 'text/markdown':
          return `<div class="output output-markdown">${renderMarkdown(text, context)}</div>`;
        default:
          return textBlock(text, 'output-stdout');
      }
    }
  }
}

/** A monospace block; text longer than MAX_OUTPUT_LINES keeps its head and tail around a marker. */
function textBlock(text: string, kind: string): string {
  const lines = applyCarriageReturns(text).replace(/\n$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length <= MAX_OUTPUT_LINES) return `<pre class="output ${kind}">${ansiToHtml(lines.join('\n'))}</pre>`;
  const omitted = lines.length - KEEP_HEAD - KEEP_TAIL;
  const head = ansiToHtml(lines.slice(0, KEEP_HEAD).join('\n'));
  const tail = ansiToHtml(lines.slice(-KEEP_TAIL).join('\n'));
  return `<pre class="output ${kind} trimmed" data-lines="${lines.length}">${head}\n<span class="trim-marker">… ${omitted}줄 생략 (전체 ${lines.length}줄은 노트북에서) …</span>\n${tail}</pre>`;
}

/** A terminal overwrites a line after a bare "\r" (progress bars); keep only what it would show. */
function applyCarriageReturns(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      const visible = stripAnsi(line).length > 0 ? line.split('\r').filter((part) => part !== '') : [line];
      return visible[visible.length - 1] ?? '';
    })
    .join('\n');
}

/** Adjacent stream outputs of the same name are one block (nbconvert's coalesce_streams). */
function coalesceStreams(outputs: readonly DeckOutput[]): DeckOutput[] {
  const merged: DeckOutput[] = [];
  for (const output of outputs) {
    const previous = merged[merged.length - 1];
    if (output.output_type === 'stream' && previous?.output_type === 'stream' && previous.name === output.name) {
      merged[merged.length - 1] = { ...previous, text: previous.text + output.text };
    } else merged.push(output);
  }
  return merged;
}
