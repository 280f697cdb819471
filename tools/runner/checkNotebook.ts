/**
 * The notebook test: run a notebook in a fresh kernel, then report every failing cell (errors not
 * tagged raises-exception, raises-exception cells that did not raise, timeouts, a dead kernel) and
 * every output that differs from the committed one (compareOutputs.ts).
 */
import { resolve } from 'node:path';
import { readNotebook } from '../nbformat/readNotebook';
import { compareOutputs, type OutputMismatch } from './compareOutputs';
import { executeNotebook, type NotebookFailure, type NotebookRun, type RunOptions } from './executeNotebook';
import type { Sanitizer } from './sanitize';

export interface NotebookCheck {
  path: string;
  run: NotebookRun;
  failures: readonly NotebookFailure[];
  mismatches: readonly OutputMismatch[];
  ok: boolean;
}

export async function checkNotebook(path: string, options: RunOptions & { sanitizers?: readonly Sanitizer[] } = {}): Promise<NotebookCheck> {
  const committed = readNotebook(resolve(path));
  const run = await executeNotebook(path, options);
  const mismatches = compareOutputs(committed, run, options.sanitizers);
  return { path: run.path, run, failures: run.failures, mismatches, ok: run.failures.length === 0 && mismatches.length === 0 };
}

/** A report a person can act on: notebook, cell index and id, what happened, the text or the diff. */
export function formatCheck(check: NotebookCheck): string {
  if (check.ok) return `${check.path}: ok (${check.run.cells.length} code cells)`;
  const lines = [`${check.path}: ${check.failures.length} failing cell(s), ${check.mismatches.length} output mismatch(es)`];
  for (const failure of check.failures) {
    lines.push(`✗ ${check.path} cell ${failure.cellIndex} (id ${failure.cellId}): ${failure.kind}: ${failure.summary}`);
    lines.push(indent('source', failure.source));
    if (failure.details.trim()) lines.push(indent('output', failure.details));
  }
  if (check.mismatches.length > 0) {
    lines.push(`Committed outputs are stale: if the change is intended, run "npm run execute ${check.path}" and commit the notebook.`);
  }
  for (const mismatch of check.mismatches) {
    lines.push(`✗ ${check.path} cell ${mismatch.cellIndex} (id ${mismatch.cellId}): ${mismatch.summary}`);
    if (mismatch.diff) lines.push(indent('diff (- committed, + fresh run)', mismatch.diff));
  }
  return lines.join('\n');
}

function indent(title: string, text: string): string {
  const body = text.trimEnd().split('\n').slice(0, 40);
  return `    ${title}:\n${body.map((line) => `    | ${line}`).join('\n')}`;
}
