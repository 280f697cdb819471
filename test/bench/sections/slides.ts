/**
 * Row 7 — slides: `npm run slides` without its build step — every notebook exported to a reveal.js
 * deck (plus outlines, vendor assets, index) by slides/cli.ts in a fresh process, into a scratch
 * directory. The CLI reports its own export time (without Node/tsx start-up); both are shown.
 */
import { join } from 'node:path';
import type { BenchRow } from '../harness/BenchRow';
import type { BenchContext, BenchSection, SectionResult } from '../harness/BenchSection';
import { repeat, timeCommand } from '../harness/measure';

export const slidesSection: BenchSection = {
  name: 'slides',
  title: 'slides (all decks)',
  async run(context: BenchContext): Promise<SectionResult> {
    const out = join(context.workDir, 'slides-out');
    const exportOnly: number[] = [];
    let decks = 0;
    const runs = repeat(Math.max(1, context.reps - 1), () => {
      const run = timeCommand(`node --import tsx slides/cli.ts --out ${JSON.stringify(out)}`, { cwd: context.root });
      const match = /exported (\d+) deck\(s\) in ([\d.]+) s/.exec(run.stdout);
      if (match !== null) {
        decks = Number(match[1]);
        exportOnly.push(Number(match[2]) * 1000);
      }
      return run;
    });
    exportOnly.sort((a, b) => a - b);
    const rows: BenchRow[] = [
      {
        section: 'slides',
        what: `export all decks (${decks} notebooks), whole CLI`,
        ours: { value: runs.wallMs, unit: 'ms', cpuMs: runs.cpuMs },
        target: { kind: 'none' },
        note: `of which exporting (after start-up and imports): ${exportOnly.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`,
      },
    ];
    return { rows, details: { runs, exportOnlyMs: exportOnly, decks } };
  },
};
