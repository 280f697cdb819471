/**
 * The shell grammar (XCU §2.9 / §2.10): lists, and-or lists, pipelines, simple and compound commands,
 * redirections and here-documents, as a recursive-descent parser over a lazily lexed token stream.
 * Error texts are busybox ash's (`syntax error: unexpected "fi"`, `… (expecting "done")`,
 * `unexpected end of file`), so the simulated shell prints what busybox prints.
 */
import type {
  AndOr, Assignment, CaseCommand, Command, ForCommand, IfCommand, LoopCommand, Pipeline, Redirect,
  RedirectOp, Script, Word,
} from '../ast';
import { ShellSyntaxError } from '../ShellSyntaxError';
import { readSeparateDouble, readWord, type WordSource } from './wordLexer';

type Token =
  | { readonly kind: 'word'; readonly word: Word; readonly start: number }
  | { readonly kind: 'op'; readonly op: string; readonly start: number }
  | { readonly kind: 'io'; readonly fd: number; readonly start: number }
  | { readonly kind: 'newline'; readonly start: number }
  | { readonly kind: 'eof'; readonly start: number };

/** Longest first, so that `&&` wins over `&` (§2.3 rule 2). */
const OPERATORS = ['<<-', '&&', '||', ';;', '<<', '>>', '>|', '<>', '>&', '<&', '&>', ';', '&', '|', '(', ')', '<', '>'];
const REDIRECT_OPS = new Set(['<<-', '<<', '>>', '>|', '<>', '>&', '<&', '&>', '<', '>']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
/** Reserved words that end a compound list. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

interface PendingHeredoc {
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly quoted: boolean;
  readonly redirect: { target: Word; expandBody: boolean };
}

export class ShellParser implements WordSource {
  readonly src: string;
  pos = 0;
  #lookahead: Token | undefined;
  #pending: PendingHeredoc[] = [];

  constructor(src: string) {
    this.src = src;
  }

  /** A whole script: the entry point. */
  parseScript(): Script {
    const script = this.#compoundList(new Set(), true);
    const t = this.#peek();
    if (t.kind !== 'eof') this.#unexpected(t);
    return script;
  }

  parseNested(): Script {
    this.#lookahead = undefined;
    const script = this.#compoundList(new Set(), true, true);
    const t = this.#next();
    if (t.kind === 'eof') this.#error('unexpected end of file (expecting ")")', t.start);
    if (!(t.kind === 'op' && t.op === ')')) this.#unexpected(t);
    return script;
  }

  parseSeparate(text: string): Script {
    return new ShellParser(text).parseScript();
  }

  parseNestedIn(text: string): { script: Script; end: number } {
    const parser = new ShellParser(text);
    const script = parser.parseNested();
    return { script, end: parser.pos };
  }

  // ── grammar ──────────────────────────────────────────────────────────────────────────────────

  /**
   * A sequence of and-or lists separated by `;`, `&` or newlines, up to a reserved word in
   * `ends`, a `)` or `;;`, or the end of input. `allowEmpty` is for a whole script (an empty
   * command line is fine); compound bodies must hold at least one command.
   */
  #compoundList(ends: ReadonlySet<string>, allowEmpty: boolean, inParens = false): Script {
    const items: AndOr[] = [];
    this.#skipNewlines();
    for (;;) {
      const t = this.#peek();
      if (t.kind === 'eof') break;
      if (t.kind === 'op' && (t.op === ';;' || (t.op === ')' && (inParens || ends.size > 0)))) break;
      // Any list-ending reserved word stops the list; the caller then reports what it expected.
      if (t.kind === 'word' && LIST_END.has(this.#reserved(t.word) ?? '')) break;
      const andOr = this.#andOr();
      const sep = this.#peek();
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#next();
        items.push({ ...andOr, background: sep.op === '&' });
        this.#skipNewlines();
        continue;
      }
      items.push(andOr);
      if (sep.kind === 'newline') {
        this.#skipNewlines();
        continue;
      }
      break;
    }
    if (items.length === 0 && !allowEmpty) {
      const t = this.#peek();
      this.#unexpected(t);
    }
    return { items };
  }

  #andOr(): AndOr {
    const first = this.#pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.#peek();
      if (t.kind !== 'op' || (t.op !== '&&' && t.op !== '||')) break;
      this.#next();
      this.#skipNewlines();
      rest.push({ op: t.op, pipeline: this.#pipeline() });
    }
    return { first, rest, background: false };
  }

  #pipeline(): Pipeline {
    let negated = false;
    const t = this.#peek();
    if (t.kind === 'word' && this.#reserved(t.word) === '!') {
      this.#next();
      negated = true;
    }
    const commands: Command[] = [this.#command()];
    for (;;) {
      const p = this.#peek();
      if (p.kind !== 'op' || p.op !== '|') break;
      this.#next();
      this.#skipNewlines();
      commands.push(this.#command());
    }
    return { negated, commands };
  }

  #command(): Command {
    const t = this.#peek();
    if (t.kind === 'op' && t.op === '(') {
      this.#next();
      const body = this.#compoundList(new Set(), false, true);
      this.#expectOp(')');
      return { type: 'subshell', body, redirects: this.#redirects() };
    }
    if (t.kind === 'word') {
      const reserved = this.#reserved(t.word);
      switch (reserved) {
        case '{': {
          this.#next();
          const body = this.#compoundList(new Set(['}']), false);
          this.#expectReserved('}');
          return { type: 'group', body, redirects: this.#redirects() };
        }
        case 'if':
          return this.#if();
        case 'for':
          return this.#for();
        case 'while':
        case 'until':
          return this.#loop(reserved);
        case 'case':
          return this.#case();
        case undefined:
          break;
        default:
          this.#unexpected(t);
      }
    }
    return this.#simple();
  }

  #if(): IfCommand {
    this.#next();
    const branches: { condition: Script; body: Script }[] = [];
    let otherwise: Script | undefined;
    for (;;) {
      const condition = this.#compoundList(new Set(['then']), false);
      this.#expectReserved('then', 'fi');
      const body = this.#compoundList(new Set(['elif', 'else', 'fi']), false);
      branches.push({ condition, body });
      const t = this.#peek();
      const r = t.kind === 'word' ? this.#reserved(t.word) : undefined;
      if (r === 'elif') {
        this.#next();
        continue;
      }
      if (r === 'else') {
        this.#next();
        otherwise = this.#compoundList(new Set(['fi']), false);
      }
      this.#expectReserved('fi');
      break;
    }
    return { type: 'if', branches, otherwise, redirects: this.#redirects() };
  }

  #for(): ForCommand {
    this.#next();
    const nameToken = this.#next();
    if (nameToken.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameToken.word.raw)) {
      if (nameToken.kind === 'word') this.#error(`bad for loop variable`, nameToken.start);
      this.#unexpected(nameToken);
    }
    let items: Word[] | undefined;
    this.#skipNewlines();
    const t = this.#peek();
    if (t.kind === 'word' && this.#reserved(t.word) === 'in') {
      this.#next();
      items = [];
      for (;;) {
        const w = this.#peek();
        if (w.kind !== 'word') break;
        this.#next();
        items.push(w.word);
      }
      const sep = this.#peek();
      if (sep.kind === 'op' && sep.op === ';') this.#next();
      else if (sep.kind !== 'newline') this.#unexpected(sep);
    } else if (t.kind === 'op' && t.op === ';') {
      this.#next();
    }
    this.#skipNewlines();
    this.#expectReserved('do');
    const body = this.#compoundList(new Set(['done']), false);
    this.#expectReserved('done');
    return { type: 'for', name: nameToken.word.raw, items, body, redirects: this.#redirects() };
  }

  #loop(kind: 'while' | 'until'): LoopCommand {
    this.#next();
    const condition = this.#compoundList(new Set(['do']), false);
    this.#expectReserved('do', 'done');
    const body = this.#compoundList(new Set(['done']), false);
    this.#expectReserved('done');
    return { type: kind, condition, body, redirects: this.#redirects() };
  }

  #case(): CaseCommand {
    this.#next();
    const subjectToken = this.#next();
    if (subjectToken.kind !== 'word') this.#unexpected(subjectToken);
    this.#skipNewlines();
    this.#expectReserved('in');
    const clauses: { patterns: Word[]; body: Script }[] = [];
    for (;;) {
      this.#skipNewlines();
      let t = this.#peek();
      if (t.kind === 'word' && this.#reserved(t.word) === 'esac') break;
      if (t.kind === 'op' && t.op === '(') {
        this.#next();
        t = this.#peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        const p = this.#next();
        if (p.kind !== 'word') this.#unexpected(p);
        patterns.push(p.word);
        const sep = this.#next();
        if (sep.kind === 'op' && sep.op === '|') continue;
        if (sep.kind === 'op' && sep.op === ')') break;
        this.#unexpected(sep);
      }
      const body = this.#compoundList(new Set(['esac']), true);
      clauses.push({ patterns, body });
      const end = this.#peek();
      if (end.kind === 'op' && end.op === ';;') {
        this.#next();
        continue;
      }
      // busybox ash: a clause must end with ";;" unless "esac" follows directly.
      this.#expectReserved('esac', ';;');
      return { type: 'case', subject: subjectToken.word, clauses, redirects: this.#redirects() };
    }
    this.#expectReserved('esac');
    return { type: 'case', subject: subjectToken.word, clauses, redirects: this.#redirects() };
  }

  #simple(): Command {
    const start = this.#peek().start;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const redirect = this.#redirectIfAny();
      if (redirect !== undefined) {
        redirects.push(redirect);
        continue;
      }
      const t = this.#peek();
      if (t.kind !== 'word') break;
      this.#next();
      const first = t.word.parts[0];
      const match = first?.type === 'literal' ? ASSIGNMENT.exec(first.text) : null;
      if (words.length === 0 && match !== null && first?.type === 'literal') {
        const rest = first.text.slice(match[0].length);
        const valueParts = [...(rest === '' ? [] : [{ type: 'literal' as const, text: rest }]), ...t.word.parts.slice(1)];
        assignments.push({ name: match[1] as string, value: { parts: valueParts, raw: t.word.raw.slice(match[0].length) } });
        continue;
      }
      // `name() compound-command`: a function definition (§2.9.5).
      if (words.length === 0 && assignments.length === 0 && redirects.length === 0) {
        const p = this.#peek();
        if (p.kind === 'op' && p.op === '(' && this.src.slice(this.pos).match(/^\s*\)/)) {
          this.#next();
          this.#expectOp(')');
          this.#skipNewlines();
          const body = this.#command();
          return { type: 'function', name: t.word.raw, body };
        }
      }
      words.push(t.word);
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) this.#unexpected(this.#peek());
    return { type: 'simple', assignments, words, redirects, line: this.#line(start) };
  }

  #redirect(fd: number | undefined): Redirect {
    const opToken = this.#next();
    if (opToken.kind !== 'op') this.#unexpected(opToken);
    const op = opToken.op as RedirectOp;
    const target = this.#next();
    if (target.kind !== 'word') this.#unexpected(target);
    if (op === '<<' || op === '<<-') {
      const quoted = target.word.parts.some((p) => p.type !== 'literal');
      const delimiter = target.word.parts.map(partText).join('');
      const redirect = { fd, op, target: { parts: [], raw: '' } as Word, expandBody: !quoted };
      this.#pending.push({ delimiter, stripTabs: op === '<<-', quoted, redirect });
      return redirect;
    }
    return { fd, op, target: target.word };
  }

  #redirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      const redirect = this.#redirectIfAny();
      if (redirect === undefined) return redirects;
      redirects.push(redirect);
    }
  }

  /** The redirection that starts at the next token (an IO_NUMBER or a redirection operator, §2.7), if one does. */
  #redirectIfAny(): Redirect | undefined {
    const t = this.#peek();
    if (t.kind === 'io') {
      this.#next();
      return this.#redirect(t.fd);
    }
    if (t.kind === 'op' && REDIRECT_OPS.has(t.op)) return this.#redirect(undefined);
    return undefined;
  }

  // ── tokens ───────────────────────────────────────────────────────────────────────────────────

  #peek(): Token {
    this.#lookahead ??= this.#lex();
    return this.#lookahead;
  }

  #next(): Token {
    const t = this.#peek();
    this.#lookahead = undefined;
    return t;
  }

  #skipNewlines(): void {
    while (this.#peek().kind === 'newline') this.#next();
  }

  #lex(): Token {
    // Blanks, line continuations and comments between tokens.
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos += 1;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos += 1;
      } else break;
    }
    const start = this.pos;
    const c = this.src[this.pos];
    if (c === undefined) {
      this.#pending = []; // a here-document cut by the end of input has an empty body
      return { kind: 'eof', start };
    }
    if (c === '\n') {
      this.pos += 1;
      this.#readHeredocBodies();
      return { kind: 'newline', start };
    }
    const io = /^[0-9]+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (io !== null) {
      this.pos += io[0].length;
      return { kind: 'io', fd: Number(io[0]), start };
    }
    const op = OPERATORS.find((candidate) => this.src.startsWith(candidate, this.pos));
    if (op !== undefined) {
      this.pos += op.length;
      return { kind: 'op', op, start };
    }
    return { kind: 'word', word: readWord(this), start };
  }

  /** After a newline, the bodies of the here-documents opened on that line, in order (§2.7.4). */
  #readHeredocBodies(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const h of pending) {
      let body = '';
      for (;;) {
        if (this.pos >= this.src.length) {
          body = body.replace(/\n$/, ''); // busybox: the text up to the end, without its last newline
          break;
        }
        const eol = this.src.indexOf('\n', this.pos);
        const lineEnd = eol < 0 ? this.src.length : eol;
        let line = this.src.slice(this.pos, lineEnd);
        this.pos = eol < 0 ? this.src.length : eol + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) break;
        body += `${line}\n`;
      }
      h.redirect.target = h.quoted ? { parts: [{ type: 'quoted', text: body }], raw: body } : readSeparateDouble(this, body);
    }
  }

  #reserved(word: Word): string | undefined {
    const only = word.parts[0];
    if (word.parts.length !== 1 || only?.type !== 'literal') return undefined;
    return RESERVED.has(only.text) ? only.text : undefined;
  }

  #expectReserved(word: string, expecting = word): void {
    const t = this.#next();
    if (t.kind === 'word' && this.#reserved(t.word) === word) return;
    if (t.kind === 'eof') this.#error(`unexpected end of file (expecting "${expecting}")`, t.start);
    this.#error(`unexpected ${describe(t)} (expecting "${expecting}")`, t.start);
  }

  #expectOp(op: string): void {
    const t = this.#next();
    if (t.kind === 'op' && t.op === op) return;
    if (t.kind === 'eof') this.#error(`unexpected end of file (expecting "${op}")`, t.start);
    this.#unexpected(t);
  }

  #unexpected(t: Token): never {
    if (t.kind === 'eof') this.#error('unexpected end of file', t.start);
    this.#error(`unexpected ${describe(t)}`, t.start);
  }

  #error(message: string, at: number): never {
    throw new ShellSyntaxError(`syntax error: ${message}`, this.src, at);
  }

  #line(offset: number): number {
    let line = 0;
    for (let i = 0; i < offset; i++) if (this.src[i] === '\n') line += 1;
    return line;
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'word':
      return `"${t.word.raw}"`;
    case 'op':
      return `"${t.op}"`;
    case 'io':
      return `"${t.fd}"`;
    case 'newline':
      return 'newline';
    case 'eof':
      return 'end of file';
  }
}

function partText(part: Word['parts'][number]): string {
  switch (part.type) {
    case 'literal':
    case 'quoted':
      return part.text;
    case 'double':
      return part.parts.map(partText).join('');
    default:
      return '';
  }
}
