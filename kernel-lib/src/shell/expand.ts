/**
 * Word expansion (XCU §2.6), in POSIX order: tilde, parameter, command substitution and arithmetic,
 * then field splitting of unquoted expansion results on `$IFS`, then pathname expansion of unquoted
 * `*?[`, then quote removal. Every character keeps a "was it quoted" flag through the steps, which
 * is what makes `"$x"` differ from `$x`.
 */
import type { ParamPart, Script, Word, WordPart } from './ast';
import type { FileSystem } from '../unionfs/FileSystem';
import { ArithmeticError, evaluateArithmetic } from './arith';
import { expandPathname, hasGlobChars, matchPattern } from './glob';
import type { ShellState } from './ShellState';
import { ReadonlyVariableError } from './ShellState';

/** An error that ends the (sub)shell, as such errors do in a non-interactive shell (status 2). */
export class FatalShellError extends Error {
  readonly status: number;
  /** Set once the message has been printed (on the stderr in effect where the error happened). */
  reported = false;
  constructor(message: string, status = 2) {
    super(message);
    this.status = status;
  }
}

export interface ExpansionHost {
  readonly state: ShellState;
  readonly fs: FileSystem;
  readonly pid: number;
  /** Runs `script` in a subshell and returns its standard output. */
  commandSubstitution(script: Script): string;
}

interface Seg {
  readonly text: string;
  readonly quoted: boolean;
  /** Produced by an unquoted expansion: subject to field splitting. */
  readonly split: boolean;
}
/** Separates the fields of "$@". */
const BREAK = Symbol('field break');
type Piece = Seg | typeof BREAK;

