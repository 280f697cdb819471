/**
 * expr(1): `|` `&` comparisons `+ - * / %` and `STRING : REGEX` (anchored BRE; the first \(…\) group
 * or the match length), plus busybox's `length`, `substr`, `index`, `match`. Comparisons are
 * numeric when both sides are integers, else by bytes.
 */
import { compilePosix, RegexSyntaxError } from './regex';

export class ExprError extends Error {}

type Value = string | number;

const isInt = (v: Value): boolean => typeof v === 'number' || /^-?\d+$/.test(v);
const toInt = (v: Value): number => {
  if (!isInt(v)) throw new ExprError('non-numeric argument');
  return typeof v === 'number' ? v : parseInt(v, 10);
};
const isNull = (v: Value): boolean => v === '' || v === 0 || (typeof v === 'string' && /^-?0+$/.test(v));

export function evaluateExpr(args: readonly string[]): string {
  let p = 0;
  const peek = (): string | undefined => args[p];
  function or(): Value {
    let left = and();
    while (peek() === '|') {
      p += 1;
      const right = and();
      left = !isNull(left) ? left : !isNull(right) ? right : 0;
    }
    return left;
  }
  function and(): Value {
    let left = cmp();
    while (peek() === '&') {
      p += 1;
      const right = cmp();
      left = !isNull(left) && !isNull(right) ? left : 0;
    }
    return left;
  }
  function cmp(): Value {
    let left = add();
    for (;;) {
      const op = peek();
      if (op === undefined || !['=', '==', '!=', '<', '<=', '>', '>='].includes(op)) return left;
      p += 1;
      const right = add();
      const c = isInt(left) && isInt(right) ? Math.sign(toInt(left) - toInt(right)) : Math.sign(Buffer.compare(Buffer.from(String(left)), Buffer.from(String(right))));
      const r = op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      left = r ? 1 : 0;
    }
  }
  function add(): Value {
    let left = mul();
    for (;;) {
      const op = peek();
      if (op !== '+' && op !== '-') return left;
      p += 1;
      const right = mul();
      left = op === '+' ? toInt(left) + toInt(right) : toInt(left) - toInt(right);
    }
  }
  function mul(): Value {
    let left = colon();
    for (;;) {
      const op = peek();
      if (op !== '*' && op !== '/' && op !== '%') return left;
      p += 1;
      const right = colon();
      const a = toInt(left);
      const b = toInt(right);
      if ((op === '/' || op === '%') && b === 0) throw new ExprError('division by zero');
      left = op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : a % b;
    }
  }
  function colon(): Value {
    let left = primary();
    while (peek() === ':') {
      p += 1;
      left = match(String(left), String(primary()));
    }
    return left;
  }
  function match(s: string, re: string): Value {
    let regex: RegExp;
    try {
      regex = compilePosix(re, false);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw new ExprError(e.message);
      throw e;
    }
    const m = new RegExp(`^(?:${regex.source})`).exec(s);
    if (/\\\(/.test(re)) return m?.[1] ?? '';
    return m === null ? 0 : m[0].length;
  }
  function primary(): Value {
    const t = args[p];
    if (t === undefined) throw new ExprError('syntax error');
    p += 1;
    if (t === '(') {
      const v = or();
      if (args[p] !== ')') throw new ExprError('syntax error');
      p += 1;
      return v;
    }
    if (t === 'length' && p < args.length) return [...String(primary())].length;
    if (t === 'match' && p + 1 < args.length) return match(String(primary()), String(primary()));
    if (t === 'substr' && p + 2 < args.length) {
      const s = String(primary());
      const pos = toInt(primary());
      const len = toInt(primary());
      return pos < 1 || len < 1 ? '' : s.slice(pos - 1, pos - 1 + len);
    }
    if (t === 'index' && p + 1 < args.length) {
      const s = String(primary());
      const chars = String(primary());
      const idx = [...s].findIndex((c) => chars.includes(c));
      return idx + 1;
    }
    return t;
  }
  if (args.length === 0) throw new ExprError('syntax error');
  const v = or();
  if (p < args.length) throw new ExprError('syntax error');
  return String(v);
}
