/**
 * Dates for date(1), touch -d and ls -l. Containers run in UTC unless TZ is set; the model always
 * formats in UTC (a TZ variable is noted, not applied). strftime conversions follow C's.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** strftime(3) in UTC for the conversions busybox date passes through. */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const conv: Record<string, () => string> = {
    a: () => (DAYS[w] as string).slice(0, 3),
    A: () => DAYS[w] as string,
    b: () => (MONTHS[m] as string).slice(0, 3),
    h: () => (MONTHS[m] as string).slice(0, 3),
    B: () => MONTHS[m] as string,
    c: () => strftime('%a %b %e %H:%M:%S %Y', ms),
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(day),
    D: () => strftime('%m/%d/%y', ms),
    e: () => String(day).padStart(2, ' '),
    F: () => strftime('%Y-%m-%d', ms),
    H: () => p2(H),
    I: () => p2(H % 12 === 0 ? 12 : H % 12),
    j: () => String(yday).padStart(3, '0'),
    k: () => String(H).padStart(2, ' '),
    l: () => String(H % 12 === 0 ? 12 : H % 12).padStart(2, ' '),
    m: () => p2(m + 1),
    M: () => p2(M),
    n: () => '\n',
    N: () => String((ms % 1000) * 1e6).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    r: () => strftime('%I:%M:%S %p', ms),
    R: () => strftime('%H:%M', ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', ms),
    u: () => String(w === 0 ? 7 : w),
    w: () => String(w),
    x: () => strftime('%m/%d/%y', ms),
    X: () => strftime('%H:%M:%S', ms),
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => conv[c]?.() ?? all);
}

/** `date` with no format: "Mon Jun  2 09:00:00 UTC 2025". */
export const DEFAULT_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

/**
 * The instant a date text names (busybox date -d / touch -d forms): `@SECONDS`,
 * `YYYY-MM-DD[ T]hh:mm[:ss]`, `YYYY-MM-DD`, `hh:mm[:ss]` (today), `[[CC]YY]MMDDhhmm[.ss]`.
 * Undefined when the text is none of these.
 */
export function parseDateText(text: string, now = 0): number | undefined {
  const t = text.trim();
  let m = /^@(-?\d+)$/.exec(t);
  if (m !== null) return Number(m[1]) * 1000;
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:Z|UTC)?$/.exec(t);
  if (m !== null) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m !== null) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  }
  m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(t);
  if (m !== null) {
    const digits = m[1] as string;
    const yearText = digits.slice(0, -8);
    const rest = digits.slice(-8);
    const yy = Number(yearText);
    const year = yearText === '' ? new Date(now).getUTCFullYear() : yearText.length === 2 ? (yy < 69 ? 2000 + yy : 1900 + yy) : yy;
    const at = (i: number): number => Number(rest.slice(i, i + 2));
    return Date.UTC(year, at(0) - 1, at(2), at(4), at(6), Number(m[2] ?? 0));
  }
  return undefined;
}

/** ls -l's time column: "Jun  2 09:00" within six months of now, else "Jun  2  2024". */
export function lsTime(mtimeMs: number, nowMs: number): string {
  const age = (nowMs - mtimeMs) / 1000;
  const recent = age < 6 * 30 * 24 * 3600 && age > -3600;
  return recent ? strftime('%b %e %H:%M', mtimeMs) : strftime('%b %e  %Y', mtimeMs);
}
