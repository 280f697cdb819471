/**
 * Timing primitives for the benchmark harness. Every sample has two clocks:
 * - wall: what a learner waits for (performance.now), inflated when the machine is shared;
 * - cpu: user + system CPU time spent on the work (this process's `process.cpuUsage()`, or for a
 *   shell command the children's times as bash's `times` builtin reports them, i.e. getrusage
 *   RUSAGE_CHILDREN). CPU time barely moves with load, so it is the steadier figure on a busy box.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Several samples of one measurement and their medians. */
export interface Samples {
  readonly samples: readonly Sample[];
  readonly wallMs: number;
  readonly cpuMs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(taken: readonly Sample[]): Samples {
  // Keep the two clocks only: a sample may carry the measured call's return value (timeSync).
  const samples = taken.map(({ wallMs, cpuMs }) => ({ wallMs, cpuMs }));
  return { samples, wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)) };
}

const cpuNowMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Times `fn` in this process. */
export function timeSync<T>(fn: () => T): Sample & { value: T } {
  const cpu0 = cpuNowMs();
  const t0 = performance.now();
  const value = fn();
  return { wallMs: performance.now() - t0, cpuMs: cpuNowMs() - cpu0, value };
}

/** bash's `times` prints two lines, the shell's then its children's: "0m0.701s 0m0.064s". */
export function parseBashTimes(text: string): { userMs: number; systemMs: number } {
  const lines = text.trim().split('\n');
  const children = lines[lines.length - 1] ?? '';
  const parts = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => (Number(m[1]) * 60 + Number(m[2])) * 1000);
  if (parts.length !== 2) throw new Error(`cannot read bash times output: ${JSON.stringify(text)}`);
  return { userMs: parts[0]!, systemMs: parts[1]! };
}

export interface CommandResult extends Sample {
  readonly stdout: string;
}

/**
 * Runs `script` with bash (`set -eo pipefail`), timing it: wall from here, CPU of every process it
 * ran (pipelines included). Throws with the stderr when it fails.
 */
export function timeCommand(script: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CommandResult {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-times-'));
  const timesFile = join(dir, 'times');
  try {
    const t0 = performance.now();
    const result = spawnSync('bash', ['-c', `set -eo pipefail\n${script}\ntimes > "$LAYERLAB_BENCH_TIMES"`], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, LAYERLAB_BENCH_TIMES: timesFile },
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      timeout: options.timeoutMs ?? 600_000,
    });
    const wallMs = performance.now() - t0;
    if (result.status !== 0) {
      throw new Error(`command failed (${result.status ?? result.signal}): ${script}\n${result.stderr}`);
    }
    const { userMs, systemMs } = parseBashTimes(readFileSync(timesFile, 'utf8'));
    return { wallMs, cpuMs: userMs + systemMs, stdout: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs each measurement `reps` times, rotating which goes first on every round, so that a change in
 * the machine's load during the run falls on all of them alike.
 */
export function alternate(reps: number, measurements: readonly (() => Sample)[]): Samples[] {
  const taken: Sample[][] = measurements.map(() => []);
  for (let round = 0; round < reps; round++) {
    for (let k = 0; k < measurements.length; k++) {
      const index = (round + k) % measurements.length;
      taken[index]!.push(measurements[index]!());
    }
  }
  return taken.map(summarise);
}

/** Ours and the reference, alternating (see `alternate`). */
export function sideBySide(reps: number, ours: () => Sample, reference: () => Sample): { ours: Samples; reference: Samples } {
  const [a, b] = alternate(reps, [ours, reference]);
  return { ours: a!, reference: b! };
}

/** Repeats `fn` and summarises (no reference). */
export function repeat(reps: number, fn: () => Sample): Samples {
  const samples: Sample[] = [];
  for (let i = 0; i < reps; i++) samples.push(fn());
  return summarise(samples);
}
