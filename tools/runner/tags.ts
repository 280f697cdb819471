/**
 * Cell tags the runner honours, named as nbclient, nbmake and nbval name them (JUPYTER-FACTS §3.6):
 * - `skip-execution` (nbclient, nbmake) / `nbval-skip`: not run; its stored outputs are kept as they are.
 * - `raises-exception` / `nbval-raises-exception`: the error is the lesson. Unlike nbval, which only
 *   *allows* an error, we *require* one: a cell meant to show a failure that stops failing is a
 *   broken lesson.
 * - `nbval-ignore-output`: run and checked for errors, outputs not compared (for output that
 *   legitimately changes, e.g. real wall-clock timings).
 */
import type { Cell } from '../nbformat/types';

export function cellTags(cell: Cell): readonly string[] {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

export function isSkipped(cell: Cell): boolean {
  const tags = cellTags(cell);
  return tags.includes('skip-execution') || tags.includes('nbval-skip');
}

export function expectsError(cell: Cell): boolean {
  const tags = cellTags(cell);
  return tags.includes('raises-exception') || tags.includes('nbval-raises-exception');
}

export function ignoresOutput(cell: Cell): boolean {
  return cellTags(cell).includes('nbval-ignore-output');
}
