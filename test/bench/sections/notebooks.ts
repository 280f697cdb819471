/**
 * Row 6 — notebooks: each notebooks/*.ipynb executed top to bottom in a fresh tslab kernel (the
 * path `npm run execute` and the notebook tests take), one child process per notebook. Wall time
 * includes the kernel's start-up and shutdown; CPU is the runner's and the kernel's together (plus
 * ~1 s of tsx starting the runner). Kernel start-up alone is the runner's own measure (spawn →
 * kernel_info reply), the median over the notebooks.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from '../harness/BenchRow';
import type { BenchContext, BenchSection, SectionResult } from '../harness/BenchSection';
import { formatMs } from '../harness/formatTable';
import { median, timeCommand } from '../harness/measure';

const NOTEBOOK_LIMIT_MS = 20_000;

interface NotebookReport {
  path: string;
  durationMs: number;
  kernelStartMs: number;
  codeCells: number;
  cellsMs: number;
  medianCellMs: number;
  slowestCell: { index: number; durationMs: number };
  complete: boolean;
  failures: string[];
}

export const notebooksSection: BenchSection = {
  name: 'notebooks',
  title: 'notebooks (fresh tslab kernel each)',
  async run(context: BenchContext): Promise<SectionResult> {
    const dir = join(context.root, 'notebooks');
    const child = join(context.root, 'test/bench/children/executeNotebookChild.ts');
    const rows: BenchRow[] = [];
    const reports: (NotebookReport & { cpuMs: number })[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort()) {
      let report: NotebookReport & { cpuMs: number };
      try {
        const run = timeCommand(`node --import tsx ${JSON.stringify(child)} ${JSON.stringify(join(dir, name))}`, { cwd: context.root });
        report = { ...(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as NotebookReport), cpuMs: run.cpuMs };
      } catch (error) {
        rows.push({ section: 'notebooks', what: name, target: { kind: 'limit', max: NOTEBOOK_LIMIT_MS }, error: String(error instanceof Error ? error.message : error) });
        continue;
      }
      context.log(`  ${name}: ${formatMs(report.durationMs)} (kernel start ${formatMs(report.kernelStartMs)})`);
      reports.push(report);
      rows.push({
        section: 'notebooks',
        what: `${name} (${report.codeCells} code cells)`,
        ours: { value: report.durationMs, unit: 'ms', cpuMs: report.cpuMs },
        reference: { value: NOTEBOOK_LIMIT_MS, unit: 'ms', label: 'limit' },
        target: { kind: 'limit', max: NOTEBOOK_LIMIT_MS },
        ...(report.failures.length > 0 ? { error: `${report.failures.length} failing cell(s): ${report.failures[0]}` } : {}),
        whyMissed: [
          `kernel start-up ${formatMs(report.kernelStartMs)} + ${report.codeCells} cells ${formatMs(report.cellsMs)} (median ${formatMs(report.medianCellMs)}, slowest cell ${report.slowestCell.index} ${formatMs(report.slowestCell.durationMs)})`,
          report.cpuMs <= NOTEBOOK_LIMIT_MS
            ? 'the rest of the wall time was waiting for a CPU'
            : `CPU ${formatMs(report.cpuMs)} is itself over the limit: tslab type-checks every cell before running it (tens of ms even for a trivial cell) and the kernel start costs seconds of CPU; fewer, larger cells or a lighter kernel start would reach it`,
        ].join('; '),
      });
    }
    if (reports.length > 0) {
      rows.push({
        section: 'notebooks',
        what: 'tslab kernel start-up alone (median)',
        ours: { value: median(reports.map((r) => r.kernelStartMs)), unit: 'ms' },
        target: { kind: 'none' },
        note: 'spawn of tslab → first kernel_info reply (tslab compiles its TypeScript service on start)',
      });
    }
    return { rows, details: { notebooks: reports } };
  },
};
