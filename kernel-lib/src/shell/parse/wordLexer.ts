/**
 * Reading one word (XCU §2.3 token recognition, §2.2 quoting, §2.6 expansions) from a source string.
 * The grammar-level parser (`ShellParser`) owns the position and calls these readers; command
 * substitutions `$(…)` call back into the parser (`parseNested`), because their body is a script.
 */
import type { ParamOp, ParamPart, Script, Word, WordPart } from '../ast';
import { ShellSyntaxError } from '../ShellSyntaxError';

/** What a word reader needs from the parser that owns the source and the position. */
export interface WordSource {
  readonly src: string;
  pos: number;
  /** Parses a script from `pos` up to the matching `)` and consumes it. */
  parseNested(): Script;
  /** Parses a whole separate source (backquotes, here-document bodies, arithmetic). */
  parseSeparate(text: string): Script;
  /** Parses `text` as the inside of a `$(` up to its matching `)`; returns the script and the offset after `)`. */
  parseNestedIn(text: string): { script: Script; end: number };
}

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function syntaxError(s: WordSource, message: string, at = s.pos): never {
  throw new ShellSyntaxError(`syntax error: ${message}`, s.src, at);
}

/** Merges adjacent literal / quoted parts so that the tree stays small and readable. */
function pushPart(parts: WordPart[], part: WordPart): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.type === part.type && (part.type === 'literal' || part.type === 'quoted')) {
    parts[parts.length - 1] = { type: part.type, text: (last as { text: string }).text + part.text };
    return;
  }
  parts.push(part);
}

/**
 * Reads the part that starts with `c` (not a backslash) outside quotes: a '…' or "…" quote, a `$`
 * expansion, a `…` command substitution, or one literal character. A plain word and the word after
 * `${name op` (§2.6.2) lex these alike; only their backslash and end rules differ.
 */
function readUnquotedPart(s: WordSource, parts: WordPart[], c: string): void {
  if (c === "'") {
    pushPart(parts, { type: 'quoted', text: readSingleQuoted(s) });
    return;
  }
  if (c === '"') {
    s.pos += 1;
    parts.push({ type: 'double', parts: readDoubleBody(s, '"') });
    return;
  }
  if (c === '$') {
    pushPart(parts, readDollar(s));
    return;
  }
  if (c === '`') {
    parts.push(readBackquote(s, false));
    return;
  }
  s.pos += 1;
  pushPart(parts, { type: 'literal', text: c });
}

/** Reads an unquoted word at `s.pos` (the caller has checked that a word starts there). */
export function readWord(s: WordSource): Word {
  const start = s.pos;
  const parts: WordPart[] = [];
  for (;;) {
    const c = s.src[s.pos];
    if (c === undefined || METACHARS.has(c)) break;
    if (c === '\\') {
      const next = s.src[s.pos + 1];
      if (next === '\n') {
        s.pos += 2; // line continuation (§2.2.1)
        continue;
      }
      if (next === undefined) {
        s.pos += 1;
        pushPart(parts, { type: 'literal', text: '\\' });
        continue;
      }
      s.pos += 2;
      pushPart(parts, { type: 'quoted', text: next });
      continue;
    }
    readUnquotedPart(s, parts, c);
  }
  return { parts, raw: s.src.slice(start, s.pos) };
}

function readSingleQuoted(s: WordSource): string {
  const open = s.pos;
  const close = s.src.indexOf("'", open + 1);
  if (close < 0) syntaxError(s, 'unterminated quoted string', open);
  s.pos = close + 1;
  return s.src.slice(open + 1, close);
}

/**
 * The inside of "…" (terminator `"`) or of an unquoted here-document body (terminator undefined:
 * reads to the end of the source, and `"` is an ordinary character). Inside, a backslash escapes
 * only `$`, `` ` ``, `\`, newline — and `"` within double quotes (§2.2.3).
 */
export function readDoubleBody(s: WordSource, terminator: '"' | undefined): WordPart[] {
  const open = s.pos - 1;
  const parts: WordPart[] = [];
  for (;;) {
    const c = s.src[s.pos];
    if (c === undefined) {
      if (terminator !== undefined) syntaxError(s, 'unterminated quoted string', open);
      break;
    }
    if (c === terminator) {
      s.pos += 1;
      break;
    }
    if (c === '\\') {
      const next = s.src[s.pos + 1];
      if (next === '\n') {
        s.pos += 2;
        continue;
      }
      if (next === '$' || next === '`' || next === '\\' || (next === '"' && terminator === '"')) {
        s.pos += 2;
        pushPart(parts, { type: 'quoted', text: next });
        continue;
      }
      s.pos += 1;
      pushPart(parts, { type: 'quoted', text: '\\' });
      continue;
    }
    if (c === '$') {
      const part = readDollar(s);
      pushPart(parts, part.type === 'literal' ? { type: 'quoted', text: part.text } : part);
      continue;
    }
    if (c === '`') {
      parts.push(readBackquote(s, terminator === '"'));
      continue;
    }
    s.pos += 1;
    pushPart(parts, { type: 'quoted', text: c });
  }
  return parts;
}

