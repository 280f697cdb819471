/**
 * Cell ids (nbformat 4.5, JEP 62): 1–64 characters of [a-zA-Z0-9-_], unique in the notebook.
 * They must be stable under version control, so an id is generated only when a cell has none (or a
 * duplicate/invalid one), never on a normal run; the form is nbformat's own `random_cell_id`
 * (8 hex characters of a random UUID).
 */
import { randomUUID } from 'node:crypto';
import type { Notebook } from './types';

const VALID_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Fills in missing, invalid or duplicate ids in place; returns how many ids it wrote. */
export function ensureCellIds(notebook: Notebook): number {
  const seen = new Set<string>();
  let written = 0;
  for (const cell of notebook.cells) {
    if (typeof cell.id !== 'string' || !VALID_ID.test(cell.id) || seen.has(cell.id)) {
      let id: string;
      do id = randomUUID().replace(/-/g, '').slice(0, 8);
      while (seen.has(id));
      cell.id = id;
      written++;
    }
    seen.add(cell.id);
  }
  // Ids exist from nbformat 4.5 on: a notebook that gained them is a 4.5 notebook now.
  if (written > 0 && notebook.nbformat_minor < 5) notebook.nbformat_minor = 5;
  return written;
}
