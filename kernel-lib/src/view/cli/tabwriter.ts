import { displayWidth } from './displayWidth';

/**
 * The elastic-tabstop writer the docker CLI formats tables with (its fork of Go's
 * text/tabwriter, created as `NewWriter(out, minwidth=10, tabwidth=1, padding=3, ' ', 0)`).
 *
 * Rules kept exactly, because they decide every space in `docker history`/`images` output:
 *  - a cell is text *terminated* by a tab; the text after the last tab of a line is not part of
 *    any column and is never padded;
 *  - a column is a run of consecutive lines that have a cell at that index; its width is
 *    max(minwidth, widest cell + padding), measured in display columns (Hangul = 2);
 *  - empty cells are padded like any other (so rows with an empty COMMENT end in spaces).
 */
export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

export const DOCKER_TABWRITER: TabwriterOptions = Object.freeze({ minWidth: 10, padding: 3 });

export function tabwrite(text: string, options: TabwriterOptions = DOCKER_TABWRITER): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[][] = lines.map(() => []);
  formatBlock(lines, out, 0, 0, lines.length, options);
  const joined = lines.map((cells, i) => out[i]!.join('') + (cells[cells.length - 1] ?? '')).join('\n');
  return endsWithNewline ? joined + '\n' : joined;
}

/** Pads column `col` (and, recursively, the columns right of it) for lines [from, to). */
function formatBlock(lines: string[][], out: string[][], col: number, from: number, to: number, o: TabwriterOptions): void {
  let i = from;
  while (i < to) {
    // Lines without a terminated cell at `col` end any block here.
    if (col >= lines[i]!.length - 1) { i++; continue; }
    const start = i;
    let width = o.minWidth;
    while (i < to && col < lines[i]!.length - 1) {
      const w = displayWidth(lines[i]![col]!) + o.padding;
      if (w > width) width = w;
      i++;
    }
    for (let j = start; j < i; j++) {
      const cell = lines[j]![col]!;
      out[j]!.push(cell + ' '.repeat(width - displayWidth(cell)));
    }
    formatBlock(lines, out, col + 1, start, i, o);
  }
}
