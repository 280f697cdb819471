/**
 * Go's `time.ParseDuration`, which HEALTHCHECK's --interval/--timeout/--start-period use:
 * a sequence of decimal numbers with units ns, us (µs), ms, s, m, h, e.g. "30s", "1m30s", "1.5h".
 * Returns nanoseconds.
 */
const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

export class GoDurationError extends Error {}

export function parseGoDuration(text: string): number {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new GoDurationError(`time: invalid duration "${text}"`);
  let total = 0;
  const part = /^([0-9]*(?:\.[0-9]*)?)([^0-9.]+)/u;
  while (rest !== '') {
    if (/^[0-9]*\.?[0-9]*$/.test(rest) && /[0-9]/.test(rest)) throw new GoDurationError(`time: missing unit in duration "${text}"`);
    const match = part.exec(rest);
    if (match === null || match[1] === '' || match[1] === '.') throw new GoDurationError(`time: invalid duration "${text}"`);
    const unitMatch = /^(ns|us|µs|μs|ms|s|m|h)/u.exec(match[2] as string);
    if (unitMatch === null) {
      throw new GoDurationError(`time: ${(match[2] as string) === '' ? 'missing unit' : `unknown unit "${match[2] as string}"`} in duration "${text}"`);
    }
    const unit = unitMatch[1] as string;
    total += Number(match[1]) * (UNIT_NS[unit] as number);
    rest = rest.slice((match[1] as string).length + unit.length);
  }
  return sign * Math.round(total);
}

/** Go's `time.Duration.String()` ("1m30s", "5s", "500ms", "0s"), for `%+v` renderings. */
export function formatGoDuration(ns: number): string {
  if (ns === 0) return '0s';
  const negative = ns < 0;
  let rest = Math.abs(ns);
  let out: string;
  if (rest < 1e3) out = `${rest}ns`;
  else if (rest < 1e6) out = `${trimFloat(rest / 1e3)}µs`;
  else if (rest < 1e9) out = `${trimFloat(rest / 1e6)}ms`;
  else {
    const hours = Math.floor(rest / 3600e9);
    rest -= hours * 3600e9;
    const minutes = Math.floor(rest / 60e9);
    rest -= minutes * 60e9;
    const seconds = `${trimFloat(rest / 1e9)}s`;
    out = hours > 0 ? `${hours}h${minutes}m${seconds}` : minutes > 0 ? `${minutes}m${seconds}` : seconds;
  }
  return negative ? `-${out}` : out;
}

function trimFloat(value: number): string {
  return String(Number(value.toFixed(9)));
}
