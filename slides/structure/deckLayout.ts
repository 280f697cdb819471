/**
 * The deck as a lecturer counts it: a flat list of the slides reveal.js shows, in order, each with
 * its reveal index (h, v), its heading, its speaker notes and the cells on it. Slide 1 is the
 * generated title slide, which also takes the notes (and any other cells) before the first
 * visible cell. The test in Chromium checks `Reveal.getTotalSlides()` against `slides.length`.
 */
import type { DeckNotebook } from '../notebook/types';
import { firstHeading } from '../render/renderMarkdown';
import { cellsOf, type PlacedCell, type SlideTree } from './buildSlideTree';

export interface LaidOutSlide {
  /** 1-based position in the deck, as reveal's "c/t" slide number shows it. */
  readonly number: number;
  readonly h: number;
  readonly v: number;
  readonly title: string | undefined;
  /** Markdown source of each notes cell on this slide. */
  readonly notes: readonly string[];
  readonly cells: readonly PlacedCell[];
}

export interface DeckLayout {
  readonly slides: readonly LaidOutSlide[];
}

export function layOutDeck(tree: SlideTree, notebook: DeckNotebook, title: string): DeckLayout {
  const slides: LaidOutSlide[] = [];
  const add = (h: number, v: number, cells: readonly PlacedCell[], heading: string | undefined): void => {
    const notes = cells.filter((cell) => cell.role === 'notes').map((cell) => notebook.cells[cell.cellIndex]?.source ?? '').filter((text) => text.trim() !== '');
    slides.push(Object.freeze({ number: slides.length + 1, h, v, title: heading, notes: Object.freeze(notes), cells: Object.freeze([...cells]) }));
  };
  add(0, 0, tree.leading, title);
  tree.slides.forEach((slide, h) => {
    slide.subslides.forEach((subslide, v) => {
      const cells = cellsOf(subslide);
      add(h + 1, v, cells, headingOf(cells, notebook));
    });
  });
  return Object.freeze({ slides: Object.freeze(slides) });
}

function headingOf(cells: readonly PlacedCell[], notebook: DeckNotebook): string | undefined {
  for (const placed of cells) {
    const cell = notebook.cells[placed.cellIndex];
    if (placed.role !== 'content' || cell?.cell_type !== 'markdown') continue;
    const heading = firstHeading(cell.source, 3);
    if (heading) return heading.text;
  }
  return undefined;
}
