/**
 * test / [ — an ash builtin (errors start with "sh: "). The grammar is busybox's (from the BSD
 * test(1)): `oexpr := aexpr [-o oexpr]`, `aexpr := nexpr [-a aexpr]`, `nexpr := [!] primary`,
 * `primary := ( oexpr ) | unary-op operand | operand binary-op operand | operand`, after POSIX's
 * special cases for one to four arguments. Integers are 64-bit decimal (`010` is ten).
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import type { FileStat } from '../../unionfs/FileSystem';

const UNARY = new Set(['-r', '-w', '-x', '-e', '-f', '-d', '-c', '-b', '-p', '-u', '-g', '-k', '-s', '-t', '-z', '-n', '-h', '-O', '-G', '-L', '-S']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-ge', '-gt', '-le', '-lt', '-nt', '-ot', '-ef']);

class TestSyntaxError extends Error {}

function syntax(op: string | undefined, message: string): never {
  throw new TestSyntaxError(op !== undefined && op !== '' ? `${op}: ${message}` : message);
}

const INT64_MAX = 2n ** 63n - 1n;

function integer(s: string): bigint {
  const m = /^\s*([+-]?\d+)\s*$/.exec(s);
  if (m === null) syntax(s, 'bad number');
  const n = BigInt(m[1] as string);
  if (n > INT64_MAX || n < -INT64_MAX - 1n) syntax(s, 'out of range');
  return n;
}

class Evaluator {
  readonly #args: readonly string[];
  #pos = 0;
  readonly #ctx: CommandContext;

  constructor(ctx: CommandContext, args: readonly string[]) {
    this.#ctx = ctx;
    this.#args = args;
  }

  run(): boolean {
    const result = this.#or();
    if (this.#pos < this.#args.length) syntax(this.#args[this.#pos], 'unknown operand');
    return result;
  }

  #or(): boolean {
    const left = this.#and();
    if (this.#args[this.#pos] === '-o') {
      this.#pos += 1;
      const right = this.#or();
      return left || right;
    }
    return left;
  }

  #and(): boolean {
    const left = this.#not();
    if (this.#args[this.#pos] === '-a') {
      this.#pos += 1;
      const right = this.#and();
      return left && right;
    }
    return left;
  }

  #not(): boolean {
    if (this.#args[this.#pos] === '!') {
      this.#pos += 1;
      return !this.#not();
    }
    return this.#primary();
  }

  #primary(): boolean {
    const a = this.#args[this.#pos];
    if (a === undefined) syntax(undefined, 'argument expected');
    if (a === '(') {
      this.#pos += 1;
      const r = this.#or();
      if (this.#args[this.#pos] !== ')') syntax(undefined, 'closing paren expected');
      this.#pos += 1;
      return r;
    }
    // busybox: `-n = x` compares strings — a binary operator after a unary one wins.
    const next = this.#args[this.#pos + 1];
    if (UNARY.has(a) && !(next !== undefined && BINARY.has(next) && this.#args[this.#pos + 2] !== undefined)) {
      const operand = this.#args[this.#pos + 1];
      if (operand === undefined) syntax(a, 'argument expected');
      this.#pos += 2;
      return unary(this.#ctx, a, operand);
    }
    const op = this.#args[this.#pos + 1];
    if (op !== undefined && BINARY.has(op)) {
      const b = this.#args[this.#pos + 2];
      if (b === undefined) syntax(op, 'argument expected');
      this.#pos += 3;
      return binary(this.#ctx, a, op, b);
    }
    this.#pos += 1;
    return a !== '';
  }
}

function stat(ctx: CommandContext, path: string, follow = true): FileStat | undefined {
  try {
    const p = ctx.resolve(path);
    return follow ? ctx.fs.stat(p) : ctx.fs.lstat(p);
  } catch {
    return undefined;
  }
}

function unary(ctx: CommandContext, op: string, operand: string): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-t') return false; // no terminal in the simulator
  if (op === '-h' || op === '-L') return stat(ctx, operand, false)?.kind === 'symlink';
  const device = ['/dev/null', '/dev/zero', '/dev/urandom', '/dev/random'].includes(ctx.resolve(operand));
  if (device) return op === '-e' || op === '-c' || op === '-r' || op === '-w';
  const s = stat(ctx, operand);
  if (s === undefined) return false;
  const root = ctx.runtime.uid === 0;
  switch (op) {
    case '-e':
      return true;
    case '-f':
      return s.kind === 'file';
    case '-d':
      return s.kind === 'dir';
    case '-s':
      return s.size > 0;
    case '-r':
      return root || (s.mode & 0o444) !== 0;
    case '-w':
      return root || (s.mode & 0o222) !== 0;
    case '-x':
      return (s.mode & 0o111) !== 0;
    case '-u':
      return (s.mode & 0o4000) !== 0;
    case '-g':
      return (s.mode & 0o2000) !== 0;
    case '-k':
      return (s.mode & 0o1000) !== 0;
    case '-O':
      return s.uid === ctx.runtime.uid;
    case '-G':
      return s.gid === ctx.runtime.gid;
    default:
      return false; // -b -c -p -S: no such files in the model
  }
}

function binary(ctx: CommandContext, a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
    case '>':
      return Buffer.compare(Buffer.from(a), Buffer.from(b)) > 0;
    case '-nt':
    case '-ot': {
      const x = stat(ctx, a);
      const y = stat(ctx, b);
      if (x === undefined || y === undefined) return false;
      // st_mtime: whole seconds
      const sx = Math.floor(x.mtimeMs / 1000);
      const sy = Math.floor(y.mtimeMs / 1000);
      return op === '-nt' ? sx > sy : sx < sy;
    }
    case '-ef':
      return stat(ctx, a) !== undefined && stat(ctx, b) !== undefined && ctx.resolve(a) === ctx.resolve(b);
  }
  const x = integer(a);
  const y = integer(b);
  switch (op) {
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-ge':
      return x >= y;
    case '-gt':
      return x > y;
    case '-le':
      return x <= y;
    default:
      return x < y;
  }
}

/** POSIX's rules for 0–4 arguments, then the general grammar. Returns the exit status. */
export function evaluateTest(ctx: CommandContext, args: readonly string[]): number {
  const n = args.length;
  if (n === 0) return 1;
  if (n === 1) return args[0] === '' ? 1 : 0;
  if (n === 2 && args[0] === '!') return args[1] === '' ? 0 : 1;
  if (n === 3 && args[0] !== '!' && BINARY.has(args[1] as string)) return binary(ctx, args[0] as string, args[1] as string, args[2] as string) ? 0 : 1;
  if (n === 4 && args[0] === '!' && BINARY.has(args[2] as string)) return binary(ctx, args[1] as string, args[2] as string, args[3] as string) ? 1 : 0;
  return new Evaluator(ctx, args).run() ? 0 : 1;
}

function runTest(ctx: CommandContext, bracket: boolean): number {
  let args = ctx.args;
  if (bracket) {
    if (args[args.length - 1] !== ']') {
      ctx.stderr.write('sh: missing ]\n');
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluateTest(ctx, args);
  } catch (e) {
    if (e instanceof TestSyntaxError) {
      ctx.stderr.write(`sh: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export const TEST_COMMANDS: readonly ShellCommand[] = [
  { name: 'test', kind: 'builtin', summary: 'evaluate a condition (-f -d -e -s -z -n = != -eq -lt …)', run: (ctx) => runTest(ctx, false) },
  { name: '[', kind: 'builtin', summary: 'evaluate a condition: [ expression ]', run: (ctx) => runTest(ctx, true) },
];
