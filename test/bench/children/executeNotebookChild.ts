/**
 * Executes one notebook in a fresh tslab kernel (tools/runner executeNotebook), in its own process
 * so the notebooks section can read the CPU time of the runner and its kernel together.
 * Prints one JSON line: wall time, kernel start-up, cells, failures.
 */
import { executeNotebook } from '../../../tools/runner';

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(path: string): Promise<void> {
  const run = await executeNotebook(path);
  const report = {
    path: run.path,
    durationMs: run.durationMs,
    kernelStartMs: run.kernelStartMs,
    codeCells: run.cells.length,
    cellsMs: run.cells.reduce((n, cell) => n + cell.durationMs, 0),
    medianCellMs: medianOf(run.cells.filter((cell) => cell.status !== 'skipped' && cell.status !== 'not-run').map((cell) => cell.durationMs)),
    slowestCell: run.cells.reduce((worst, cell) => (cell.durationMs > worst.durationMs ? cell : worst), { index: -1, durationMs: 0 }),
    complete: run.complete,
    failures: run.failures.map((f) => `cell ${f.cellIndex}: ${f.summary}`),
  };
  process.stdout.write(`${JSON.stringify({ ...report, slowestCell: { index: report.slowestCell.index, durationMs: report.slowestCell.durationMs } })}\n`);
}

const path = process.argv[2];
if (path === undefined) {
  process.stderr.write('usage: executeNotebookChild.ts NOTEBOOK.ipynb\n');
  process.exitCode = 2;
} else {
  main(path).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
