/**
 * `npm run execute [notebook…]` — re-executes notebooks (default: every notebooks/*.ipynb) in fresh
 * tslab kernels, several at once (one per CPU), and writes the outputs back byte-exactly as
 * nbformat would. A notebook is written only when every cell ran (a timeout or a dead kernel
 * leaves the file untouched) and only when its bytes change, so a second run leaves `git diff` empty.
 *
 * Options: --timeout <seconds> (per cell, default 120), --jobs <n> (default: CPU count).
 * Exit status 1 when any cell failed.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { serializeNotebook } from './nbformat/writeNotebook';
import { NOTEBOOKS_DIR, PROJECT_ROOT } from './paths';
import { executeNotebook, type NotebookRun } from './runner/executeNotebook';
import { mapLimited } from './runner/mapLimited';

interface Options {
  paths: string[];
  timeoutMs: number;
  jobs: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { paths: [], timeoutMs: 120_000, jobs: availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--timeout') options.timeoutMs = Number(argv[++i]) * 1000;
    else if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run execute -- [--timeout SECONDS] [--jobs N] [notebook.ipynb …]');
      process.exit(0);
    } else options.paths.push(resolve(arg));
  }
  if (!(options.timeoutMs > 0) || !(options.jobs >= 1)) {
    console.error('--timeout and --jobs take positive numbers');
    process.exit(2);
  }
  if (options.paths.length === 0) {
    options.paths = readdirSync(NOTEBOOKS_DIR)
      .filter((name) => name.endsWith('.ipynb'))
      .sort()
      .map((name) => join(NOTEBOOKS_DIR, name));
  }
  return options;
}

function writeBack(path: string, run: NotebookRun): 'written' | 'unchanged' | 'not written' {
  if (!run.complete) return 'not written';
  const text = serializeNotebook(run.notebook);
  if (readFileSync(path, 'utf8') === text) return 'unchanged';
  writeFileSync(path, text, 'utf8');
  return 'written';
}

function report(run: NotebookRun, outcome: string): string {
  const ran = run.cells.filter((cell) => cell.status !== 'skipped' && cell.status !== 'not-run').length;
  const lines = [
    `${run.failures.length === 0 ? '✓' : '✗'} ${run.path}: ${ran}/${run.cells.length} code cells, ` +
      `${(run.durationMs / 1000).toFixed(1)} s (kernel start ${(run.kernelStartMs / 1000).toFixed(1)} s), ` +
      `${run.failures.length} failure(s), ${outcome}`,
  ];
  for (const failure of run.failures) {
    lines.push(`    cell ${failure.cellIndex} (id ${failure.cellId}) ${failure.kind}: ${failure.summary}`);
    for (const line of failure.details.trimEnd().split('\n').slice(0, 15)) lines.push(`      | ${line}`);
  }
  for (const late of run.lateOutputs) {
    lines.push(`    warning: output after cell ${late.cellIndex} had finished was dropped (${late.msgType}): ${late.text.trim().slice(0, 200)}`);
  }
  if (run.generatedIds > 0) lines.push(`    note: ${run.generatedIds} missing cell id(s) generated`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // Kernels are killed by the 'exit' handler in KernelClient; make signals go through it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const started = performance.now();
  let failed = 0;
  await mapLimited(options.paths, options.jobs, async (path) => {
    try {
      const run = await executeNotebook(path, { cellTimeoutMs: options.timeoutMs });
      const outcome = writeBack(path, run);
      if (run.failures.length > 0) failed++;
      console.log(report(run, outcome));
    } catch (error) {
      failed++;
      console.log(`✗ ${relative(PROJECT_ROOT, path)}: ${(error as Error).message}`);
    }
  });
  console.log(`${options.paths.length} notebook(s), ${failed} with failures, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
