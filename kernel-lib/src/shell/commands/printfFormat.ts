/**
 * printf(1) formatting as busybox does it (coreutils/printf.c): the format is reused while
 * arguments remain; conversions %s %b %c %d %i %o %u %x %X %f %F %e %E %g %G with flags `-+ #0`,
 * width and precision (also `*`); numbers may be decimal, 0x hex, 0 octal or 'c (a character code).
 * Floating-point output is rounded from the exact binary value, half to even — as glibc does — so
 * `printf %.1f 2.25` prints 2.2 like busybox, not JavaScript's 2.3.
 */

export interface PrintfResult {
  /** stdout and stderr text in the order printf wrote them (an error comes before that argument's output). */
  readonly segments: readonly { readonly stream: 'out' | 'err'; readonly text: string }[];
  readonly output: string;
  /** Messages for stderr (without the "sh: " prefix). */
  readonly errors: readonly string[];
  /** True when an argument was not a valid number (status 1). */
  readonly failed: boolean;
  /** An invalid conversion: printing stopped there. */
  readonly invalidFormat: boolean;
}

/**
 * An escape like \xff or \377 stands for one byte, not a character. Such bytes (≥ 0x80) are kept
 * in strings as U+F780…U+F7FF (the "surrogate escape" trick) and turned back into raw bytes here.
 */
const BYTE_BASE = 0xf700;

function byteChar(b: number): string {
  return String.fromCharCode(b >= 0x80 ? BYTE_BASE + b : b);
}

export function encodeEscapedText(text: string): string | Uint8Array {
  if (!/[\uf780-\uf7ff]/.test(text)) return text;
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xf780 && code <= 0xf7ff) out.push(code - BYTE_BASE);
    else out.push(...Buffer.from(ch));
  }
  return Uint8Array.from(out);
}

/** Backslash escapes of printf formats and of %b arguments (and echo -e). */
export function expandEscapes(text: string, forB: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[i + 1] as string;
    const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (n in simple) {
      out += simple[n];
      i += 1;
    } else if (n === 'c' && forB) {
      return { text: out, stop: true };
    } else if (n === 'x' && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2)) as RegExpExecArray;
      out += byteChar(parseInt(m[0], 16));
      i += 1 + m[0].length;
    } else if (/[0-7]/.test(n)) {
      // %b and echo -e take \0nnn; a format takes \nnn (and \0nn).
      const start = forB && n === '0' ? i + 2 : i + 1;
      const m = /^[0-7]{0,3}/.exec(text.slice(start)) as RegExpExecArray;
      out += byteChar(parseInt(m[0] === '' ? '0' : m[0], 8) & 0xff);
      i = start + m[0].length - 1;
    } else {
      out += c;
    }
  }
  return { text: out, stop: false };
}

/** Parses a numeric argument as printf does; undefined when it is not a valid number. */
function parseIntArg(arg: string): number | undefined {
  if (arg.startsWith("'") || arg.startsWith('"')) return arg.length > 1 ? (arg.codePointAt(1) as number) : 0;
  const t = arg.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[+-]?[0-9]+$/.test(t)) return parseInt(t, 10);
  return undefined;
}

function parseFloatArg(arg: string): number | undefined {
  if (arg.startsWith("'") || arg.startsWith('"')) return arg.length > 1 ? (arg.codePointAt(1) as number) : 0;
  const t = arg.trim();
  if (t === '') return 0; // busybox: an empty or missing argument is 0.0 for %f/%e/%g, without complaint
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (/^[+-]?(inf|infinity|nan)$/i.test(t)) return Number(t.replace(/inf(inity)?/i, 'Infinity').replace(/nan/i, 'NaN'));
  return undefined;
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  let output = '';
  const errors: string[] = [];
  const segments: { stream: 'out' | 'err'; text: string }[] = [];
  let failed = false;
  let index = 0;
  const next = (): string | undefined => (index < args.length ? args[index++] : undefined);
  const onError = (pending: string, message: string): void => {
    if (pending !== '') segments.push({ stream: 'out', text: pending });
    segments.push({ stream: 'err', text: message });
    errors.push(message);
  };
  for (;;) {
    const usedBefore = index;
    const r = formatOnce(format, next, onError);
    output += r.output;
    if (r.rest !== '') segments.push({ stream: 'out', text: r.rest });
    if (r.failed) failed = true;
    if (r.invalid !== undefined) {
      const message = `${r.invalid}: invalid format`;
      segments.push({ stream: 'err', text: message });
      return { segments, output, errors: [...errors, message], failed: true, invalidFormat: true };
    }
    if (r.stop || index >= args.length || index === usedBefore) break;
  }
  return { segments, output, errors, failed, invalidFormat: false };
}

