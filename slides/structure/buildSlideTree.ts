/**
 * The cell → slide structure, computed exactly as nbconvert's slides exporter does it
 * (nbconvert/exporters/slides.py `_RevealMetadataPreprocessor` + templates/reveal/base.html.j2),
 * but built as a tree instead of open/close flags on cells:
 *
 * - the first cell that is neither `skip` nor `notes` always opens a slide (whatever its type);
 * - `slide` closes the open slide (and subslide and fragment) and opens `<section><section>`;
 * - `subslide` closes the open subslide (and fragment) and opens a nested `<section>`;
 * - `fragment` closes an open fragment and opens `<div class="fragment">`, which then runs until
 *   the next fragment, subslide or slide — so "-" cells after a fragment belong to it;
 * - `notes` renders inside `<aside class="notes">` where it stands (inside a fragment if one is open);
 * - `skip` renders nothing; "-", "" and missing continue.
 *
 * One deliberate difference: cells *before* the first visible cell are rendered by nbconvert outside
 * every `<section>`, where reveal.js never shows them (notes there are lost). The tree keeps them in
 * `leading`, and the deck attaches leading notes to its title slide.
 */
import { SlidesError } from '../SlidesError';
import type { DeckNotebook } from '../notebook/types';
import { readSlideType, type SlideType } from './slideType';

/** A cell placed on a slide. `role` says how it renders: content, speaker notes, or nothing. */
export interface PlacedCell {
  readonly kind: 'cell';
  readonly cellIndex: number;
  readonly role: 'content' | 'notes' | 'skip';
}

export interface FragmentNode {
  readonly kind: 'fragment';
  /** The cell whose `fragment` type opened it (its slideshow.data becomes data-* attributes). */
  readonly openedBy: number;
  readonly cells: readonly PlacedCell[];
}

export type SlideItem = PlacedCell | FragmentNode;

/** A vertical slide: one leaf `<section>`, what reveal.js counts as a slide. */
export interface SubslideNode {
  readonly openedBy: number;
  readonly items: readonly SlideItem[];
}

/** A horizontal slide: an outer `<section>` holding one or more subslides. */
export interface SlideNode {
  readonly openedBy: number;
  readonly subslides: readonly SubslideNode[];
}

export interface SlideTree {
  readonly leading: readonly PlacedCell[];
  readonly slides: readonly SlideNode[];
  /** Cells whose slide_type is not a known value (treated as "-", as nbconvert does). */
  readonly unknownTypes: readonly { readonly cellIndex: number; readonly value: string }[];
}

export function buildSlideTree(notebook: DeckNotebook, path = '<notebook>'): SlideTree {
  const types: SlideType[] = [];
  const unknownTypes: { cellIndex: number; value: string }[] = [];
  notebook.cells.forEach((cell, index) => {
    const reading = readSlideType(cell);
    types.push(reading.type);
    if (reading.unknown !== undefined) unknownTypes.push({ cellIndex: index, value: reading.unknown });
  });

  const first = types.findIndex((type) => type !== 'skip' && type !== 'notes');
  if (first < 0) {
    throw new SlidesError('SLIDES_NO_VISIBLE_CELL', `${path}: every cell is "skip" or "notes", so there is nothing to show; give at least one cell another slide_type`, { data: { path } });
  }

  const leading: PlacedCell[] = [];
  for (let index = 0; index < first; index++) leading.push(place(index, types[index] ?? '-'));

  type OpenSubslide = { openedBy: number; items: SlideItem[] };
  type OpenSlide = { openedBy: number; subslides: OpenSubslide[] };
  const slides: OpenSlide[] = [];
  let slide: OpenSlide = { openedBy: first, subslides: [] };
  let subslide: OpenSubslide = { openedBy: first, items: [] };
  let fragment: { openedBy: number; cells: PlacedCell[] } | undefined;
  slide.subslides.push(subslide);
  slides.push(slide);
  subslide.items.push(place(first, '-'));

  const closeFragment = (): void => {
    if (fragment) subslide.items.push(Object.freeze({ kind: 'fragment', openedBy: fragment.openedBy, cells: Object.freeze(fragment.cells) }));
    fragment = undefined;
  };

  for (let index = first + 1; index < types.length; index++) {
    const type = types[index] ?? '-';
    if (type === 'slide') {
      closeFragment();
      slide = { openedBy: index, subslides: [] };
      slides.push(slide);
    }
    if (type === 'slide' || type === 'subslide') {
      closeFragment();
      subslide = { openedBy: index, items: [] };
      slide.subslides.push(subslide);
    } else if (type === 'fragment') {
      closeFragment();
      fragment = { openedBy: index, cells: [] };
    }
    const placed = place(index, type);
    if (fragment) fragment.cells.push(placed);
    else subslide.items.push(placed);
  }
  closeFragment();

  return Object.freeze({
    leading: Object.freeze(leading),
    slides: Object.freeze(
      slides.map((s) => Object.freeze({ openedBy: s.openedBy, subslides: Object.freeze(s.subslides.map((sub) => Object.freeze({ openedBy: sub.openedBy, items: Object.freeze(sub.items) }))) })),
    ),
    unknownTypes: Object.freeze(unknownTypes),
  });
}

function place(cellIndex: number, type: SlideType): PlacedCell {
  const role = type === 'notes' ? 'notes' : type === 'skip' ? 'skip' : 'content';
  return Object.freeze({ kind: 'cell', cellIndex, role });
}

/** Every placed cell of a subslide in document order (fragments flattened). */
export function cellsOf(subslide: SubslideNode): PlacedCell[] {
  return subslide.items.flatMap((item) => (item.kind === 'cell' ? [item] : [...item.cells]));
}
