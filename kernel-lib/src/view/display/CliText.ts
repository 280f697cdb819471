import { KOREAN_MONO_STACK } from './fonts';
import { escapeHtml } from './htmlEscape';
import { TextFirstView } from './RichView';

/** Inline styles only: JupyterLab's sanitizer drops `<style>` elements in untrusted outputs. */
export const PRE_STYLE = `font-family: ${KOREAN_MONO_STACK}; font-size: 13px; line-height: 1.35; white-space: pre; overflow-x: auto; margin: 0; padding: 6px 8px; background: #f7f7f8; color: #1f2328; border-left: 3px solid #1d63ed;`;

/** Terminal output kept verbatim (build logs, `docker diff`, pull/push lines, inspect JSON). */
export class CliText extends TextFirstView {
  readonly text: string;
  /** The command line that produced it, shown above the output ("$ docker diff cow-test"). */
  readonly command: string | undefined;
  constructor(text: string, command?: string) {
    super();
    this.text = text;
    this.command = command;
    Object.freeze(this);
  }
  html(): string {
    const cmd = this.command === undefined ? '' : `<span style="color: #6e7781;">$ ${escapeHtml(this.command)}</span>\n`;
    return `<pre class="layerlab-cli" style="${PRE_STYLE}">${cmd}${escapeHtml(this.text.replace(/\n$/, ''))}</pre>`;
  }
}
