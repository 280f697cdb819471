/**
 * Arithmetic expansion `$((…))` (XCU §2.6.4): signed integers with C's operators and precedence,
 * variables by name, assignments. Integers are 64-bit in busybox; here they are JS integers
 * (exact up to 2^53), which covers what a lesson computes. Errors carry busybox's texts.
 */

export class ArithmeticError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const OPS = ['<<=', '>>=', '**', '&&', '||', '==', '!=', '<=', '>=', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '++', '--',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '(', ')', '?', ':'];

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(text.slice(i));
    if (num !== null) {
      const s = num[0];
      if (/[A-Za-z_]/.test(text[i + s.length] ?? '') && !/^0[xX]/.test(s)) throw new ArithmeticError('arithmetic syntax error');
      const v = /^0[xX]/.test(s) ? parseInt(s, 16) : s.length > 1 && s.startsWith('0') ? parseOctal(s) : parseInt(s, 10);
      toks.push({ t: 'num', v });
      i += s.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name !== null) {
      toks.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ArithmeticError('arithmetic syntax error');
    toks.push({ t: 'op', v: op });
    i += op.length;
  }
  toks.push({ t: 'end' });
  return toks;
}

function parseOctal(s: string): number {
  if (/[89]/.test(s)) throw new ArithmeticError('arithmetic syntax error');
  return parseInt(s, 8);
}

const BINARY: ReadonlyArray<readonly string[]> = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

/** Evaluates an (already parameter-expanded) arithmetic expression. */
export function evaluateArithmetic(text: string, vars: ArithVars): number {
  const toks = tokenize(text);
  let p = 0;
  const peek = (): Tok => toks[p] as Tok;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const value = (name: string): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?[0-9]+$/.test(raw)) return parseInt(raw, 10);
    if (/^-?0[xX][0-9a-fA-F]+$/.test(raw)) return parseInt(raw, 16);
    return evaluateArithmetic(raw, vars);
  };

  function assignment(): number {
    const t = peek();
    const after = toks[p + 1];
    if (t.t === 'name' && after?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes(after.v)) {
      p += 2;
      const rhs = assignment();
      const v = after.v === '=' ? rhs : apply(after.v.slice(0, -1), value(t.v), rhs);
      vars.set(t.v, String(v));
      return v;
    }
    return ternary();
  }

  function ternary(): number {
    const cond = binary(0);
    if (!isOp('?')) return cond;
    p += 1;
    const a = assignment();
    if (!isOp(':')) throw new ArithmeticError('arithmetic syntax error');
    p += 1;
    const b = assignment();
    return cond !== 0 ? a : b;
  }

  function binary(level: number): number {
    if (level >= BINARY.length) return power();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.t !== 'op' || !(BINARY[level] as readonly string[]).includes(t.v)) return left;
      p += 1;
      const right = binary(level + 1);
      left = apply(t.v, left, right);
    }
  }

  /** `a ** b`: right-associative, binds tighter than * / % (bash and busybox ash). */
  function power(): number {
    const base = unary();
    if (isOp('**')) {
      p += 1;
      const exponent = power();
      if (exponent < 0) throw new ArithmeticError('exponent less than 0');
      return base ** exponent;
    }
    return base;
  }

  function unary(): number {
    const t = peek();
    if (t.t === 'op' && ['-', '+', '!', '~'].includes(t.v)) {
      p += 1;
      const v = unary();
      return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? Number(v === 0) : ~v;
    }
    if (t.t === 'op' && (t.v === '++' || t.v === '--')) {
      p += 1;
      const n = peek();
      if (n.t !== 'name') throw new ArithmeticError('arithmetic syntax error');
      p += 1;
      const v = value(n.v) + (t.v === '++' ? 1 : -1);
      vars.set(n.v, String(v));
      return v;
    }
    return primary();
  }

  function primary(): number {
    const t = peek();
    p += 1;
    if (t.t === 'num') return t.v;
    if (t.t === 'name') {
      const n = peek();
      if (n.t === 'op' && (n.v === '++' || n.v === '--')) {
        p += 1;
        const v = value(t.v);
        vars.set(t.v, String(v + (n.v === '++' ? 1 : -1)));
        return v;
      }
      return value(t.v);
    }
    if (t.t === 'op' && t.v === '(') {
      const v = assignment();
      if (!isOp(')')) throw new ArithmeticError('arithmetic syntax error');
      p += 1;
      return v;
    }
    throw new ArithmeticError('arithmetic syntax error');
  }

  if (toks.length === 1) return 0; // $(( )) is 0
  const result = assignment();
  if (peek().t !== 'end') throw new ArithmeticError('arithmetic syntax error');
  return result;
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) throw new ArithmeticError('divide by zero');
      return Math.trunc(a / b);
    case '%':
      if (b === 0) throw new ArithmeticError('divide by zero');
      return a % b;
    case '<<': return a * 2 ** b;
    case '>>': return Math.floor(a / 2 ** b);
    case '<': return Number(a < b);
    case '<=': return Number(a <= b);
    case '>': return Number(a > b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&&': return Number(a !== 0 && b !== 0);
    case '||': return Number(a !== 0 || b !== 0);
    default: throw new ArithmeticError('arithmetic syntax error');
  }
}
