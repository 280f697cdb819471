/**
 * Runs a notebook top to bottom in a fresh tslab kernel started in the notebook's folder, and
 * returns the executed notebook plus a per-cell account. This is the engine behind
 * `npm run execute`, the notebook tests, and anything else (slides, benchmarks) that needs a
 * notebook's real outputs.
 *
 * tslab specifics handled here (JUPYTER-FACTS §1.9–1.11):
 * - after an error reply tslab answers every request of the next ~200 ms with `abort`, so we pause
 *   `errorPauseMs` (250 ms) after an error, and resend a request that was aborted anyway;
 * - a cell that runs past its timeout gets SIGINT; it is a failure and the cells after it are not run;
 * - if the kernel dies, the failure names the cell and its last output, and later cells are not run.
 */
import { dirname, relative, resolve } from 'node:path';
import { ensureCellIds } from '../nbformat/cellIds';
import { readNotebook } from '../nbformat/readNotebook';
import type { Cell, CodeCell, Notebook, Output } from '../nbformat/types';
import { TSLAB_KERNELSPEC } from '../nbformat/types';
import { KernelDiedError, KernelStartError } from '../jupyter/errors';
import { KernelClient, type ExecuteResult } from '../jupyter/KernelClient';
import type { KernelInfoReplyContent } from '../jupyter/messages';
import { NotebookOutputs } from '../jupyter/NotebookOutputs';
import { PROJECT_ROOT } from '../paths';
import { describeError, tidyErrorText } from './errorText';
import { expectsError, isSkipped } from './tags';

export interface RunOptions {
  /** Per-cell limit; notebook metadata `execution.timeout` (seconds, as nbmake reads it) wins. Default 120 s. */
  cellTimeoutMs?: number;
  startupTimeoutMs?: number;
  /** Pause after an error reply before the next request (tslab's abort window is 200 ms). */
  errorPauseMs?: number;
  /** Kernel command (default: the project's tslab); `{connection_file}` is substituted. */
  kernelArgv?: readonly string[];
  /** Called after each code cell finishes (for progress output). */
  onCell?: (cell: CellRun) => void;
}

export type CellStatus = 'ok' | 'error' | 'aborted' | 'timeout' | 'kernel-died' | 'skipped' | 'not-run';

export interface CellRun {
  /** Position in `notebook.cells` (0-based, markdown cells counted), the index every report uses. */
  index: number;
  id: string;
  status: CellStatus;
  executionCount: number | null;
  outputs: Output[];
  durationMs: number;
  /** Tagged raises-exception / nbval-raises-exception. */
  expectsError: boolean;
  /** How many times the request was resent after tslab answered `abort`. */
  abortResends: number;
}

export type FailureKind = 'error' | 'missing-error' | 'aborted' | 'timeout' | 'kernel-died';

export interface NotebookFailure {
  cellIndex: number;
  cellId: string;
  kind: FailureKind;
  /** One line: what went wrong (ename/evalue for errors). */
  summary: string;
  /** The full story for a report: the error text, or the last output before the kernel died. */
  details: string;
  source: string;
}

export interface LateOutput {
  cellIndex: number;
  msgType: string;
  text: string;
}

export interface NotebookRun {
  path: string;
  /** The notebook with fresh outputs and execution counts; skipped cells keep what they had. */
  notebook: Notebook;
  /** One entry per code cell, in order. */
  cells: CellRun[];
  failures: NotebookFailure[];
  /** True when every code cell ran (no timeout, no kernel death). */
  complete: boolean;
  /** Output that arrived after its cell had finished (timers, unhandled rejections): not stored. */
  lateOutputs: LateOutput[];
  /** Cell ids generated because the file had none. */
  generatedIds: number;
  kernelStartMs: number;
  durationMs: number;
}

