/**
 * Writing a notebook byte-for-byte as `nbformat.write` does (JUPYTER-FACTS §3.7): multi-line fields
 * split with Python's splitlines(keepends) — cell source, stream text, and in mime bundles every
 * text/* value plus image/svg+xml and application/javascript (rwbase.split_lines) — transient keys
 * stripped, then json.dumps(indent=1, sort_keys=True, ensure_ascii=False) and a trailing newline.
 */
import { writeFileSync } from 'node:fs';
import { pythonJsonDumps } from './pythonJson';
import { splitLinesKeepEnds } from './splitLines';
import type { JsonObject, JsonValue, Notebook } from './types';

const NON_TEXT_SPLIT_MIMES = new Set(['application/javascript', 'image/svg+xml']);

export function serializeNotebook(notebook: Notebook): string {
  const copy = structuredClone(notebook) as unknown as JsonObject & { cells: JsonObject[]; metadata: JsonObject };
  delete copy.metadata.orig_nbformat;
  delete copy.metadata.orig_nbformat_minor;
  delete copy.metadata.signature;
  for (const cell of copy.cells) {
    if (typeof cell.source === 'string') cell.source = splitLinesKeepEnds(cell.source);
    const metadata = cell.metadata as JsonObject | undefined;
    if (metadata) delete metadata.trusted;
    if (isObject(cell.attachments)) {
      for (const bundle of Object.values(cell.attachments)) if (isObject(bundle)) splitBundle(bundle);
    }
    if (cell.cell_type === 'code' && Array.isArray(cell.outputs)) {
      for (const output of cell.outputs) {
        if (!isObject(output)) continue;
        if (output.output_type === 'execute_result' || output.output_type === 'display_data') {
          if (isObject(output.data)) splitBundle(output.data);
        } else if (output.output_type === 'stream' && typeof output.text === 'string') {
          output.text = splitLinesKeepEnds(output.text);
        }
      }
    }
  }
  return pythonJsonDumps(copy) + '\n';
}

export function writeNotebook(path: string, notebook: Notebook): void {
  writeFileSync(path, serializeNotebook(notebook), 'utf8');
}

function splitBundle(bundle: JsonObject): void {
  for (const [mime, value] of Object.entries(bundle)) {
    if (typeof value === 'string' && (mime.startsWith('text/') || NON_TEXT_SPLIT_MIMES.has(mime))) {
      bundle[mime] = splitLinesKeepEnds(value);
    }
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
