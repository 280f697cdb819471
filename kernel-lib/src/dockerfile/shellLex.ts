/**
 * Word processing and variable expansion as BuildKit's Dockerfile frontend does it
 * (moby/buildkit frontend/dockerfile/shell/lex.go) — not a POSIX shell: only quotes, the escape
 * token and `$` substitutions are interpreted; nothing is executed.
 *
 * Rules modelled:
 * - `'…'` is literal; `"…"` is literal except `$…` and the escape token before `"`, `$` or itself;
 * - outside quotes the escape token (`\` or, with `# escape=\``, a backtick) takes the next
 *   character literally; a trailing escape token is dropped;
 * - `$NAME`, `${NAME}`, and the modifiers `${N:-w}` `${N-w}` `${N:+w}` `${N+w}` `${N:?w}` `${N?w}`
 *   (the colon forms treat an empty value as unset), `${N#p}` `${N##p}` `${N%p}` `${N%%p}`
 *   (glob prefix/suffix removal) and `${N/p/r}` `${N//p/r}`;
 * - an unset `$NAME` expands to nothing (or stays as written with `skipUnsetEnv`);
 * - a `$` not followed by a name is a literal `$`;
 * - in word mode, text produced by a `$` substitution is split on whitespace, quoted text is not.
 *
 * Errors are `DockerfileExpansionError` with BuildKit's wording ("missing '}'", "bad substitution"…).
 */
import { LayerlabError } from '../errors/LayerlabError';

export type DockerfileEscapeToken = '\\' | '`';

export interface ShellLexOptions {
  /** Keep quote characters in the output (used to detect quoted heredoc words). */
  readonly rawQuotes?: boolean;
  /** Keep escape tokens in the output. */
  readonly rawEscapes?: boolean;
  /** Leave references to unset variables as written instead of expanding them to "". */
  readonly skipUnsetEnv?: boolean;
}

/** An environment for expansion: name → value (absent = unset). */
export type ExpansionEnv = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export class DockerfileExpansionError extends LayerlabError {
  constructor(source: string, problem: string) {
    super('DockerfileExpansion', `failed to process ${JSON.stringify(source)}: ${problem}`, {
      data: { source, problem },
      hint: '변수 치환 문법을 확인하세요: ${NAME}, ${NAME:-기본값}, ${NAME:+대체값} 형식이며 중괄호를 닫아야 합니다.',
    });
  }
}

export interface ShellLexResult {
  /** The processed text as one string (spaces between words kept). */
  readonly word: string;
  /** The processed text split into words (quotes respected, substitutions split). */
  readonly words: readonly string[];
  /** Variables that were referenced (whether set or not), in first-use order. */
  readonly matched: readonly string[];
  /** Referenced variables that were unset. */
  readonly unmatched: readonly string[];
}

const EOF = '';

