/**
 * Terminal text → HTML: escapes it and turns the SGR colour codes Node's inspect and the stack
 * traces use (bold, 30–37, 90–97, default) into classed spans; every other escape sequence is dropped,
 * so no stray "[39m" ever reaches a slide.
 */
import { escapeHtml } from './escapeHtml';

const COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
// CSI sequences (ESC [ params final) and the two-character escapes.
const ESCAPE = /\u001b\[([0-9;?]*)([A-Za-z])|\u001b[@-Z\\-_]/g;

export function ansiToHtml(text: string): string {
  let html = '';
  let color: string | undefined;
  let bold = false;
  let last = 0;
  const flush = (chunk: string): void => {
    if (chunk === '') return;
    const classes = [color ? `ansi-${color}` : '', bold ? 'ansi-bold' : ''].filter(Boolean).join(' ');
    html += classes ? `<span class="${classes}">${escapeHtml(chunk)}</span>` : escapeHtml(chunk);
  };
  for (const match of text.matchAll(ESCAPE)) {
    const at = match.index ?? last;
    flush(text.slice(last, at));
    last = at + match[0].length;
    if (match[2] !== 'm') continue;
    const codes = (match[1] ?? '').split(';').map((code) => (code === '' ? 0 : Number(code)));
    for (const code of codes) {
      if (code === 0) [color, bold] = [undefined, false];
      else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code >= 30 && code <= 37) color = COLORS[code - 30];
      else if (code >= 90 && code <= 97) color = `bright-${COLORS[code - 90]}`;
      else if (code === 39) color = undefined;
    }
  }
  flush(text.slice(last));
  return html;
}

/** The text with every escape sequence removed (for line counting and outlines). */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE, '');
}
