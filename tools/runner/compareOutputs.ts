/**
 * nbval-style comparison of a fresh run with the committed notebook. For each code cell that ran
 * and is not tagged `nbval-ignore-output`:
 * - the execution count must match (our runner numbers cells 1, 2, 3… in order, so a different
 *   count means the committed file was not produced by `npm run execute`);
 * - the outputs must match one for one, in order: same kind (stream name, output type), and for
 *   mime bundles the same mime types with the same values, after `sanitize` (sanitize.ts says what
 *   is rewritten and why). Output metadata, `transient` and execute_result counts are not compared;
 *   error outputs compare ename and evalue, not traceback (as nbval does).
 * Committed outputs are normalised like fresh ones first (consecutive streams merged, kernel frames
 * dropped), so a notebook saved from JupyterLab compares fairly.
 */
import { dirname, resolve } from 'node:path';
import type { Notebook, Output } from '../nbformat/types';
import { isJsonMime } from '../nbformat/readNotebook';
import { PROJECT_ROOT } from '../paths';
import { tidyErrorText } from './errorText';
import type { NotebookRun } from './executeNotebook';
import { lineDiff } from './lineDiff';
import { DEFAULT_SANITIZERS, sanitize, type Sanitizer } from './sanitize';
import { ignoresOutput } from './tags';

export interface OutputMismatch {
  cellIndex: number;
  cellId: string;
  /** One line, e.g. "output 2 (stream stdout) differs". */
  summary: string;
  /** A readable diff, committed (-) against fresh (+). */
  diff: string;
}

interface Comparable {
  kind: string;
  text: string;
}

export function compareOutputs(committed: Notebook, run: NotebookRun, sanitizers: readonly Sanitizer[] = DEFAULT_SANITIZERS): OutputMismatch[] {
  const notebookDir = dirname(resolve(PROJECT_ROOT, run.path));
  const mismatches: OutputMismatch[] = [];
  for (const cellRun of run.cells) {
    const cell = committed.cells[cellRun.index];
    if (!cell || cell.cell_type !== 'code') continue;
    if (cellRun.status === 'skipped' || cellRun.status === 'not-run' || cellRun.status === 'kernel-died' || ignoresOutput(cell)) continue;
    const at = { cellIndex: cellRun.index, cellId: cellRun.id };
    if (cell.execution_count !== cellRun.executionCount) {
      mismatches.push({
        ...at,
        summary: `execution_count is ${cell.execution_count} in the committed notebook, ${cellRun.executionCount} in a fresh run`,
        diff: '',
      });
    }
    const expected = comparables(mergeStreams(cell.outputs), notebookDir, sanitizers);
    const actual = comparables(cellRun.outputs, notebookDir, sanitizers);
    const count = Math.max(expected.length, actual.length);
    for (let i = 0; i < count; i++) {
      const want = expected[i];
      const got = actual[i];
      if (want && got && want.kind === got.kind && want.text === got.text) continue;
      if (want && got && want.kind === got.kind) {
        mismatches.push({ ...at, summary: `output ${i} (${want.kind}) differs`, diff: lineDiff(want.text, got.text) });
      } else if (want && got) {
        mismatches.push({
          ...at,
          summary: `output ${i} is ${got.kind} in a fresh run, ${want.kind} in the committed notebook`,
          diff: lineDiff(`[${want.kind}]\n${want.text}`, `[${got.kind}]\n${got.text}`),
        });
      } else if (want) {
        mismatches.push({ ...at, summary: `output ${i} (${want.kind}) is committed but missing from a fresh run`, diff: lineDiff(want.text, '') });
      } else if (got) {
        mismatches.push({ ...at, summary: `output ${i} (${got.kind}) appears in a fresh run but is not committed`, diff: lineDiff('', got.text) });
      }
    }
  }
  return mismatches;
}

/** One comparable item per stream and per mime type of a bundle, in order. */
function comparables(outputs: readonly Output[], notebookDir: string, sanitizers: readonly Sanitizer[]): Comparable[] {
  const items: Comparable[] = [];
  for (const output of outputs) {
    switch (output.output_type) {
      case 'stream': {
        const text = output.name === 'stderr' ? tidyErrorText(output.text, notebookDir) : output.text;
        items.push({ kind: `stream ${output.name}`, text: sanitize(text, sanitizers) });
        break;
      }
      case 'error':
        items.push({ kind: 'error', text: sanitize(`${output.ename}: ${output.evalue}`, sanitizers) });
        break;
      default:
        for (const mime of Object.keys(output.data).sort()) {
          const value = output.data[mime];
          const text = typeof value === 'string' && !isJsonMime(mime) ? value : JSON.stringify(value, null, 1);
          items.push({ kind: `${output.output_type} ${mime}`, text: sanitize(text, sanitizers) });
        }
    }
  }
  return items;
}

function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const last = merged[merged.length - 1];
    if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
      merged[merged.length - 1] = { ...last, text: last.text + output.text };
    } else {
      merged.push(output);
    }
  }
  return merged;
}
