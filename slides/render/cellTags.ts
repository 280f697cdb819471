import type { DeckCell } from '../notebook/types';

/** The cell tags the exporter acts on (DESIGN.md "Notebooks as tested artefacts"). */
export const SLIDE_TAGS = Object.freeze({
  /** The cell's source is not shown; its outputs are. */
  hideInput: 'hide-input',
  /** The cell's outputs are not shown; its source is. */
  hideOutput: 'hide-output',
  /** An exercise's solution or a discussion's model answer: shown collapsed behind "해답 보기". */
  solution: 'solution',
  /** The markdown cell holding the visible time-plan table the outline is checked against. */
  timePlan: 'time-plan',
});

export function cellTags(cell: DeckCell): readonly string[] {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

export function hasTag(cell: DeckCell, tag: string): boolean {
  return cellTags(cell).includes(tag);
}
