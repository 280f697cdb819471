import { inspect } from 'node:util';

/**
 * What a notebook cell can show. Every view has two faces:
 *  - `text`: what the docker CLI would print (tables), or a plain-text rendering of a figure —
 *    it is what `console.log`, tslab's last-expression print and `String(view)` give;
 *  - `html()`: the rich form sent to Jupyter as one `text/html` display (tables as HTML, figures
 *    as SVG embedded in an `<img>` so they also render in untrusted notebooks and exported slides).
 */
export interface RichView {
  readonly text: string;
  html(): string;
}

export function isRichView(value: unknown): value is RichView {
  return typeof value === 'object' && value !== null && typeof (value as RichView).text === 'string' && typeof (value as RichView).html === 'function';
}

/**
 * Base class: `toString()` and `util.inspect` both return `text`, so the plain print of a
 * cell's last expression looks exactly like the docker CLI (no quotes, no object braces).
 */
export abstract class TextFirstView implements RichView {
  abstract readonly text: string;
  abstract html(): string;
  toString(): string {
    return this.text.replace(/\n$/, '');
  }
  [inspect.custom](): string {
    return this.toString();
  }
}
