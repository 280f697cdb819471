/**
 * The lecture's time plan, read from cell metadata (the one source of timings):
 *
 *   cell.metadata.layerlab.minutes = <positive number>
 *
 * on the cell that starts a timed block (usually the `slide` cell of a section). A block runs until
 * the next cell that has minutes. The visible time-plan table learners read (a markdown table in a
 * cell tagged `time-plan`) is checked against it: its minutes column must add up to the same total.
 */
import { Marked, type Tokens } from 'marked';
import { SlidesError } from '../SlidesError';
import type { DeckNotebook } from '../notebook/types';
import { SLIDE_TAGS, hasTag } from '../render/cellTags';
import { firstHeading, plainText } from '../render/renderMarkdown';
import type { DeckLayout } from '../structure/deckLayout';

export interface TimedBlock {
  readonly cellIndex: number;
  readonly minutes: number;
  /** Minutes from the start of the session. */
  readonly start: number;
  readonly title: string;
  /** The deck slides (1-based numbers) the block spans. */
  readonly firstSlide: number;
  readonly lastSlide: number;
}

export interface TimePlan {
  readonly blocks: readonly TimedBlock[];
  /** Sum of the blocks' minutes; undefined when no cell has minutes. */
  readonly total: number | undefined;
  /** Sum of the minutes column of the `time-plan` table, when the notebook has one. */
  readonly tableTotal: number | undefined;
  readonly warnings: readonly string[];
}

export function readMinutes(cell: { readonly metadata: { readonly [key: string]: unknown } }, cellIndex: number, path: string): number | undefined {
  const layerlab = cell.metadata.layerlab;
  if (layerlab === undefined) return undefined;
  if (typeof layerlab !== 'object' || layerlab === null || Array.isArray(layerlab)) {
    throw new SlidesError('SLIDES_BAD_METADATA', `${path}: cell ${cellIndex} metadata "layerlab" must be an object, found ${JSON.stringify(layerlab)}`, { data: { path, cellIndex } });
  }
  const minutes = (layerlab as Record<string, unknown>).minutes;
  if (minutes === undefined) return undefined;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
    throw new SlidesError('SLIDES_BAD_METADATA', `${path}: cell ${cellIndex} has layerlab.minutes ${JSON.stringify(minutes)}; write a positive number of minutes, e.g. {"layerlab": {"minutes": 10}}`, { data: { path, cellIndex, minutes } });
  }
  return minutes;
}

export function readTimePlan(notebook: DeckNotebook, layout: DeckLayout, path: string): TimePlan {
  const slideOfCell = new Map<number, number>();
  for (const slide of layout.slides) for (const cell of slide.cells) slideOfCell.set(cell.cellIndex, slide.number);
  const lastSlide = layout.slides.length;

  const starts: { cellIndex: number; minutes: number; slide: number; title: string }[] = [];
  notebook.cells.forEach((cell, cellIndex) => {
    const minutes = readMinutes(cell, cellIndex, path);
    if (minutes === undefined) return;
    const slide = slideOfCell.get(cellIndex) ?? 1;
    const heading = cell.cell_type === 'markdown' ? firstHeading(cell.source)?.text : undefined;
    starts.push({ cellIndex, minutes, slide, title: heading ?? layout.slides[slide - 1]?.title ?? `슬라이드 ${slide}` });
  });

  let clock = 0;
  const blocks = starts.map((start, i) => {
    const next = starts[i + 1];
    const block: TimedBlock = Object.freeze({
      cellIndex: start.cellIndex,
      minutes: start.minutes,
      start: clock,
      title: start.title,
      firstSlide: start.slide,
      lastSlide: next ? Math.max(start.slide, next.slide - 1) : lastSlide,
    });
    clock += start.minutes;
    return block;
  });

  const warnings: string[] = [];
  const total = blocks.length > 0 ? clock : undefined;
  const table = notebook.cells.find((cell) => cell.cell_type === 'markdown' && hasTag(cell, SLIDE_TAGS.timePlan));
  const tableTotal = table ? sumMinutesColumn(table.source) : undefined;
  if (table && tableTotal === undefined) warnings.push(`the cell tagged "${SLIDE_TAGS.timePlan}" has no table with a minutes column`);
  if (tableTotal !== undefined && total === undefined) warnings.push(`the time-plan table says ${tableTotal} min but no cell has layerlab.minutes, so the outline has no timings`);
  if (tableTotal !== undefined && total !== undefined && tableTotal !== total) {
    warnings.push(`the time-plan table adds up to ${tableTotal} min but the cells' layerlab.minutes add up to ${total} min; make them agree`);
  }
  const firstTimed = blocks[0];
  if (firstTimed && firstTimed.firstSlide > 2) {
    const last = firstTimed.firstSlide - 1;
    warnings.push(last === 2 ? 'slide 2 comes before the first cell with layerlab.minutes and has no time' : `slides 2–${last} come before the first cell with layerlab.minutes and have no time`);
  }
  return Object.freeze({ blocks: Object.freeze(blocks), total, tableTotal, warnings: Object.freeze(warnings) });
}

/**
 * The sum of a markdown table's minutes column: the last column whose body cells are numbers
 * ("10", "10분", "10 min"); a row whose first cell says 합계/총/total is a total line and is skipped.
 */
export function sumMinutesColumn(markdown: string): number | undefined {
  const table = new Marked({ gfm: true }).lexer(markdown).find((token): token is Tokens.Table => token.type === 'table');
  if (!table) return undefined;
  const rows = table.rows.filter((row) => !/^(합계|총|total)/i.test(plainText(row[0]?.text ?? '')));
  const minutes = (text: string): number | undefined => {
    const match = /^(\d+(?:\.\d+)?)\s*(?:분|min|minutes?|m)?$/i.exec(plainText(text));
    return match ? Number(match[1]) : undefined;
  };
  const columns = table.header.length;
  for (let column = columns - 1; column >= 0; column--) {
    const values = rows.map((row) => minutes(row[column]?.text ?? ''));
    if (values.length > 0 && values.every((value) => value !== undefined)) return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  }
  return undefined;
}