/** `$…` at `s.pos`: a parameter, `${…}`, `$(…)`, `$((…))`, or a lone literal `$`. */
function readDollar(s: WordSource): WordPart {
  const next = s.src[s.pos + 1];
  if (next === '{') {
    s.pos += 2;
    return readBraceParam(s);
  }
  if (next === '(') {
    if (s.src[s.pos + 2] === '(') {
      const arith = tryReadArith(s);
      if (arith !== undefined) return arith;
    }
    s.pos += 2;
    return { type: 'command', script: s.parseNested() };
  }
  if (next !== undefined && SPECIAL_PARAMS.has(next)) {
    s.pos += 2;
    return { type: 'param', name: next };
  }
  if (next !== undefined && NAME_START.test(next)) {
    let end = s.pos + 2;
    while (end < s.src.length && NAME_CHAR.test(s.src[end] as string)) end += 1;
    const name = s.src.slice(s.pos + 1, end);
    s.pos = end;
    return { type: 'param', name };
  }
  s.pos += 1;
  return { type: 'literal', text: '$' };
}

/** `$((expr))`: finds the closing `))` at paren depth 0; returns undefined if it is `$( (…) )`. */
function tryReadArith(s: WordSource): WordPart | undefined {
  let depth = 0;
  for (let i = s.pos + 3; i < s.src.length; i++) {
    const c = s.src[i];
    if (c === '(') depth += 1;
    else if (c === ')') {
      if (depth === 0) {
        if (s.src[i + 1] !== ')') return undefined;
        const text = s.src.slice(s.pos + 3, i);
        s.pos = i + 2;
        return { type: 'arith', expr: readSeparateDouble(s, text) };
      }
      depth -= 1;
    }
  }
  syntaxError(s, 'unexpected end of file (expecting ")")', s.src.length);
}

/** Parses `text` as the inside of double quotes (used for arithmetic and here-document bodies). */
export function readSeparateDouble(outer: WordSource, text: string): Word {
  const inner: WordSource = {
    src: text,
    pos: 0,
    parseNested: () => {
      throw new Error('unreachable');
    },
    parseSeparate: (t) => outer.parseSeparate(t),
    parseNestedIn: (t) => outer.parseNestedIn(t),
  };
  // $(…) inside the text: a parser over the rest of the text finds where it ends (it knows
  // quotes, case patterns and nested substitutions).
  inner.parseNested = () => {
    const { script, end } = outer.parseNestedIn(inner.src.slice(inner.pos));
    inner.pos += end;
    return script;
  };
  return { parts: readDoubleBody(inner, undefined), raw: text };
}

const PARAM_OPS: readonly ParamOp[] = [':-', ':=', ':?', ':+', '##', '%%', '-', '=', '?', '+', '#', '%'];

/** After `${`: name, optional operator and word, then `}` (§2.6.2). */
function readBraceParam(s: WordSource): ParamPart {
  const start = s.pos - 2;
  let length = false;
  if (s.src[s.pos] === '#' && s.src[s.pos + 1] !== '}' && s.src[s.pos + 1] !== undefined) {
    length = true;
    s.pos += 1;
  }
  let name: string;
  const c = s.src[s.pos];
  if (c === undefined) syntaxError(s, "missing '}'", start);
  if (NAME_START.test(c)) {
    let end = s.pos + 1;
    while (end < s.src.length && NAME_CHAR.test(s.src[end] as string)) end += 1;
    name = s.src.slice(s.pos, end);
    s.pos = end;
  } else if (/[0-9]/.test(c)) {
    let end = s.pos + 1;
    while (end < s.src.length && /[0-9]/.test(s.src[end] as string)) end += 1;
    name = s.src.slice(s.pos, end);
    s.pos = end;
  } else if (SPECIAL_PARAMS.has(c)) {
    name = c;
    s.pos += 1;
  } else {
    if (s.src.indexOf('}', s.pos) < 0) syntaxError(s, "missing '}'", start);
    return badSubstitution(s, start);
  }
  if (s.src[s.pos] === '}') {
    s.pos += 1;
    return length ? { type: 'param', name, length } : { type: 'param', name };
  }
  if (length) return badSubstitution(s, start);
  const op = PARAM_OPS.find((candidate) => s.src.startsWith(candidate, s.pos));
  if (op === undefined) {
    if (s.src.indexOf('}', s.pos) < 0) syntaxError(s, "missing '}'", start);
    return badSubstitution(s, start);
  }
  s.pos += op.length;
  const arg = readParamArg(s, start);
  return { type: 'param', name, op, arg };
}

function badSubstitution(s: WordSource, start: number): never {
  throw new ShellSyntaxError('syntax error: bad substitution', s.src, start);
}

/** The word after a `${name op` up to the matching `}`; blanks inside are part of it. */
function readParamArg(s: WordSource, start: number): Word {
  const argStart = s.pos;
  const parts: WordPart[] = [];
  for (;;) {
    const c = s.src[s.pos];
    if (c === undefined) syntaxError(s, "missing '}'", start);
    if (c === '}') {
      s.pos += 1;
      break;
    }
    if (c === '\\') {
      const next = s.src[s.pos + 1];
      if (next === undefined) syntaxError(s, "missing '}'", start);
      s.pos += 2;
      if (next !== '\n') pushPart(parts, { type: 'quoted', text: next });
      continue;
    }
    readUnquotedPart(s, parts, c);
  }
  return { parts, raw: s.src.slice(argStart, s.pos - 1) };
}

/** `` `…` ``: the old form of command substitution (§2.6.3); backslash escapes are undone first. */
function readBackquote(s: WordSource, inDouble: boolean): WordPart {
  const open = s.pos;
  let text = '';
  let i = open + 1;
  for (;;) {
    const c = s.src[i];
    if (c === undefined) syntaxError(s, 'unterminated quoted string', open);
    if (c === '`') break;
    if (c === '\\') {
      const next = s.src[i + 1];
      if (next === '$' || next === '`' || next === '\\' || (inDouble && next === '"')) {
        text += next;
        i += 2;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  s.pos = i + 1;
  return { type: 'command', script: s.parseSeparate(text) };
}
