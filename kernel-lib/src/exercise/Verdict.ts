/**
 * The result of checking a learner's answer. A verdict is never just "wrong": a failing verdict
 * says what is off and where to look (in Korean, for the learner), and may carry the expected and
 * actual values so the notebook can show them side by side.
 *
 * It prints itself (tslab prints a cell's last value with util.inspect) as a short block:
 *   ✅ 실습 01-1 통과: …        or        ❌ 실습 01-1: …  \n  힌트: …
 */
import { inspect } from 'node:util';

export interface Verdict {
  readonly exercise: string;
  readonly passed: boolean;
  /** What the learner got right, or what is off — one Korean sentence. */
  readonly message: string;
  /** Where to look / what to try next (Korean). Present on every failing verdict. */
  readonly hint?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
}

export function passed(exercise: string, message: string): Verdict {
  return present({ exercise, passed: true, message });
}

export function failed(
  exercise: string,
  message: string,
  hint: string,
  values: { expected?: unknown; actual?: unknown } = {},
): Verdict {
  return present({ exercise, passed: false, message, hint, ...values });
}

export function formatVerdict(v: Verdict): string {
  if (v.passed) return `✅ 실습 ${v.exercise} 통과: ${v.message}`;
  const lines = [`❌ 실습 ${v.exercise}: ${v.message}`];
  if ('expected' in v) lines.push(`   기대한 값: ${show(v.expected)}`);
  if ('actual' in v) lines.push(`   지금 값:   ${show(v.actual)}`);
  lines.push(`   힌트: ${v.hint ?? ''}`);
  return lines.join('\n');
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : inspect(value, { depth: 3, breakLength: 100 });
}

function present(v: Verdict): Verdict {
  const out = { ...v };
  Object.defineProperty(out, inspect.custom, { value: () => formatVerdict(out), enumerable: false });
  Object.defineProperty(out, 'toString', { value: () => formatVerdict(out), enumerable: false });
  return Object.freeze(out);
}
