/**
 * The per-instruction argument splitters of BuildKit's parser (frontend/dockerfile/parser
 * line_parsers.go and split_command.go), rewritten: they turn the text after the keyword into the
 * argument list BuildKit's AST holds. Nothing is expanded here; quotes stay in ENV/LABEL/ARG words
 * (the builder removes them when it expands).
 */

/** A problem found while splitting; the AST layer adds the line numbers. */
export class LineParseProblem extends Error {
  constructor(
    readonly kind: 'syntax' | 'json',
    message: string,
  ) {
    super(message);
  }
}

export interface LineArgs {
  readonly args: readonly string[];
  /** The arguments came from a JSON array (exec form). */
  readonly json: boolean;
  /** Text after a JSON array that BuildKit's decoder ignores (e.g. `CMD ["a"] # note`). */
  readonly jsonTrailing?: string;
  /** ENV/LABEL written in the legacy `KEY value` form. */
  readonly legacyKeyValue?: boolean;
}

/** `[\t\v\f\r ]+` — the separator BuildKit splits whitespace-delimited arguments on. */
export const TOKEN_WHITESPACE = /[\t\v\f\r ]+/;

function isSpace(ch: string): boolean {
  return /^\s$/u.test(ch);
}

/** Splits `COPY --from=a --link src dst` into flags (`--from=a`, `--link`) and the rest. */
export function extractBuilderFlags(line: string): { flags: string[]; rest: string } {
  const words: string[] = [];
  let inWord = false;
  let quote = '';
  let word = '';
  let blankOk = false;
  const chars = [...line];
  let offset = 0; // index into `line` in UTF-16 units of chars[pos]
  for (let pos = 0; pos <= chars.length; pos++) {
    const ch = chars[pos] ?? '';
    const end = pos === chars.length;
    if (!inWord && !quote) {
      if (end) break;
      if (isSpace(ch)) {
        offset += ch.length;
        continue;
      }
      // A word that does not start with "--" ends the flags.
      if (ch !== '-' || chars[pos + 1] !== '-') return { flags: words, rest: line.slice(offset) };
      inWord = true;
    }
    if (end) {
      if (word !== '--' && (blankOk || word.length > 0)) words.push(word);
      break;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && pos + 1 === chars.length) quote = ''; // a trailing escape is dropped
      else if (ch === '\\') {
        pos++;
        offset += ch.length;
        word += chars[pos] as string;
        offset += (chars[pos] as string).length;
        continue;
      } else word += ch;
      offset += ch.length;
      continue;
    }
    if (isSpace(ch)) {
      inWord = false;
      if (word === '--') return { flags: words, rest: line.slice(offset) };
      if (blankOk || word.length > 0) words.push(word);
      word = '';
      blankOk = false;
      offset += ch.length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      blankOk = true;
      offset += ch.length;
      continue;
    }
    if (ch === '\\' && pos + 1 < chars.length) {
      offset += ch.length;
      pos++;
      word += chars[pos] as string;
      offset += (chars[pos] as string).length;
      continue;
    }
    if (ch !== '\\') word += ch;
    offset += ch.length;
  }
  return { flags: words, rest: '' };
}

/** Splits a logical line into its keyword, its builder flags and the rest. */
export function splitCommand(line: string): { keyword: string; flags: string[]; rest: string } {
  const trimmed = line.trim();
  const match = TOKEN_WHITESPACE.exec(trimmed);
  const keyword = match === null ? trimmed : trimmed.slice(0, match.index);
  const after = match === null ? '' : trimmed.slice(match.index + match[0].length);
  if (after === '') return { keyword, flags: [], rest: '' };
  const { flags, rest } = extractBuilderFlags(after);
  return { keyword, flags, rest: rest.trim() };
}

/**
 * Splits ENV/LABEL/ARG text into words on unquoted whitespace, keeping the quotes and escapes in
 * the words (they are removed later, when the builder expands the value).
 */
export function parseWords(rest: string, escapeToken: string): string[] {
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOk = false;
  const chars = [...rest];
  for (let pos = 0; pos <= chars.length; pos++) {
    const end = pos === chars.length;
    let ch = chars[pos] ?? '';
    if (phase === 'spaces') {
      if (end) break;
      if (isSpace(ch)) continue;
      phase = 'word';
    }
    if (end) {
      if (blankOk || word.length > 0) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOk || word.length > 0) words.push(word);
        word = '';
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = 'quote';
      }
      if (ch === escapeToken) {
        if (pos + 1 === chars.length) continue; // a trailing escape token is skipped
        word += ch;
        pos++;
        ch = chars[pos] as string;
      }
      word += ch;
      continue;
    }
    // inside quotes
    if (ch === quote) phase = 'word';
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === chars.length) {
        phase = 'word';
        continue;
      }
      word += ch;
      pos++;
      ch = chars[pos] as string;
    }
    word += ch;
  }
  return words;
}

