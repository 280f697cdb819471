/**
 * Reading a notebook the way `nbformat.reads(..., as_version=4)` leaves it in memory: multi-line
 * fields rejoined into strings (rwbase.rejoin_lines) and transient keys dropped
 * (rwbase.strip_transient). Cell ids are *not* invented here — see `ensureCellIds`.
 */
import { readFileSync } from 'node:fs';
import { NotebookFormatError } from './NotebookFormatError';
import type { Cell, JsonObject, JsonValue, Notebook } from './types';

export function readNotebook(path: string): Notebook {
  return parseNotebook(readFileSync(path, 'utf8'), path);
}

export function parseNotebook(text: string, path = '<notebook>'): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new NotebookFormatError(path, `invalid JSON (${(error as Error).message})`);
  }
  if (!isObject(raw)) throw new NotebookFormatError(path, 'the top level is not a JSON object');
  if (raw.nbformat !== 4) {
    throw new NotebookFormatError(path, `nbformat is ${JSON.stringify(raw.nbformat)}, expected 4 (convert it with "jupyter nbconvert --to notebook")`);
  }
  if (typeof raw.nbformat_minor !== 'number') throw new NotebookFormatError(path, 'nbformat_minor is missing');
  if (!Array.isArray(raw.cells)) throw new NotebookFormatError(path, '"cells" is not a list');
  if (raw.metadata !== undefined && !isObject(raw.metadata)) throw new NotebookFormatError(path, '"metadata" is not an object');
  const metadata = (raw.metadata ?? {}) as JsonObject;
  delete metadata.orig_nbformat;
  delete metadata.orig_nbformat_minor;
  delete metadata.signature;
  const cells = raw.cells.map((cell, index) => readCell(cell, index, path));
  return { ...(raw as JsonObject), cells, metadata, nbformat: 4, nbformat_minor: raw.nbformat_minor } as Notebook;
}

function readCell(value: JsonValue, index: number, path: string): Cell {
  if (!isObject(value)) throw new NotebookFormatError(path, `cell ${index} is not an object`);
  const type = value.cell_type;
  if (type !== 'code' && type !== 'markdown' && type !== 'raw') {
    throw new NotebookFormatError(path, `cell ${index} has cell_type ${JSON.stringify(type)}`);
  }
  const cell = value as JsonObject;
  cell.source = joinLines(cell.source ?? '');
  cell.metadata = isObject(cell.metadata) ? cell.metadata : {};
  delete (cell.metadata as JsonObject).trusted;
  if (isObject(cell.attachments)) {
    for (const bundle of Object.values(cell.attachments)) if (isObject(bundle)) rejoinBundle(bundle);
  }
  if (type === 'code') {
    if (!Array.isArray(cell.outputs)) cell.outputs = [];
    if (cell.execution_count === undefined) cell.execution_count = null;
    for (const output of cell.outputs) {
      if (!isObject(output)) throw new NotebookFormatError(path, `cell ${index} has an output that is not an object`);
      if (output.output_type === 'stream') output.text = joinLines(output.text ?? '');
      else if (isObject(output.data)) rejoinBundle(output.data);
    }
  }
  return cell as unknown as Cell;
}

/** nbformat leaves JSON mime types (application/json, application/*+json) alone. */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

function rejoinBundle(bundle: JsonObject): void {
  for (const [mime, value] of Object.entries(bundle)) {
    if (!isJsonMime(mime) && Array.isArray(value) && value.every((line) => typeof line === 'string')) {
      bundle[mime] = value.join('');
    }
  }
}

function joinLines(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join('');
  return String(value);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
