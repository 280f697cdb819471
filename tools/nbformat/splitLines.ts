/**
 * Python's `str.splitlines(keepends=True)`, which nbformat uses to store multi-line fields as line
 * lists. It breaks after \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85, U+2028 and U+2029 — more than
 * JavaScript's /\r?\n/ — and getting one of them wrong makes the written file differ from what
 * `nbformat.write` produces (JUPYTER-FACTS §3.7).
 */
const BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

export function splitLinesKeepEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BREAK)) {
    const end = (match.index ?? 0) + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}