export async function executeNotebook(path: string, options: RunOptions = {}): Promise<NotebookRun> {
  const started = performance.now();
  const absolute = resolve(path);
  const notebook = readNotebook(absolute);
  const generatedIds = ensureCellIds(notebook);
  const cwd = dirname(absolute);
  const cellTimeoutMs = notebookTimeoutMs(notebook) ?? options.cellTimeoutMs ?? 120_000;
  const errorPauseMs = options.errorPauseMs ?? 250;

  let kernel: KernelClient;
  try {
    kernel = await KernelClient.start({
      cwd,
      ...(options.kernelArgv ? { argv: options.kernelArgv } : {}),
      ...(options.startupTimeoutMs !== undefined ? { startupTimeoutMs: options.startupTimeoutMs } : {}),
    });
  } catch (error) {
    if (error instanceof KernelStartError) {
      throw new KernelStartError(`${relative(PROJECT_ROOT, absolute)}: ${error.message}`, { ...error.data, notebook: absolute });
    }
    throw error;
  }
  const cells: CellRun[] = [];
  const failures: NotebookFailure[] = [];
  const collector = new NotebookOutputs();
  const cellOfRequest = new Map<string, number>();
  let stopped: string | null = null;
  try {
    for (const [index, cell] of notebook.cells.entries()) {
      if (cell.cell_type !== 'code') continue;
      const run: CellRun = {
        index,
        id: cell.id,
        status: 'not-run',
        executionCount: cell.execution_count,
        outputs: cell.outputs,
        durationMs: 0,
        expectsError: expectsError(cell),
        abortResends: 0,
      };
      cells.push(run);
      if (stopped !== null) continue;
      if (isSkipped(cell)) {
        run.status = 'skipped';
        options.onCell?.(run);
        continue;
      }
      const outputs = collector.beginCell();
      let result: ExecuteResult;
      try {
        result = await executeWithResend(kernel, cell.source, cellTimeoutMs, errorPauseMs, run);
      } catch (error) {
        if (!(error instanceof KernelDiedError)) throw error;
        for (const message of error.messages) collector.handle(message);
        run.status = 'kernel-died';
        run.outputs = tidy(outputs, cwd);
        failures.push(failure(cell, index, 'kernel-died', error.message.split('\n')[0]!, kernelDiedDetails(error, run.outputs)));
        stopped = `the kernel died in cell ${index}`;
        options.onCell?.(run);
        continue;
      }
      for (const message of result.messages) collector.handle(message);
      cellOfRequest.set(result.msgId, index);
      run.outputs = tidy(outputs, cwd);
      run.status = result.status === 'abort' ? 'aborted' : result.status;
      run.executionCount = result.executionCount;
      run.durationMs = result.durationMs;
      const stderr = stderrText(run.outputs);
      if (run.status === 'timeout') {
        failures.push(failure(cell, index, 'timeout', `cell ${index} ran longer than ${cellTimeoutMs} ms and was interrupted`, stderr));
        stopped = `cell ${index} timed out`;
      } else if (run.status === 'aborted') {
        failures.push(
          failure(cell, index, 'aborted', `the kernel aborted cell ${index} ${run.abortResends + 1} times`, 'tslab aborts every request that arrives within ~200 ms after an error reply'),
        );
      } else if (run.status === 'error' && !run.expectsError) {
        const { ename, evalue } = describeError(stderr);
        failures.push(failure(cell, index, 'error', `${ename}: ${evalue}`, stderr));
      } else if (run.status === 'ok' && run.expectsError) {
        failures.push(
          failure(cell, index, 'missing-error', `cell ${index} is tagged raises-exception but ran without an error`, lastOutputText(run.outputs)),
        );
      }
      options.onCell?.(run);
    }
  } finally {
    await kernel.shutdown();
  }

  if (stopped !== null) {
    const skipped = cells.filter((cell) => cell.status === 'not-run' && !failures.some((f) => f.cellIndex === cell.index));
    const last = failures[failures.length - 1];
    if (last && skipped.length > 0) last.details += `\n(${stopped}; not run: cells ${skipped.map((c) => c.index).join(', ')})`;
  }
  const lateOutputs = kernel.lateMessages.map((message) => ({
    cellIndex: cellOfRequest.get(message.parent_header.msg_id ?? '') ?? -1,
    msgType: message.header.msg_type,
    text: typeof message.content.text === 'string' ? message.content.text : JSON.stringify(message.content),
  }));

  return {
    path: relative(PROJECT_ROOT, absolute) || absolute,
    notebook: executedNotebook(notebook, cells, stopped === null, kernel.kernelInfo),
    cells,
    failures,
    complete: stopped === null,
    lateOutputs,
    generatedIds,
    kernelStartMs: kernel.startupMs,
    durationMs: performance.now() - started,
  };
}

