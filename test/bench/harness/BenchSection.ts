/** A part of the benchmark run (hashing, layer export, …) and what it hands back. */
import type { BenchRow } from './BenchRow';

export interface BenchContext {
  /** The repository root. */
  readonly root: string;
  /** A scratch directory for this run (removed at the end). */
  readonly workDir: string;
  /** Repetitions for the expensive measurements (median taken); `--quick` lowers it. */
  readonly reps: number;
  /** Progress line on stderr (the table goes to stdout). */
  log(message: string): void;
}

export interface SectionResult {
  readonly rows: readonly BenchRow[];
  /** Printed after the main table (e.g. the per-Dockerfile build table). */
  readonly extraTable?: string;
  /** Raw figures for bench/results.json. */
  readonly details?: unknown;
}

export interface BenchSection {
  /** Short name used by `--only` (hashing, export, save, unionfs, build, notebooks, slides). */
  readonly name: string;
  readonly title: string;
  run(context: BenchContext): Promise<SectionResult>;
}