interface OnceResult {
  /** All output of this pass over the format. */
  readonly output: string;
  /** The output not yet handed to onError (the part after the last error). */
  readonly rest: string;
  readonly failed: boolean;
  readonly stop: boolean;
  readonly invalid: string | undefined;
}

function formatOnce(format: string, next: () => string | undefined, onError: (pending: string, message: string) => void): OnceResult {
  let out = '';
  let flushed = 0;
  const error = (message: string): void => {
    onError(out.slice(flushed), message);
    flushed = out.length;
  };
  const result = (stop: boolean, invalid: string | undefined): OnceResult => ({ output: out, rest: out.slice(flushed), failed, stop, invalid });
  let failed = false;
  let i = 0;
  while (i < format.length) {
    const c = format[i] as string;
    if (c === '\\') {
      // one escape at a time
      const m = /^\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|[\s\S])/.exec(format.slice(i)) as RegExpExecArray;
      out += expandEscapes(m[0], false).text;
      i += m[0].length;
      continue;
    }
    if (c !== '%') {
      out += c;
      i += 1;
      continue;
    }
    if (format[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(?:hh|h|ll|l|L|q|j|z|t)?([a-zA-Z])?/.exec(format.slice(i)) as RegExpExecArray;
    const flags = spec[1] ?? '';
    let width = spec[2];
    let precision = spec[3];
    const conv = spec[4];
    if (conv === undefined || !'sbcdiouxXfFeEgG'.includes(conv)) {
      failed = true;
      return result(true, format.slice(i));
    }
    i += spec[0].length;
    if (width === '*') width = String(parseIntArg(next() ?? '') ?? 0);
    if (precision === '*') precision = String(parseIntArg(next() ?? '') ?? 0);
    const arg = next();
    let body: string;
    switch (conv) {
      case 's':
        body = arg ?? '';
        if (precision !== undefined) body = body.slice(0, Number(precision || 0));
        break;
      case 'b': {
        const e = expandEscapes(arg ?? '', true);
        body = e.text;
        if (precision !== undefined) body = body.slice(0, Number(precision || 0));
        if (e.stop) {
          out += pad(body, flags, width);
          return result(true, undefined);
        }
        break;
      }
      case 'c':
        body = (arg ?? '').slice(0, 1) || '\u0000'; // busybox prints a NUL for an empty or missing argument
        break;
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        // busybox reads a missing argument as "" — not a valid number.
        let n = parseIntArg(arg ?? '');
        if (n === undefined) {
          error(`invalid number '${arg ?? ''}'`);
          failed = true;
          n = 0;
        }
        body = formatInteger(n, conv, flags, precision);
        break;
      }
      default: {
        let x = parseFloatArg(arg ?? '');
        if (x === undefined) {
          error(`invalid number '${arg ?? ''}'`);
          failed = true;
          x = 0;
        }
        body = formatFloat(x, conv, flags, precision === undefined ? 6 : Number(precision || 0));
      }
    }
    out += pad(body, flags, width, 'diouxXfFeEgG'.includes(conv));
  }
  return result(false, undefined);
}

function pad(body: string, flags: string, width: string | undefined, numeric = false): string {
  const w = width === undefined ? 0 : Number(width);
  if (body.length >= w) return body;
  if (flags.includes('-')) return body + ' '.repeat(w - body.length);
  if (numeric && flags.includes('0') && /^[+\- ]?(0[xX])?[0-9a-fA-F.]/.test(body) && !/inf|nan/i.test(body)) {
    const sign = /^([+\- ]|0[xX])?/.exec(body)?.[0] ?? '';
    return sign + '0'.repeat(w - body.length) + body.slice(sign.length);
  }
  return ' '.repeat(w - body.length) + body;
}

