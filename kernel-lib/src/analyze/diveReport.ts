import { CliText } from '../view/display/CliText';
import type { ImageEfficiency } from './efficiency';

/**
 * go-humanize `Bytes` (SI units with a space: "59 MB", "1.2 kB"), the size format of dive's CI
 * report: one decimal below 10, none from 10 up; plain "N B" below 10 bytes.
 */
export function humanizeBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const val = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  return `${val < 10 ? val.toFixed(1) : val.toFixed(0)} ${units[e]}`;
}

export interface DiveRules {
  /** Fail below this efficiency (0…1). dive's default 0.9. */
  readonly lowestEfficiency?: number;
  /** Fail when wasted bytes ≥ this. Disabled by default. */
  readonly highestWastedBytes?: number;
  /** Fail when wastedUserPercent ≥ this (0…1). dive's default 0.1. */
  readonly highestUserWastedPercent?: number;
}

/** `dive --ci IMAGE`: the metrics, the rules' verdicts, and the largest inefficient files. */
export function diveReportText(result: ImageEfficiency, rules: DiveRules = {}, top = 10): string {
  const lowest = rules.lowestEfficiency ?? 0.9;
  const highestPct = rules.highestUserWastedPercent ?? 0.1;
  const lines = [
    `  efficiency: ${(result.efficiency * 100).toFixed(4)} %`,
    `  wastedBytes: ${result.wastedBytes} bytes (${humanizeBytes(result.wastedBytes)})`,
    `  userWastedPercent: ${(result.wastedUserPercent * 100).toFixed(4)} %`,
    'Inefficient Files:',
    'Count  Wasted Space  File Path',
    ...result.inefficientPaths.slice(0, top).map((p) => `${String(p.count).padStart(5)}  ${humanizeBytes(p.cumulativeSize).padStart(12)}  ${p.path}`),
    'Results:',
  ];
  let passed = 0, failed = 0, skipped = 0;
  const verdict = (ok: boolean, name: string, why: string): void => {
    lines.push(ok ? `  PASS: ${name}` : `  FAIL: ${name}: ${why}`);
    if (ok) passed++; else failed++;
  };
  // dive evaluates its rules in name order.
  verdict(result.wastedUserPercent < highestPct, 'highestUserWastedPercent', 'too many bytes wasted');
  if (rules.highestWastedBytes === undefined) { lines.push('  SKIP: highestWastedBytes: rule disabled'); skipped++; }
  else verdict(result.wastedBytes < rules.highestWastedBytes, 'highestWastedBytes', 'too many bytes wasted');
  verdict(result.efficiency >= lowest, 'lowestEfficiency', 'image efficiency is too low');
  lines.push(`Result:${failed > 0 ? 'FAIL' : 'PASS'} [Total:${passed + failed + skipped}] [Passed:${passed}] [Failed:${failed}] [Warn:0] [Skipped:${skipped}]`);
  return lines.join('\n') + '\n';
}

export function diveReport(result: ImageEfficiency, options: DiveRules & { readonly image?: string } = {}): CliText {
  return new CliText(diveReportText(result, options), options.image === undefined ? undefined : `CI=true dive ${options.image}`);
}
