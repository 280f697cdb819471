import { codePointWidth } from '../cli/displayWidth';

/** Text for XML content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Numbers written short and stable (no 125.00000000000001). */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Estimated rendered width in px. There is no text measurement in Node, so layout uses the
 * average advance of the named fonts: Hangul/CJK ≈ 1 em, Latin ≈ 0.56 em (sans) / 0.6 em (mono).
 */
export function textWidth(text: string, fontSize: number, mono = false): number {
  let em = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0)!);
    em += w === 2 ? 1 : w === 0 ? 0 : mono ? 0.6 : /[A-Z0-9@#%&mMwW]/.test(ch) ? 0.64 : /[iljtf.,:;'|!() ]/.test(ch) ? 0.32 : 0.54;
  }
  return em * fontSize;
}

/** Cut `text` (adding "…") so it fits in `maxWidth` px. */
export function fitText(text: string, maxWidth: number, fontSize: number, mono = false): string {
  if (textWidth(text, fontSize, mono) <= maxWidth) return text;
  const chars = Array.from(text);
  let out = '';
  for (const ch of chars) {
    if (textWidth(out + ch + '…', fontSize, mono) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}
