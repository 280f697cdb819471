/**
 * One line of the benchmark table: what was measured, our figure, the reference's, and the target.
 * A figure is a time (median wall, with the median CPU time beside it), a cost per operation, or a
 * memory size.
 */
export type FigureUnit = 'ms' | 'ns/op' | 'MB';

export interface Figure {
  /** The headline value: median wall time, ns per operation, or megabytes. */
  readonly value: number;
  readonly unit: FigureUnit;
  /** Median CPU time (ms) for time figures. */
  readonly cpuMs?: number;
  /** Who produced it, for the reference column ("sha256sum", "depth 1", "limit"). */
  readonly label?: string;
}

export type Target =
  /** ours ÷ reference must not exceed `max`. */
  | { readonly kind: 'ratio'; readonly max: number }
  /** ours (in its own unit) must stay at or below `max` (`strict`: below). */
  | { readonly kind: 'limit'; readonly max: number; readonly strict?: boolean }
  /** shown for information; no target. */
  | { readonly kind: 'none' };

export interface BenchRow {
  readonly section: string;
  readonly what: string;
  readonly ours?: Figure;
  readonly reference?: Figure;
  readonly target: Target;
  /** One line saying why, printed when the target is missed. */
  readonly whyMissed?: string;
  /** One line of context printed under the table whatever the outcome. */
  readonly note?: string;
  /** The measurement could not be taken (tool missing, build failed …). */
  readonly error?: string;
}

export interface RowVerdict {
  readonly ratio: number | undefined;
  readonly cpuRatio: number | undefined;
  readonly met: boolean | undefined;
}

export function verdict(row: BenchRow): RowVerdict {
  const { ours, reference, target } = row;
  const ratio = ours !== undefined && reference !== undefined && reference.value > 0 ? ours.value / reference.value : undefined;
  const cpuRatio =
    ours?.cpuMs !== undefined && reference?.cpuMs !== undefined && reference.cpuMs > 0 ? ours.cpuMs / reference.cpuMs : undefined;
  if (row.error !== undefined || ours === undefined) return { ratio, cpuRatio, met: row.error !== undefined && target.kind !== 'none' ? false : undefined };
  switch (target.kind) {
    case 'ratio':
      return { ratio, cpuRatio, met: ratio === undefined ? undefined : ratio <= target.max };
    case 'limit':
      return { ratio, cpuRatio, met: target.strict ? ours.value < target.max : ours.value <= target.max };
    case 'none':
      return { ratio, cpuRatio, met: undefined };
  }
}
