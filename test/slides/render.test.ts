import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansiToHtml, stripAnsi } from '../../slides/render/ansiToHtml';
import { firstHeading, renderMarkdown } from '../../slides/render/renderMarkdown';
import { MAX_OUTPUT_LINES, renderOutputs } from '../../slides/render/renderOutputs';
import { highlightCode } from '../../slides/render/highlightCode';

const warnings: string[] = [];
const context = { baseDir: __dirname, warn: (message: string) => warnings.push(message) };

describe('ansiToHtml: terminal colours as the CLI printed them', () => {
  it('turns Node inspect colours into classed spans and resets at 39/0', () => {
    expect(ansiToHtml("{ layers: \u001b[33m3\u001b[39m, size: \u001b[32m'133MB'\u001b[39m }")).toBe(
      '{ layers: <span class="ansi-yellow">3</span>, size: <span class="ansi-green">&#39;133MB&#39;</span> }',
    );
    expect(ansiToHtml('\u001b[1;31mError\u001b[0m: <x>')).toBe('<span class="ansi-red ansi-bold">Error</span>: &lt;x&gt;');
  });
  it('drops every other escape sequence', () => {
    expect(ansiToHtml('a\u001b[2Kb\u001b[?25lc')).toBe('abc');
    expect(stripAnsi('\u001b[90mdim\u001b[39m')).toBe('dim');
  });
});

describe('renderOutputs', () => {
  it('merges adjacent stream chunks of the same name and keeps stderr apart', () => {
    const html = renderOutputs(
      [
        { output_type: 'stream', name: 'stdout', text: 'a\n' },
        { output_type: 'stream', name: 'stdout', text: 'b\n' },
        { output_type: 'stream', name: 'stderr', text: 'oops\n' },
      ],
      context,
    );
    expect(html).toBe('<pre class="output output-stdout">a\nb</pre>\n<pre class="output output-stderr">oops</pre>');
  });
  it('keeps what a terminal shows after a carriage return', () => {
    expect(renderOutputs([{ output_type: 'stream', name: 'stdout', text: '10%\r50%\r100%\ndone\r\n' }], context)).toBe('<pre class="output output-stdout">100%\ndone</pre>');
  });
  it('picks the richest representation: html over svg over png over text', () => {
    const html = renderOutputs([{ output_type: 'execute_result', data: { 'text/plain': 'plain', 'text/html': '<b>rich</b>' } }], context);
    expect(html).toBe('<div class="output output-html"><b>rich</b></div>');
    expect(renderOutputs([{ output_type: 'display_data', data: { 'image/png': 'iVBO\nRw==', 'text/plain': 'x' } }], context)).toBe(
      '<div class="output output-image"><img src="data:image/png;base64,iVBORw==" alt=""></div>',
    );
    expect(renderOutputs([{ output_type: 'display_data', data: { 'text/vnd.mermaid': 'graph TD\nA-->B' } }], context)).toBe(
      '<div class="output output-mermaid"><pre class="mermaid">graph TD\nA--&gt;B</pre></div>',
    );
  });
  it('shows an error output as its traceback, styled as stderr', () => {
    expect(renderOutputs([{ output_type: 'error', ename: 'E', evalue: 'v', traceback: ['\u001b[31mE\u001b[39m: v'] }], context)).toBe(
      '<pre class="output output-stderr output-error"><span class="ansi-red">E</span>: v</pre>',
    );
  });
  it(`leaves text of ${MAX_OUTPUT_LINES} lines whole and trims one line more`, () => {
    const lines = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
    expect(renderOutputs([{ output_type: 'stream', name: 'stdout', text: lines(MAX_OUTPUT_LINES) }], context)).not.toContain('trim-marker');
    const trimmed = renderOutputs([{ output_type: 'stream', name: 'stdout', text: lines(MAX_OUTPUT_LINES + 1) }], context);
    expect(trimmed).toContain(`data-lines="${MAX_OUTPUT_LINES + 1}"`);
    expect(trimmed).toContain('<span class="trim-marker">… 7줄 생략 (전체 41줄은 노트북에서) …</span>');
  });
  it('renders nothing for empty output', () => {
    expect(renderOutputs([{ output_type: 'stream', name: 'stdout', text: '' }], context)).toBe('');
  });
});

describe('renderMarkdown', () => {
  it('renders GFM tables and highlights fenced code at export time', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n```dockerfile\nFROM node:20\n```', context);
    expect(html).toContain('<table>');
    expect(html).toContain('<pre class="code-block"><code class="hljs language-dockerfile"><span class="hljs-keyword">FROM</span> node:<span class="hljs-number">20</span></code></pre>');
  });
  it('turns a mermaid fence into <pre class="mermaid"> with its text escaped', () => {
    expect(renderMarkdown('```mermaid\ngraph LR\n  A-->B\n```', context)).toBe('<pre class="mermaid">graph LR\n  A--&gt;B</pre>\n');
  });
  it('inlines attachment: images and images next to the notebook as data: URLs', () => {
    const attachments = { 'dot.svg': { 'image/svg+xml': '<svg/>' } };
    expect(renderMarkdown('![dot](attachment:dot.svg)', { ...context, attachments })).toContain(`src="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"`);
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-md-'));
    writeFileSync(join(dir, 'figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(renderMarkdown('![figure](figure.png "Layers")', { ...context, baseDir: dir })).toContain('<img src="data:image/png;base64,iVBORw==" alt="figure" title="Layers">');
  });
  it('warns about an image it cannot find and keeps the link', () => {
    warnings.length = 0;
    expect(renderMarkdown('![x](missing.png)', context)).toContain('src="missing.png"');
    expect(warnings).toEqual([`image missing.png was not found next to the notebook (${join(__dirname, 'missing.png')})`]);
  });
  it('finds the first heading as plain text', () => {
    expect(firstHeading('intro\n\n## `docker history` 읽기 **핵심**\n\n# later')).toEqual({ depth: 2, text: 'docker history 읽기 핵심' });
    expect(firstHeading('## only h2', 1)).toBeUndefined();
  });
});

describe('highlightCode', () => {
  it('highlights TypeScript (tslab) and escapes unknown languages', () => {
    expect(highlightCode('const a = 1;', 'typescript').html).toBe('<span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;');
    expect(highlightCode('<b>', 'brainfuck')).toEqual({ html: '&lt;b&gt;', language: 'plaintext' });
  });
});
