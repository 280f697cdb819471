/**
 * Reads a notebook for the exporter through the course's own nbformat reader (tools/nbformat),
 * which joins multi-line fields as nbformat's `reads` does. Its `Notebook` is structurally a
 * `DeckNotebook`; any failure (missing file, bad JSON, wrong version) becomes a SlidesError.
 */
import { readNotebook } from '../../tools/nbformat';
import { SlidesError } from '../SlidesError';
import type { DeckNotebook } from './types';

export function readDeckNotebook(path: string): DeckNotebook {
  try {
    return readNotebook(path);
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new SlidesError('SLIDES_BAD_NOTEBOOK', reason.startsWith(path) ? reason : `${path}: cannot read the notebook (${reason}); pass the path of an .ipynb file`, { data: { path }, cause });
  }
}
