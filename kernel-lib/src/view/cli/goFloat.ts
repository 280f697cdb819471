/**
 * Go's `fmt.Sprintf("%.*g", precision, x)` for finite, non-negative numbers — the formatting
 * go-units uses for sizes. It differs from JavaScript's `toPrecision` in two ways that show up in
 * real `docker` output:
 *  - trailing zeros are dropped (`%.3g` of 7.0 is "7", not "7.00");
 *  - an exact tie rounds half to even (Go's strconv works on the exact decimal value of the
 *    double; 72.25 → "72.2"), while `toPrecision` rounds ties up;
 *  - when rounding carries into a new digit (999.6 → 1000) the exponent reaches the precision and
 *    Go switches to exponent form: "1e+03" — the CLI really prints "1e+03kB".
 */
export function goFormatG(x: number, precision: number): string {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`goFormatG: expected a finite number ≥ 0, got ${x}`);
  if (precision < 1) precision = 1;
  if (x === 0) return '0';
  const { digits, pointPos } = exactDecimal(x);
  const rounded = roundHalfEven(digits, pointPos, precision);
  const exp = rounded.pointPos - 1;
  // Go's %g: eprec = precision, unless fewer digits remain and they are all integer digits.
  let eprec = precision;
  if (eprec > rounded.digits.length && rounded.digits.length >= rounded.pointPos) eprec = rounded.digits.length;
  if (exp < -4 || exp >= eprec) {
    const mant = rounded.digits.length > 1 ? `${rounded.digits[0]}.${rounded.digits.slice(1)}` : rounded.digits;
    const sign = exp < 0 ? '-' : '+';
    const e = String(Math.abs(exp)).padStart(2, '0');
    return `${mant}e${sign}${e}`;
  }
  if (rounded.pointPos <= 0) return `0.${'0'.repeat(-rounded.pointPos)}${rounded.digits}`;
  if (rounded.digits.length <= rounded.pointPos) return rounded.digits + '0'.repeat(rounded.pointPos - rounded.digits.length);
  return `${rounded.digits.slice(0, rounded.pointPos)}.${rounded.digits.slice(rounded.pointPos)}`;
}

/** The exact decimal expansion of a double: significant digits (no leading/trailing zeros) and the point position. */
function exactDecimal(x: number): { digits: string; pointPos: number } {
  // toPrecision(100) is exact for every double below 1e21 whose expansion has ≤ 100 digits; for the
  // magnitudes formatted here (< 1000 after unit scaling, or plain integers) that always holds.
  const s = x.toPrecision(100);
  const [mantissa = '', expPart] = s.split('e');
  const exp = expPart === undefined ? 0 : Number(expPart);
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  let all = intPart + fracPart;
  let pointPos = intPart.length + exp;
  const lead = all.length - all.replace(/^0+/, '').length;
  all = all.slice(lead);
  pointPos -= lead;
  all = all.replace(/0+$/, '');
  return { digits: all === '' ? '0' : all, pointPos };
}

function roundHalfEven(digits: string, pointPos: number, n: number): { digits: string; pointPos: number } {
  if (digits.length <= n) return { digits, pointPos };
  const keep = digits.slice(0, n);
  const next = digits.charCodeAt(n) - 48;
  const rest = digits.slice(n + 1);
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (/[1-9]/.test(rest)) up = true;
  else up = ((keep.charCodeAt(n - 1) - 48) & 1) === 1; // exact tie: round to even
  if (!up) return { digits: keep.replace(/0+$/, '') || '0', pointPos };
  const arr = keep.split('').map((c) => c.charCodeAt(0) - 48);
  let i = arr.length - 1;
  while (i >= 0) {
    const d = (arr[i] ?? 0) + 1;
    if (d < 10) { arr[i] = d; break; }
    arr[i] = 0;
    i--;
  }
  let out = arr.join('');
  let pp = pointPos;
  if (i < 0) { out = '1' + out; pp += 1; }
  out = out.replace(/0+$/, '');
  return { digits: out || '0', pointPos: pp };
}