/** tslab resets its queue this long after a failed request (executor TaskQueue, `setTimeout(reset, 200)`). */
const ABORT_WINDOW_MS = 200;

async function executeWithResend(
  kernel: KernelClient,
  code: string,
  timeoutMs: number,
  errorPauseMs: number,
  run: CellRun,
): Promise<ExecuteResult> {
  for (;;) {
    const result = await kernel.execute(code, { timeoutMs });
    if (result.status === 'abort' && run.abortResends < 3) {
      // Our pause should make this unreachable; if tslab still aborts, wait out its window and resend.
      run.abortResends++;
      await sleep(Math.max(errorPauseMs, ABORT_WINDOW_MS + 50));
      continue;
    }
    if (result.status !== 'ok') await sleep(errorPauseMs);
    return result;
  }
}

function executedNotebook(source: Notebook, cells: readonly CellRun[], complete: boolean, info: KernelInfoReplyContent | null): Notebook {
  const notebook = structuredClone(source);
  for (const run of cells) {
    const cell = notebook.cells[run.index] as CodeCell;
    if (run.status === 'skipped' || run.status === 'not-run' || run.status === 'kernel-died') continue;
    cell.outputs = structuredClone(run.outputs);
    cell.execution_count = run.executionCount;
  }
  notebook.metadata.kernelspec ??= { ...TSLAB_KERNELSPEC };
  if (complete && info?.language_info) {
    // What nbclient stores: the kernel's language_info (tslab's is constant for a given tslab version).
    notebook.metadata.language_info = structuredClone(info.language_info) as Notebook['metadata']['language_info'] & object;
  }
  return notebook;
}

function notebookTimeoutMs(notebook: Notebook): number | undefined {
  const execution = notebook.metadata.execution;
  if (typeof execution === 'object' && execution !== null && !Array.isArray(execution)) {
    const timeout = execution.timeout;
    if (typeof timeout === 'number' && timeout > 0) return timeout * 1000;
  }
  return undefined;
}

function tidy(outputs: readonly Output[], notebookDir: string): Output[] {
  return outputs.map((output) =>
    output.output_type === 'stream' && output.name === 'stderr' ? { ...output, text: tidyErrorText(output.text, notebookDir) } : output,
  );
}

function stderrText(outputs: readonly Output[]): string {
  return outputs
    .filter((output) => output.output_type === 'stream' && output.name === 'stderr')
    .map((output) => (output.output_type === 'stream' ? output.text : ''))
    .join('');
}

/** The last few lines of what a cell printed or displayed, for failure reports. */
export function lastOutputText(outputs: readonly Output[], lines = 12): string {
  const text = outputs
    .map((output) => {
      switch (output.output_type) {
        case 'stream':
          return `[${output.name}] ${output.text}`;
        case 'error':
          return `[error] ${output.ename}: ${output.evalue}\n`;
        default:
          return `[${output.output_type} ${Object.keys(output.data).join(', ')}]\n`;
      }
    })
    .join('');
  const all = text.trimEnd().split('\n');
  return all.length > lines ? ['…', ...all.slice(-lines)].join('\n') : all.join('\n') || '(no output)';
}

function kernelDiedDetails(error: KernelDiedError, outputs: readonly Output[]): string {
  return `${error.message}\nlast output of the cell:\n${lastOutputText(outputs)}`;
}

function failure(cell: Cell, index: number, kind: FailureKind, summary: string, details: string): NotebookFailure {
  return { cellIndex: index, cellId: cell.id, kind, summary, details, source: cell.source };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
