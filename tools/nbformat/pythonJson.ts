/**
 * `json.dumps(value, indent=1, sort_keys=True, separators=(',', ': '), ensure_ascii=False)` — the
 * exact call nbformat's JSONWriter makes (nbformat/v4/nbjson.py) — reproduced in TypeScript so that a
 * notebook written here is byte-identical to one written by Jupyter, and `git diff` stays quiet.
 *
 * Where JavaScript and Python differ:
 * - key order: Python sorts by code point, JavaScript's default sort by UTF-16 unit (they disagree only
 *   between astral characters and U+E000–U+FFFF); we compare code points.
 * - floats: Python's repr switches to exponent form below 1e-4 and from 1e16 (`1e-05`, `1e+16`);
 *   JavaScript only below 1e-6 and from 1e21. We print Python's form.
 * - a float that is integral (`1.0` on disk) is a plain number after `JSON.parse` and is written back
 *   as `1`: that distinction is lost by parsing. Notebook JSON rarely holds such values (tslab never
 *   sends application/json outputs), so we accept it rather than carry a lossless number type.
 * String escapes agree already: both escape `"`, `\\`, \b \f \n \r \t and other C0 controls as
 * lowercase \u00XX, and with ensure_ascii=False leave everything else (U+2028 included) raw.
 */
import type { JsonValue } from './types';

export function pythonJsonDumps(value: JsonValue): string {
  return write(value, '');
}

function write(value: JsonValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  const inner = indent + ' ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const members = keys.map((key) => `${inner}${JSON.stringify(key)}: ${write(value[key] as JsonValue, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = (left[i] as string).codePointAt(0)! - (right[i] as string).codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** Python's float repr: shortest round-trip digits, exponent form when exp < -4 or exp >= 16. */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) {
    // Python writes NaN/Infinity (invalid JSON); JSON.parse can never produce them.
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  // An integral number parsed from JSON was (almost always) a Python int: all digits, no exponent.
  if (Number.isInteger(value)) return BigInt(value).toString();
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  // Positional form: JavaScript's String() already matches Python in this range.
  return String(value);
}