/** Expands a word into fields (arguments of a command, items of `for`). */
export function expandFields(host: ExpansionHost, word: Word): string[] {
  const pieces = toPieces(host, word, true);
  const ifs = host.state.get('IFS') ?? ' \t\n';
  const fields: string[] = [];
  for (const field of splitFields(pieces, ifs)) {
    const pattern = field.map((s) => (s.quoted ? escapePattern(s.text) : s.text)).join('');
    const text = field.map((s) => s.text).join('');
    if (field.some((s) => !s.quoted && /[*?[]/.test(s.text)) && hasGlobChars(pattern)) {
      const matches = expandPathname(host.fs, host.state.cwd, pattern);
      if (matches.length > 0) {
        fields.push(...matches);
        continue;
      }
    }
    fields.push(text);
  }
  return fields;
}

/**
 * Expands a word to one string: no field splitting, no globbing (redirections, here-documents).
 * `tilde` is for assignment values, where a leading `~` is expanded too (§2.6.1).
 */
export function expandString(host: ExpansionHost, word: Word, tilde = false): string {
  return toPieces(host, word, tilde)
    .map((p) => (p === BREAK ? ' ' : p.text))
    .join('');
}

/** Expands a word into a pattern (for `case` and `${x#…}`): quoted characters lose their special meaning. */
export function expandPattern(host: ExpansionHost, word: Word): string {
  return toPieces(host, word, false)
    .map((p) => (p === BREAK ? ' ' : p.quoted ? escapePattern(p.text) : p.text))
    .join('');
}

function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

function toPieces(host: ExpansionHost, word: Word, tilde: boolean): Piece[] {
  const out: Piece[] = [];
  let parts = word.parts;
  const first = parts[0];
  if (tilde && first?.type === 'literal' && /^~(\/|$)/.test(first.text)) {
    out.push({ text: host.state.get('HOME') ?? '/', quoted: true, split: false });
    parts = [{ type: 'literal', text: first.text.slice(1) }, ...parts.slice(1)];
  }
  partsToPieces(host, parts, false, false, out);
  return out;
}

function partsToPieces(host: ExpansionHost, parts: readonly WordPart[], inDouble: boolean, fromParam: boolean, out: Piece[]): void {
  for (const part of parts) {
    switch (part.type) {
      case 'literal':
        out.push({ text: part.text, quoted: inDouble, split: fromParam && !inDouble });
        break;
      case 'quoted':
        out.push({ text: part.text, quoted: true, split: false });
        break;
      case 'double': {
        // "" is an (empty) field of its own — except "$@" with no positional parameters: no field.
        const only = part.parts[0];
        const bareAt = part.parts.length === 1 && only?.type === 'param' && only.name === '@' && only.op === undefined;
        if (!bareAt) out.push({ text: '', quoted: true, split: false });
        partsToPieces(host, part.parts, true, fromParam, out);
        break;
      }
      case 'param':
        expandParam(host, part, inDouble, out);
        break;
      case 'command': {
        const text = host.commandSubstitution(part.script).replace(/\n+$/, '');
        out.push({ text, quoted: inDouble, split: !inDouble });
        break;
      }
      case 'arith': {
        const text = String(arithmetic(host, expandString(host, part.expr)));
        out.push({ text, quoted: inDouble, split: !inDouble });
        break;
      }
    }
  }
}

function arithmetic(host: ExpansionHost, text: string): number {
  try {
    return evaluateArithmetic(text, {
      get: (name) => host.state.get(name),
      set: (name, value) => host.state.set(name, value),
    });
  } catch (e) {
    if (e instanceof ArithmeticError) throw new FatalShellError(e.message);
    if (e instanceof ReadonlyVariableError) throw new FatalShellError(e.message);
    throw e;
  }
}

/** The value of a parameter, or undefined when it is unset. */
function paramValue(host: ExpansionHost, name: string): string | undefined {
  const { state } = host;
  switch (name) {
    case '?':
      return String(state.lastStatus);
    case '$':
      return String(host.pid);
    case '#':
      return String(state.positional.length);
    case '0':
      return state.arg0;
    case '!':
      return '';
    case '-':
      return (state.options.errexit ? 'e' : '') + (state.options.nounset ? 'u' : '') + (state.options.xtrace ? 'x' : '') + 'c';
    case '@':
    case '*':
      return state.positional.length === 0 ? undefined : state.positional.join(' ');
    default:
      if (/^[0-9]+$/.test(name)) return state.positional[Number(name) - 1];
      return state.get(name);
  }
}

function expandParam(host: ExpansionHost, part: ParamPart, inDouble: boolean, out: Piece[]): void {
  const { name } = part;
  const value = paramValue(host, name);
  const push = (text: string): void => {
    out.push({ text, quoted: inDouble, split: !inDouble });
  };
  if (part.length === true) {
    if (value === undefined) nounsetCheck(host, name);
    push(String([...(value ?? '')].length));
    return;
  }
  const op = part.op;
  if (op === undefined) {
    if (name === '@' && inDouble) {
      // "$@": one field per positional parameter.
      host.state.positional.forEach((p, i) => {
        if (i > 0) out.push(BREAK);
        out.push({ text: p, quoted: true, split: false });
      });
      return;
    }
    if (value === undefined && name !== '@' && name !== '*') nounsetCheck(host, name);
    if (name === '*' && inDouble) {
      // "$*": the parameters joined by the first character of IFS (§2.5.2).
      const ifs = host.state.get('IFS') ?? ' \t\n';
      push(host.state.positional.join(ifs.slice(0, 1)));
      return;
    }
    push(value ?? '');
    return;
  }
  const arg = part.arg ?? { parts: [], raw: '' };
  const colon = op.startsWith(':');
  const missing = value === undefined || (colon && value === '');
  switch (op) {
    case ':-':
    case '-':
      if (missing) partsToPieces(host, arg.parts, inDouble, true, out);
      else push(value);
      return;
    case ':=':
    case '=': {
      if (!missing) {
        push(value);
        return;
      }
      const assigned = expandString(host, arg);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FatalShellError(`${name}: bad variable name`);
      host.state.set(name, assigned);
      push(assigned);
      return;
    }
    case ':?':
    case '?': {
      if (!missing) {
        push(value);
        return;
      }
      const message = expandString(host, arg);
      throw new FatalShellError(`${name}: ${message !== '' ? message : colon ? 'parameter not set or null' : 'parameter not set'}`);
    }
    case ':+':
    case '+':
      if (!missing) partsToPieces(host, arg.parts, inDouble, true, out);
      return;
    default: {
      if (value === undefined) nounsetCheck(host, name);
      push(removeAffix(value ?? '', expandPattern(host, arg), op));
    }
  }
}

function nounsetCheck(host: ExpansionHost, name: string): void {
  if (host.state.options.nounset) throw new FatalShellError(`${name}: parameter not set`);
}

/** `${x#p}` shortest prefix, `##` longest prefix, `%` shortest suffix, `%%` longest suffix. */
function removeAffix(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const n = value.length;
  if (op === '#') {
    for (let i = 0; i <= n; i++) if (matchPattern(pattern, value.slice(0, i))) return value.slice(i);
  } else if (op === '##') {
    for (let i = n; i >= 0; i--) if (matchPattern(pattern, value.slice(0, i))) return value.slice(i);
  } else if (op === '%') {
    for (let i = n; i >= 0; i--) if (matchPattern(pattern, value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= n; i++) if (matchPattern(pattern, value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** Field splitting (§2.6.5): only pieces from unquoted expansions split; IFS white space collapses. */
function splitFields(pieces: readonly Piece[], ifs: string): Seg[][] {
  const fields: Seg[][] = [];
  let current: Seg[] = [];
  let started = false;
  const end = (): void => {
    fields.push(current);
    current = [];
    started = false;
  };
  for (const piece of pieces) {
    if (piece === BREAK) {
      end();
      continue;
    }
    if (!piece.split || ifs === '') {
      if (piece.quoted || piece.text !== '') started = true;
      if (piece.text !== '' || piece.quoted) current.push(piece);
      continue;
    }
    let text = '';
    for (const ch of piece.text) {
      if (!ifs.includes(ch)) {
        text += ch;
        started = true;
        continue;
      }
      if (text !== '') current.push({ text, quoted: false, split: true });
      text = '';
      if (/[ \t\n]/.test(ch)) {
        if (started) end();
      } else end();
    }
    if (text !== '') current.push({ text, quoted: false, split: true });
  }
  if (started) fields.push(current);
  return fields;
}
