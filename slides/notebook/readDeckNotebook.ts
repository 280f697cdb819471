/**
 * Reads a notebook file for the exporter: JSON → `DeckNotebook`, with multi-line fields joined
 * (nbformat stores them as line lists; rwbase.rejoin_lines joins them on read).
 * Only what a deck needs is checked; the course's full reader lives in tools/nbformat.
 */
import { readFileSync } from 'node:fs';
import { SlidesError } from '../SlidesError';
import type { DeckCell, DeckNotebook, DeckOutput, MimeData } from './types';

export function readDeckNotebook(path: string): DeckNotebook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SlidesError('SLIDES_BAD_NOTEBOOK', `${path}: cannot read the notebook (${(cause as Error).message}); pass the path of an .ipynb file`, { data: { path }, cause });
  }
  return parseDeckNotebook(text, path);
}

export function parseDeckNotebook(text: string, path = '<notebook>'): DeckNotebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw bad(path, `invalid JSON (${(cause as Error).message})`);
  }
  if (!isObject(raw)) throw bad(path, 'the top level is not a JSON object');
  if (raw.nbformat !== 4) throw bad(path, `nbformat is ${JSON.stringify(raw.nbformat)}, expected 4`);
  if (!Array.isArray(raw.cells)) throw bad(path, '"cells" is not a list');
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  const cells = raw.cells.map((cell, index) => readCell(cell, index, path));
  return Object.freeze({ cells: Object.freeze(cells), metadata });
}

function readCell(value: unknown, index: number, path: string): DeckCell {
  if (!isObject(value)) throw bad(path, `cell ${index} is not an object`);
  const type = value.cell_type;
  if (type !== 'code' && type !== 'markdown' && type !== 'raw') throw bad(path, `cell ${index} has cell_type ${JSON.stringify(type)}`);
  const cell: { -readonly [K in keyof DeckCell]: DeckCell[K] } = {
    cell_type: type,
    source: joinLines(value.source),
    metadata: isObject(value.metadata) ? value.metadata : {},
  };
  if (typeof value.id === 'string') cell.id = value.id;
  if (isObject(value.attachments)) {
    const attachments: Record<string, MimeData> = {};
    for (const [name, bundle] of Object.entries(value.attachments)) if (isObject(bundle)) attachments[name] = joinBundle(bundle);
    cell.attachments = attachments;
  }
  if (type === 'code') {
    const outputs = Array.isArray(value.outputs) ? value.outputs : [];
    cell.outputs = outputs.map((output, o) => readOutput(output, index, o, path));
  }
  return Object.freeze(cell);
}

function readOutput(value: unknown, cell: number, index: number, path: string): DeckOutput {
  if (!isObject(value)) throw bad(path, `cell ${cell} output ${index} is not an object`);
  switch (value.output_type) {
    case 'stream':
      return { output_type: 'stream', name: value.name === 'stderr' ? 'stderr' : 'stdout', text: joinLines(value.text) };
    case 'display_data':
    case 'execute_result':
      return { output_type: value.output_type, data: isObject(value.data) ? joinBundle(value.data) : {}, metadata: isObject(value.metadata) ? value.metadata : {} };
    case 'error':
      return {
        output_type: 'error',
        ename: String(value.ename ?? ''),
        evalue: String(value.evalue ?? ''),
        traceback: Array.isArray(value.traceback) ? value.traceback.map(String) : [],
      };
    default:
      throw bad(path, `cell ${cell} output ${index} has output_type ${JSON.stringify(value.output_type)}`);
  }
}

/** JSON mime types keep their parsed value; every other value may be a list of lines (nbformat §3.7). */
function joinBundle(bundle: Record<string, unknown>): MimeData {
  const out: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(bundle)) {
    const json = mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
    out[mime] = !json && Array.isArray(value) ? value.map(String).join('') : value;
  }
  return out;
}

function joinLines(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join('');
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(path: string, problem: string): SlidesError {
  return new SlidesError('SLIDES_BAD_NOTEBOOK', `${path}: not an nbformat 4 notebook: ${problem}; open and save it in Jupyter to repair it`, { data: { path, problem } });
}