function lookup(env: ExpansionEnv, name: string): string | undefined {
  if (env instanceof Map) return env.get(name);
  const record = env as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

function isSpace(ch: string): boolean {
  return /^\s$/u.test(ch);
}

class WordCollector {
  word = '';
  words: string[] = [];
  inWord = false;

  addChar(ch: string): void {
    if (isSpace(ch)) {
      if (this.inWord && this.word.length > 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }

  addString(text: string): void {
    for (const ch of text) this.addChar(ch);
  }

  addRawString(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  getWords(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

/** Converts a shell glob (`*`, `?`, `[…]`, `\x`) to a regular-expression source. */
function globToRegexSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') out += '[\\s\\S]*';
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i] as string);
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else out += escapeRegex(ch);
  }
  return out;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function trimPrefix(value: string, pattern: string, longest: boolean): string {
  const re = new RegExp('^' + globToRegexSource(pattern) + '$');
  const lengths = [...Array(value.length + 1).keys()];
  if (longest) lengths.reverse();
  for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
  return value;
}

function trimSuffix(value: string, pattern: string, longest: boolean): string {
  const re = new RegExp('^' + globToRegexSource(pattern) + '$');
  const starts = [...Array(value.length + 1).keys()];
  if (!longest) starts.reverse();
  for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  return value;
}

class Scanner {
  private readonly chars: string[];
  private pos = 0;
  constructor(text: string) {
    this.chars = [...text];
  }
  peek(): string {
    return this.chars[this.pos] ?? EOF;
  }
  next(): string {
    const ch = this.chars[this.pos] ?? EOF;
    if (this.pos < this.chars.length) this.pos++;
    return ch;
  }
}

class ShellWord {
  readonly scanner: Scanner;
  readonly matched: string[] = [];
  readonly unmatched: string[] = [];

  constructor(
    text: string,
    private readonly env: ExpansionEnv,
    private readonly escapeToken: string,
    private readonly options: ShellLexOptions,
  ) {
    this.scanner = new Scanner(text);
  }

  private getEnv(name: string): string | undefined {
    const value = lookup(this.env, name);
    if (!this.matched.includes(name)) this.matched.push(name);
    if (value === undefined && !this.unmatched.includes(name)) this.unmatched.push(name);
    return value;
  }

  processStopOn(stop: string, rawEscapes: boolean): { word: string; words: string[] } {
    let result = '';
    const words = new WordCollector();
    while (this.scanner.peek() !== EOF) {
      const ch = this.scanner.peek();
      if (stop !== EOF && ch === stop) {
        this.scanner.next();
        return { word: result, words: words.getWords() };
      }
      if (ch === "'" || ch === '"' || ch === '$') {
        const text = ch === "'" ? this.processSingleQuote() : ch === '"' ? this.processDoubleQuote() : this.processDollar();
        result += text;
        if (ch === '$') words.addString(text);
        else words.addRawString(text);
        continue;
      }
      let c = this.scanner.next();
      if (c === this.escapeToken) {
        if (rawEscapes) {
          words.addRawChar(c);
          result += c;
        }
        c = this.scanner.next();
        if (c === EOF) break;
        words.addRawChar(c);
      } else {
        words.addChar(c);
      }
      result += c;
    }
    if (stop !== EOF) throw new Error(`unexpected end of statement while looking for matching ${stop}`);
    return { word: result, words: words.getWords() };
  }

  private processSingleQuote(): string {
    // Everything up to the next ' is literal; a single quote cannot be escaped inside.
    let result = '';
    const open = this.scanner.next();
    if (this.options.rawQuotes) result += open;
    for (;;) {
      const ch = this.scanner.next();
      if (ch === EOF) throw new Error('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") {
        if (this.options.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.scanner.next();
    if (this.options.rawQuotes) result += open;
    for (;;) {
      const peek = this.scanner.peek();
      if (peek === EOF) throw new Error('unexpected end of statement while looking for matching double-quote');
      if (peek === '"') {
        const close = this.scanner.next();
        if (this.options.rawQuotes) result += close;
        return result;
      }
      if (peek === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.scanner.next();
      if (ch === this.escapeToken) {
        const after = this.scanner.peek();
        if (after === EOF) continue; // a trailing escape is dropped
        if (after === '"' || after === '$' || after === this.escapeToken) {
          if (this.options.rawEscapes) result += ch;
          ch = this.scanner.next();
        }
      }
      result += ch;
    }
  }

  private processDollar(): string {
    this.scanner.next(); // the '$'
    if (this.scanner.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.getEnv(name);
      if (value === undefined && this.options.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.scanner.next(); // '{'
    const first = this.scanner.peek();
    if (first === EOF) throw new Error("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new Error('syntax error: bad substitution');
    const name = this.processName();
    const ch = this.scanner.next();
    const value = this.getEnv(name);
    const keep = (text: string): string => '${' + name + text + '}';
    switch (ch) {
      case '}':
        if (value === undefined && this.options.skipUnsetEnv) return keep('');
        return value ?? '';
      case '-':
      case '+':
      case '?':
        return this.applyModifier(name, value, ch, false);
      case ':': {
        const modifier = this.scanner.next();
        if (modifier !== '-' && modifier !== '+' && modifier !== '?') {
          throw new Error(`unsupported modifier (${modifier === EOF ? 'EOF' : modifier}) in substitution`);
        }
        return this.applyModifier(name, value, modifier, true);
      }
      case '#':
      case '%': {
        const longest = this.scanner.peek() === ch;
        if (longest) this.scanner.next();
        const pattern = this.readUntilBrace();
        if (value === undefined && this.options.skipUnsetEnv) return keep(ch + (longest ? ch : '') + pattern);
        const v = value ?? '';
        return ch === '#' ? trimPrefix(v, pattern, longest) : trimSuffix(v, pattern, longest);
      }
      case '/': {
        const all = this.scanner.peek() === '/';
        if (all) this.scanner.next();
        const rest = this.readUntilBrace();
        const slash = rest.indexOf('/');
        const pattern = slash < 0 ? rest : rest.slice(0, slash);
        const replacement = slash < 0 ? '' : rest.slice(slash + 1);
        const v = value ?? '';
        if (pattern === '') return v;
        const re = new RegExp(globToRegexSource(pattern), all ? 'g' : '');
        return v.replace(re, () => replacement);
      }
      case EOF:
        throw new Error("syntax error: missing '}'");
      default:
        throw new Error(`unsupported modifier (${ch}) in substitution`);
    }
  }

  private readUntilBrace(): string {
    try {
      return this.processStopOn('}', true).word;
    } catch (error) {
      if (this.scanner.peek() === EOF) throw new Error("syntax error: missing '}'");
      throw error;
    }
  }

  private applyModifier(name: string, value: string | undefined, modifier: string, nullIsUnset: boolean): string {
    const word = this.readUntilBrace();
    const unset = value === undefined || (nullIsUnset && value === '');
    if (value === undefined && this.options.skipUnsetEnv) return '${' + name + (nullIsUnset ? ':' : '') + modifier + word + '}';
    if (modifier === '-') return unset ? word : (value ?? '');
    if (modifier === '+') return unset ? '' : word;
    if (unset) {
      const message = word !== '' ? word : value === undefined ? 'is not allowed to be unset' : 'is not allowed to be empty';
      throw new Error(`${name}: ${message}`);
    }
    return value ?? '';
  }

  private processName(): string {
    let name = '';
    while (this.scanner.peek() !== EOF) {
      const ch = this.scanner.peek();
      if (name.length === 0 && /^[0-9]$/.test(ch)) {
        while (/^[0-9]$/.test(this.scanner.peek())) name += this.scanner.next();
        return name;
      }
      if (name.length === 0 && '@*#?-$!0'.includes(ch)) return this.scanner.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      name += this.scanner.next();
    }
    return name;
  }
}

/**
 * BuildKit's shell lexer. `new DockerfileShellLex('\\')` is the default; a `# escape=\``
 * Dockerfile uses a backtick.
 */
export class DockerfileShellLex {
  constructor(
    readonly escapeToken: DockerfileEscapeToken = '\\',
    readonly options: ShellLexOptions = {},
  ) {}

  /** Expands `text` and returns the full result (string, words, referenced variables). */
  process(text: string, env: ExpansionEnv = {}): ShellLexResult {
    const sw = new ShellWord(text, env, this.escapeToken, this.options);
    try {
      const { word, words } = sw.processStopOn(EOF, Boolean(this.options.rawEscapes));
      return Object.freeze({
        word,
        words: Object.freeze(words),
        matched: Object.freeze([...sw.matched]),
        unmatched: Object.freeze([...sw.unmatched]),
      });
    } catch (error) {
      if (error instanceof LayerlabError) throw error;
      throw new DockerfileExpansionError(text, (error as Error).message);
    }
  }

  /** `ProcessWord`: quotes removed, variables substituted, spacing kept. */
  processWord(text: string, env: ExpansionEnv = {}): string {
    return this.process(text, env).word;
  }

  /** `ProcessWords`: like `processWord`, then split into words (quoted text is never split). */
  processWords(text: string, env: ExpansionEnv = {}): readonly string[] {
    return this.process(text, env).words;
  }
}