/** ENV and LABEL: `KEY value…` (legacy) or `k=v k2="v 2"` → [k, v, k2, v2 …]. */
export function parseNameVal(rest: string, instruction: string, escapeToken: string): LineArgs {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return { args: [], json: false };
  if (!(words[0] as string).includes('=')) {
    const match = TOKEN_WHITESPACE.exec(rest);
    if (match === null) throw new LineParseProblem('syntax', `${instruction} must have two arguments`);
    return {
      args: [rest.slice(0, match.index), rest.slice(match.index + match[0].length)],
      json: false,
      legacyKeyValue: true,
    };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new LineParseProblem('syntax', `Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    args.push(word.slice(0, eq), word.slice(eq + 1));
  }
  return { args, json: false };
}

/** ARG: `name`, `name=value`, several per line. */
export function parseNameOrNameVal(rest: string, escapeToken: string): LineArgs {
  return { args: parseWords(rest, escapeToken), json: false };
}

/** FROM, EXPOSE: split on whitespace, quotes not interpreted. */
export function parseStringsWhitespaceDelimited(rest: string): LineArgs {
  if (rest === '') return { args: [], json: false };
  return { args: rest.split(new RegExp(TOKEN_WHITESPACE.source, 'g')), json: false };
}

/** WORKDIR, USER, STOPSIGNAL, MAINTAINER: the rest of the line, as written. */
export function parseString(rest: string): LineArgs {
  return { args: rest === '' ? [] : [rest], json: false };
}

/**
 * Finds the end of the first JSON value in `text` (which starts with `[`), as Go's
 * `json.Decoder.Decode` reads only the first value and ignores what follows it.
 */
function firstJsonArrayEnd(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

type JsonAttempt = { ok: true; args: string[]; trailing: string } | { ok: false; notStrings: boolean };

function tryParseJson(rest: string): JsonAttempt {
  const text = rest.replace(/^\s+/u, '');
  if (!text.startsWith('[')) return { ok: false, notStrings: false };
  const end = firstJsonArrayEnd(text);
  if (end === undefined) return { ok: false, notStrings: false };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(0, end));
  } catch {
    return { ok: false, notStrings: false };
  }
  if (!Array.isArray(value)) return { ok: false, notStrings: false };
  if (!value.every((item): item is string => typeof item === 'string')) return { ok: false, notStrings: true };
  return { ok: true, args: value, trailing: text.slice(end).trim() };
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/**
 * The JSON-array (exec form) reading of `rest`, or undefined when `rest` is not a JSON array, so the
 * caller falls back to its own plain form. An array holding anything but strings is an error.
 */
function parseJsonForm(rest: string): LineArgs | undefined {
  const attempt = tryParseJson(rest);
  if (attempt.ok) {
    return attempt.trailing === ''
      ? { args: attempt.args, json: true }
      : { args: attempt.args, json: true, jsonTrailing: attempt.trailing };
  }
  if (attempt.notStrings) throw new LineParseProblem('json', NOT_STRING_ARRAY);
  return undefined;
}

/** RUN, CMD, ENTRYPOINT, SHELL: a JSON array of strings (exec form) or the text as one argument. */
export function parseMaybeJson(rest: string): LineArgs {
  if (rest === '') return { args: [], json: false };
  return parseJsonForm(rest) ?? { args: [rest], json: false };
}

/** COPY, ADD, VOLUME: a JSON array of strings or whitespace-separated words. */
export function parseMaybeJsonToList(rest: string): LineArgs {
  return parseJsonForm(rest) ?? parseStringsWhitespaceDelimited(rest);
}

/** HEALTHCHECK: a type word (CMD, NONE…) then the command like CMD's. */
export function parseHealthConfig(rest: string): LineArgs {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep] as string)) sep++;
  if (sep === 0) return { args: [], json: false };
  let next = sep;
  while (next < rest.length && isSpace(rest[next] as string)) next++;
  const command = parseMaybeJson(rest.slice(next));
  return { ...command, args: [rest.slice(0, sep), ...command.args] };
}

/** Go's `%q` of a string (strconv.Quote): used where BuildKit's message quotes a value. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}
