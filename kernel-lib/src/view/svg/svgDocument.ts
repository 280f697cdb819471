import { sha256 } from '../../digest/sha256';
import { KOREAN_SANS_STACK } from '../display/fonts';
import { escapeXml, num } from './svgText';

/**
 * A standalone SVG document with stable, page-unique ids.
 *
 * Diagrams write ids as `{{id:name}}` (in `id="…"` and `url(#…)`); `finishSvg` replaces them with
 * `ll-<8 hex of the content>-name`. The same figure always gets the same ids (golden files stay
 * stable), and two different figures on one page never share an id (a notebook page is one HTML
 * document: duplicate ids would make a clip-path or marker resolve to the other figure).
 */
export interface SvgFrame {
  readonly width: number;
  readonly height: number;
  /** <title> (also the accessible name). */
  readonly title: string;
  /** <desc>. */
  readonly description?: string;
}

export function finishSvg(frame: SvgFrame, body: string): string {
  const head =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(frame.width)}" height="${num(frame.height)}" ` +
    `viewBox="0 0 ${num(frame.width)} ${num(frame.height)}" font-family="${KOREAN_SANS_STACK}" role="img">` +
    `<title>${escapeXml(frame.title)}</title>` +
    (frame.description ? `<desc>${escapeXml(frame.description)}</desc>` : '') +
    `<rect width="100%" height="100%" fill="#ffffff"/>`;
  const doc = head + body + '</svg>';
  const scope = sha256(doc).slice('sha256:'.length, 'sha256:'.length + 8);
  return doc.replace(/\{\{id:([\w-]+)\}\}/g, (_m, name: string) => `ll-${scope}-${name}`);
}

type AttrValue = string | number | undefined | null | false;

/** `<tag a="…">children</tag>` with escaped attributes; undefined/null/false attributes are left out. */
export function el(tag: string, attrs: Readonly<Record<string, AttrValue>>, ...children: string[]): string {
  let s = `<${tag}`;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    s += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return children.length === 0 ? s + '/>' : s + '>' + children.join('') + `</${tag}>`;
}

/** A text element; `text` is escaped. */
export function svgText(x: number, y: number, text: string, attrs: Readonly<Record<string, AttrValue>> = {}): string {
  return el('text', { x, y, ...attrs }, escapeXml(text));
}
