import { describe, expect, it } from 'vitest';
import { SlidesError } from '../../slides/SlidesError';
import type { DeckCell, DeckNotebook } from '../../slides/notebook/types';
import { buildSlideTree, type SlideTree } from '../../slides/structure/buildSlideTree';
import { readSlideData, readSlideType } from '../../slides/structure/slideType';

/** A notebook whose cells have the given slide types (undefined = no slideshow metadata). */
function notebook(...types: (string | undefined | null)[]): DeckNotebook {
  return {
    metadata: {},
    cells: types.map((type, index): DeckCell => ({
      cell_type: 'markdown',
      source: `cell ${index}`,
      metadata: type === undefined ? {} : { slideshow: { slide_type: type } },
    })),
  };
}

/** The tree as text: S = slide, s = subslide, F(...) = fragment, n = notes, k = skip, c = content. */
function shape(tree: SlideTree): string {
  const cell = (c: { cellIndex: number; role: string }): string => `${c.role === 'notes' ? 'n' : c.role === 'skip' ? 'k' : 'c'}${c.cellIndex}`;
  const lead = tree.leading.map(cell).join(' ');
  const slides = tree.slides
    .map((slide) => `S[${slide.subslides.map((sub) => `s(${sub.items.map((item) => (item.kind === 'cell' ? cell(item) : `F(${item.cells.map(cell).join(' ')})`)).join(' ')})`).join(' ')}]`)
    .join(' ');
  return lead ? `${lead} | ${slides}` : slides;
}

describe('readSlideType: what nbconvert reads from metadata.slideshow.slide_type', () => {
  it('takes the named types as they are', () => {
    for (const type of ['slide', 'subslide', 'fragment', 'skip', 'notes', '-']) {
      expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: type } } })).toEqual({ type });
    }
  });
  it('reads missing, "" (JupyterLab 4) and null as "-" without a warning', () => {
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: {} })).toEqual({ type: '-' });
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: {} } })).toEqual({ type: '-' });
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: '' } } })).toEqual({ type: '-' });
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: null } } })).toEqual({ type: '-' });
  });
  it('continues on an unknown value and reports it', () => {
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: 'Slide' } } })).toEqual({ type: '-', unknown: 'Slide' });
    expect(readSlideType({ cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: 3 } } })).toEqual({ type: '-', unknown: '3' });
  });
  it('turns slideshow.data keys into data-* names with "_" written as "-"', () => {
    const cell: DeckCell = { cell_type: 'markdown', source: '', metadata: { slideshow: { slide_type: 'slide', data: { background_color: '#fff8e1', state: 'intro', 'bad key': 'x', autoslide: 2000 } } } };
    expect(readSlideData(cell)).toEqual({ 'background-color': '#fff8e1', state: 'intro', autoslide: '2000' });
  });
});

describe('buildSlideTree: nbconvert _RevealMetadataPreprocessor rules', () => {
  it('opens a slide at the first cell even without metadata, and "-" continues it', () => {
    expect(shape(buildSlideTree(notebook(undefined, '-', '')))).toBe('S[s(c0 c1 c2)]');
  });
  it('forces the first visible cell to open a slide whatever its type', () => {
    expect(shape(buildSlideTree(notebook('fragment', '-')))).toBe('S[s(c0 c1)]');
    expect(shape(buildSlideTree(notebook('subslide', 'subslide')))).toBe('S[s(c0) s(c1)]');
  });
  it('keeps skip and notes cells before the first visible cell apart (nbconvert renders them outside every section)', () => {
    expect(shape(buildSlideTree(notebook('notes', 'skip', 'fragment', 'slide')))).toBe('n0 k1 | S[s(c2)] S[s(c3)]');
  });
  it('nests subslides in the open slide and starts a new horizontal slide at "slide"', () => {
    expect(shape(buildSlideTree(notebook('slide', 'subslide', '-', 'slide', 'subslide')))).toBe('S[s(c0) s(c1 c2)] S[s(c3) s(c4)]');
  });
  it('runs a fragment until the next fragment, subslide or slide, taking "-" and notes cells with it', () => {
    expect(shape(buildSlideTree(notebook('slide', 'fragment', '-', 'notes', 'fragment', 'subslide', 'fragment', 'slide')))).toBe('S[s(c0 F(c1 c2 n3) F(c4)) s(c5 F(c6))] S[s(c7)]');
  });
  it('places skip cells where they stand and closes a fragment at the end of the notebook', () => {
    expect(shape(buildSlideTree(notebook('slide', 'skip', 'fragment', 'skip')))).toBe('S[s(c0 k1 F(c2 k3))]');
  });
  it('reports unknown types and treats them as "-"', () => {
    const tree = buildSlideTree(notebook('slide', 'Slide', 'frag')); 
    expect(shape(tree)).toBe('S[s(c0 c1 c2)]');
    expect(tree.unknownTypes).toEqual([{ cellIndex: 1, value: 'Slide' }, { cellIndex: 2, value: 'frag' }]);
  });
  it('refuses a notebook where every cell is skip or notes, as nbconvert does', () => {
    const attempt = (): unknown => buildSlideTree(notebook('skip', 'notes'), 'hidden.ipynb');
    expect(attempt).toThrow(SlidesError);
    expect(attempt).toThrow(/hidden\.ipynb: every cell is "skip" or "notes"/);
    try {
      attempt();
    } catch (error) {
      expect((error as SlidesError).code).toBe('SLIDES_NO_VISIBLE_CELL');
    }
  });
  it('returns frozen values', () => {
    const tree = buildSlideTree(notebook('slide', 'fragment'));
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.slides[0]?.subslides[0]?.items)).toBe(true);
  });
});
