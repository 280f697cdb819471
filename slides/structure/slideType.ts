import type { DeckCell } from '../notebook/types';

/**
 * `metadata.slideshow.slide_type` as nbconvert's slides exporter reads it
 * (nbconvert/exporters/slides.py, _RevealMetadataPreprocessor): a missing value means "-"
 * (continue), and any value that is not one of the named types also continues the current
 * slide — including JupyterLab 4's "" and misspellings such as "Slide".
 */
export type SlideType = 'slide' | 'subslide' | 'fragment' | 'skip' | 'notes' | '-';

const NAMED: ReadonlySet<string> = new Set(['slide', 'subslide', 'fragment', 'skip', 'notes', '-']);

export interface SlideTypeReading {
  readonly type: SlideType;
  /** The stored value when it is neither missing, "", "-" nor a named type (worth a warning). */
  readonly unknown?: string;
}

export function readSlideType(cell: DeckCell): SlideTypeReading {
  const slideshow = cell.metadata.slideshow;
  const raw = typeof slideshow === 'object' && slideshow !== null ? (slideshow as Record<string, unknown>).slide_type : undefined;
  if (raw === undefined || raw === '' || raw === null) return { type: '-' };
  if (typeof raw === 'string' && NAMED.has(raw)) return { type: raw as SlideType };
  return { type: '-', unknown: typeof raw === 'string' ? raw : JSON.stringify(raw) };
}

/**
 * `metadata.slideshow.data` (nbconvert ≥7, templates/reveal/cellslidedata.j2): each key becomes a
 * `data-*` attribute, "_" written as "-", on the section(s) or fragment the cell opens — e.g.
 * `{"background_color": "#fff8e1"}` → `data-background-color="#fff8e1"` (a reveal.js option).
 */
export function readSlideData(cell: DeckCell): Readonly<Record<string, string>> {
  const slideshow = cell.metadata.slideshow;
  const data = typeof slideshow === 'object' && slideshow !== null ? (slideshow as Record<string, unknown>).data : undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (/^[a-z0-9_-]+$/i.test(key) && value !== null && value !== undefined) out[key.replace(/_/g, '-')] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return Object.freeze(out);
}
