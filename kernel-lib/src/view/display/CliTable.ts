import type { CliTableRender } from '../cli/cliFormat';
import { KOREAN_MONO_STACK } from './fonts';
import { escapeHtml } from './htmlEscape';
import { CliText, PRE_STYLE } from './CliText';
import { TextFirstView } from './RichView';

const TABLE_STYLE = `border-collapse: collapse; font-family: ${KOREAN_MONO_STACK}; font-size: 13px; margin: 2px 0; background: #f7f7f8; color: #1f2328; border-left: 3px solid #1d63ed;`;
const TH_STYLE = 'text-align: left; font-weight: 600; padding: 4px 18px 4px 8px; border-bottom: 1px solid #afb8c1; white-space: nowrap;';
// white-space: pre keeps the CLI's own spacing ("#(nop)  CMD" has two spaces) and never wraps a cell.
const TD_STYLE = 'text-align: left; padding: 2px 18px 2px 8px; white-space: pre; vertical-align: top;';

/**
 * A docker CLI table: `text` is the CLI's exact bytes; the HTML is a real table with the same
 * header names and cell strings (the docker look — monospace, upper-case header, no grid).
 * Non-table `--format` output has no header and is shown as preformatted text.
 */
export class CliTable extends TextFirstView {
  readonly text: string;
  readonly header: readonly string[] | undefined;
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly command: string | undefined;
  constructor(render: CliTableRender, command?: string) {
    super();
    this.text = render.text;
    this.header = render.header;
    this.rows = render.cells;
    this.command = command;
    Object.freeze(this);
  }
  html(): string {
    if (this.header === undefined) return new CliText(this.text, this.command).html();
    const cap = this.command === undefined ? '' : `<caption style="caption-side: top; text-align: left; color: #6e7781; font-family: ${KOREAN_MONO_STACK}; font-size: 12px; padding: 0 0 2px 2px;">$ ${escapeHtml(this.command)}</caption>`;
    const head = `<thead><tr>${this.header.map((h) => `<th style="${TH_STYLE}">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
    const body = `<tbody>${this.rows.map((r) => `<tr>${r.map((c) => `<td style="${TD_STYLE}">${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
    return `<table class="layerlab-cli-table" style="${TABLE_STYLE}">${cap}${head}${body}</table>`;
  }
}

export { PRE_STYLE };