function formatInteger(n: number, conv: string, flags: string, precision: string | undefined): string {
  const negative = n < 0 && (conv === 'd' || conv === 'i');
  let value = conv === 'd' || conv === 'i' ? Math.abs(n) : n < 0 ? 2 ** 64 + n : n;
  value = Math.trunc(value);
  let digits = conv === 'o' ? value.toString(8) : conv === 'x' ? value.toString(16) : conv === 'X' ? value.toString(16).toUpperCase() : String(value);
  if (precision !== undefined) {
    const p = Number(precision || 0);
    if (p === 0 && value === 0) digits = '';
    digits = digits.padStart(p, '0');
  }
  if (flags.includes('#') && value !== 0) {
    if (conv === 'x') digits = `0x${digits}`;
    else if (conv === 'X') digits = `0X${digits}`;
    else if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
  }
  const sign = negative ? '-' : conv === 'd' || conv === 'i' ? (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') : '';
  return sign + digits;
}

/** A finite non-negative double as an exact fraction num / den (den a power of two). */
function toRational(x: number): { num: bigint; den: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (exponent === 0) e2 = -1074;
  else {
    mantissa |= 1n << 52n;
    e2 = exponent - 1075;
  }
  return e2 >= 0 ? { num: mantissa << BigInt(e2), den: 1n } : { num: mantissa, den: 1n << BigInt(-e2) };
}

/** round(x × 10^p10), ties to even, exactly. */
function roundScaled(x: number, p10: number): bigint {
  let { num, den } = toRational(x);
  if (p10 >= 0) num *= 10n ** BigInt(p10);
  else den *= 10n ** BigInt(-p10);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/** The decimal exponent of x after rounding to `significant` digits, and the rounded digits. */
function scientific(x: number, significant: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0'.repeat(significant), exponent: 0 };
  let exponent = Math.floor(Math.log10(x));
  // Math.log10 may be off by one near powers of ten: correct it with exact comparisons.
  for (;;) {
    const n = roundScaled(x, significant - 1 - exponent);
    const digits = n.toString();
    if (digits.length > significant) exponent += 1;
    else if (digits.length < significant) exponent -= 1;
    else return { digits, exponent };
  }
}

function formatFloat(x: number, conv: string, flags: string, precision: number): string {
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  const sign = x < 0 || Object.is(x, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(x);
  if (!Number.isFinite(a)) {
    const t = Number.isNaN(a) ? 'nan' : 'inf';
    return sign + (upper ? t.toUpperCase() : t);
  }
  const alt = flags.includes('#');
  const lower = conv.toLowerCase();
  if (lower === 'f') return sign + fixed(a, precision, alt);
  if (lower === 'e') return sign + expo(a, precision, upper, alt);
  // %g (C11 7.21.6.1): P = precision (0 → 1); X = the exponent %e would print;
  // %f with precision P-1-X when P > X >= -4, else %e with precision P-1; trailing zeros removed.
  const p = precision === 0 ? 1 : precision;
  const X = scientific(a, p).exponent;
  let s = X < -4 || X >= p ? expo(a, p - 1, upper, alt) : fixed(a, p - 1 - X, alt);
  if (!alt) {
    const e = s.search(/[eE]/);
    let mant = e < 0 ? s : s.slice(0, e);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + (e < 0 ? '' : s.slice(e));
  }
  return sign + s;
}

function fixed(x: number, precision: number, alt: boolean): string {
  const digits = roundScaled(x, precision).toString().padStart(precision + 1, '0');
  if (precision === 0) return alt ? `${digits}.` : digits;
  return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}

function expo(x: number, precision: number, upper: boolean, alt: boolean): string {
  const { digits, exponent } = scientific(x, precision + 1);
  const mant = (digits[0] ?? '0') + (precision > 0 || alt ? `.${digits.slice(1)}` : '');
  const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return `${mant}${upper ? 'E' : 'e'}${exp}`;
}
