/**
 * `npm run bench` — times the model against the real tools side by side in one run, prints the
 * table and writes bench/results.json. What each figure means: test/bench/README.md.
 *
 *   npm run bench                         every section (about 3–5 minutes on 2 CPUs)
 *   npm run bench -- --only hashing,save  some sections (hashing export save unionfs build notebooks slides)
 *   npm run bench -- --skip notebooks     all but some
 *   npm run bench -- --reps 5             repetitions of the expensive measurements (default 3)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from './harness/BenchRow';
import { verdict } from './harness/BenchRow';
import type { BenchSection, SectionResult } from './harness/BenchSection';
import { formatMs, formatTable } from './harness/formatTable';
import { machineInfo } from './harness/machine';
import { parseBenchArgs } from './harness/parseBenchArgs';
import { buildSection } from './sections/build';
import { hashingSection } from './sections/hashing';
import { layerExportSection } from './sections/layerExport';
import { notebooksSection } from './sections/notebooks';
import { saveSection } from './sections/save';
import { slidesSection } from './sections/slides';
import { unionfsSection } from './sections/unionfs';

const ROOT = resolve(__dirname, '../..');
const SECTIONS: readonly BenchSection[] = [hashingSection, layerExportSection, saveSection, unionfsSection, buildSection, notebooksSection, slidesSection];

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), SECTIONS.map((s) => s.name));
  const options = { sections: SECTIONS.filter((s) => args.sections.includes(s.name)), reps: args.reps };
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const workDir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const log = (message: string): void => void process.stderr.write(`${message}\n`);
  log(`layerlab bench: ${options.sections.map((s) => s.name).join(', ')} — ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage1m.toFixed(1)}`);

  const rows: BenchRow[] = [];
  const extras: string[] = [];
  const details: Record<string, unknown> = {};
  const sectionMs: Record<string, number> = {};
  try {
    for (const section of options.sections) {
      log(`▸ ${section.title}`);
      const started = performance.now();
      let result: SectionResult;
      try {
        result = await section.run({ root: ROOT, workDir, reps: options.reps, log });
      } catch (error) {
        result = { rows: [{ section: section.name, what: section.title, target: { kind: 'none' }, error: error instanceof Error ? error.message : String(error) }] };
      }
      sectionMs[section.name] = performance.now() - started;
      log(`  done in ${formatMs(sectionMs[section.name]!)}`);
      rows.push(...result.rows);
      if (result.extraTable !== undefined) extras.push(result.extraTable);
      details[section.name] = result.details;
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const loadEnd = loadavg()[0] ?? 0;
  const heading =
    `layerlab benchmarks — ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; ` +
    `load average ${machine.loadAverage1m.toFixed(1)} at start, ${loadEnd.toFixed(1)} at end` +
    (Math.max(machine.loadAverage1m, loadEnd) > machine.cpus
      ? ` — the machine is shared: wall times wait for a CPU, the [cpu …] figures and the cpu ratio do not`
      : '');
  const printed = [
    heading,
    'Times are medians of repeated runs; ours and the reference alternate within one run. ratio = ours ÷ reference (wall); cpu ratio = the same on CPU time.',
    '',
    formatTable(rows),
    ...extras.flatMap((t) => ['', t]),
    '',
    `Whole run: ${formatMs(totalMs)} wall (${Object.entries(sectionMs).map(([k, v]) => `${k} ${formatMs(v)}`).join(', ')}); this process used ${formatMs((cpu.user + cpu.system) / 1000)} of CPU.`,
  ].join('\n');
  process.stdout.write(`${printed}\n`);

  const results = {
    startedAt,
    totalMs,
    sectionMs,
    machine: { ...machine, loadAverage1mAtEnd: loadEnd },
    reps: options.reps,
    rows: rows.map((row) => ({ ...row, ...verdict(row) })),
    details,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote bench/results.json`);
  if (rows.some((row) => row.error !== undefined)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
