/**
 * sed: the stream editor as busybox 1.35 implements it — addresses (N, $, /re/, \cREc, A,B,
 * first~step, !), commands s y d D p P q Q = a i c n N h H g G x b t T : { } l, options -n -e -f
 * -i[SUFFIX] -E/-r -s. `sed -i` writes a new file next to the old one and renames it over it (as
 * busybox does), so on a union filesystem the result is a new upper file rather than a copy-up.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { strerror } from '../fsErrors';
import { options, usage } from './options';
import { forEachOperandContent, readOperand, textOf } from './inputs';
import { compilePosix, RegexSyntaxError } from './regex';

class SedError extends Error {}

type Address = { t: 'line'; n: number } | { t: 'last' } | { t: 're'; re: RegExp | undefined } | { t: 'step'; first: number; step: number };

interface Cmd {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  // s
  re?: RegExp | undefined;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  writeFile?: string;
  // y
  from?: string;
  to?: string;
  // a i c
  text?: string;
  // b t :
  label?: string;
  // { … }: index of the matching }
  end?: number;
  // range state
  inRange?: boolean;
  rangeEnd?: number;
}

/** Parses a sed script (all -e pieces joined by newlines). */
function parseScript(script: string, extended: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  const blocks: number[] = [];
  let i = 0;
  const peek = (): string | undefined => script[i];
  const skipSpace = (): void => {
    while (i < script.length && /[ \t]/.test(script[i] as string)) i += 1;
  };
  /** Text up to an unescaped delimiter; `\delim` becomes delim; `\n` a newline in s///. */
  const delimited = (delim: string, what: 'regex' | 'replacement'): string => {
    let out = '';
    for (;;) {
      const c = script[i];
      if (c === undefined || (c === '\n' && what === 'regex')) throw new SedError(`unmatched '${delim}'`);
      i += 1;
      if (c === delim) return out;
      if (c === '\\') {
        const n = script[i];
        i += 1;
        if (n === undefined) throw new SedError(`unmatched '${delim}'`);
        if (n === delim) out += delim === '&' ? '\\&' : delim;
        else if (n === 'n' && what === 'regex') out += '\\n';
        else if (n === '\n') out += what === 'regex' ? '\\n' : '\n';
        else out += `\\${n}`;
        continue;
      }
      out += c;
    }
  };
  const regex = (source: string, flags: string): RegExp | undefined => {
    if (source === '') return undefined; // the last regex used
    try {
      return compilePosix(source, extended, flags);
    } catch (e) {
      if (e instanceof RegexSyntaxError) throw new SedError(`bad regex '${source}': ${e.message}`);
      throw e;
    }
  };
  const address = (): Address | undefined => {
    const c = peek();
    if (c === undefined) return undefined;
    if (/[0-9]/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(script.slice(i)) as RegExpExecArray;
      i += m[0].length;
      if (m[2] !== undefined) return { t: 'step', first: Number(m[1]), step: Number(m[2]) };
      return { t: 'line', n: Number(m[1]) };
    }
    if (c === '$') {
      i += 1;
      return { t: 'last' };
    }
    if (c === '/' || c === '\\') {
      let delim = '/';
      if (c === '\\') {
        delim = script[i + 1] ?? '/';
        i += 1;
      }
      i += 1;
      const source = delimited(delim, 'regex');
      let flags = '';
      while (peek() === 'I') {
        flags += 'i';
        i += 1;
      }
      return { t: 're', re: regex(source, flags) };
    }
    return undefined;
  };
  /** The text argument of a, i, c: GNU one-liner `a text` or POSIX `a\` newline text. */
  const textArg = (): string => {
    skipSpace();
    if (peek() === '\\') {
      i += 1;
      if (peek() === '\n') i += 1;
    }
    let out = '';
    while (i < script.length) {
      const c = script[i] as string;
      if (c === '\n') break;
      if (c === '\\') {
        const n = script[i + 1];
        if (n === '\n') {
          out += '\n';
          i += 2;
          continue;
        }
        if (n !== undefined) {
          out += n;
          i += 2;
          continue;
        }
      }
      out += c;
      i += 1;
    }
    return out;
  };
  const label = (): string => {
    skipSpace();
    let out = '';
    while (i < script.length && !/[;\n]/.test(script[i] as string)) out += script[i++];
    return out.trim();
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i] as string)) i += 1;
    if (i >= script.length) break;
    if (peek() === '#') {
      while (i < script.length && script[i] !== '\n') i += 1;
      continue;
    }
    const cmd: Cmd = { negate: false, name: '' };
    cmd.a1 = address();
    if (cmd.a1 !== undefined && peek() === ',') {
      i += 1;
      cmd.a2 = address();
      if (cmd.a2 === undefined) throw new SedError('unexpected \',\'');
    }
    skipSpace();
    while (peek() === '!') {
      cmd.negate = true;
      i += 1;
      skipSpace();
    }
    const name = script[i];
    if (name === undefined) throw new SedError('missing command');
    i += 1;
    cmd.name = name;
    switch (name) {
      case 's': {
        const delim = script[i];
        if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError(`unmatched 's'`);
        i += 1;
        const source = delimited(delim, 'regex');
        cmd.replacement = delimited(delim, 'replacement');
        let flags = '';
        cmd.global = false;
        for (;;) {
          const f = peek();
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = true;
          else if (f === 'i' || f === 'I') flags += 'i';
          else if (f !== undefined && /[0-9]/.test(f)) {
            const m = /^\d+/.exec(script.slice(i)) as RegExpExecArray;
            cmd.occurrence = Number(m[0]);
            i += m[0].length - 1;
          } else if (f === 'w') {
            i += 1;
            cmd.writeFile = label();
            break;
          } else break;
          i += 1;
        }
        cmd.re = regex(source, flags);
        break;
      }
      case 'y': {
        const delim = script[i] as string;
        i += 1;
        const from = delimited(delim, 'replacement').replace(/\\\\/g, '\\');
        const to = delimited(delim, 'replacement').replace(/\\\\/g, '\\');
        if ([...from].length !== [...to].length) throw new SedError("strings for y command are different lengths");
        cmd.from = from;
        cmd.to = to;
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = textArg();
        break;
      case 'b':
      case 't':
      case 'T':
      case ':':
        cmd.label = label();
        if (name === ':' && cmd.label === '') throw new SedError("':' lacks a label");
        break;
      case 'w':
      case 'r':
        cmd.writeFile = label();
        break;
      case '{':
        blocks.push(cmds.length);
        break;
      case '}':
        if (blocks.length === 0) throw new SedError('unexpected }');
        (cmds[blocks.pop() as number] as Cmd).end = cmds.length;
        break;
      case 'd': case 'D': case 'p': case 'P': case 'q': case 'Q': case '=': case 'n': case 'N':
      case 'h': case 'H': case 'g': case 'G': case 'x': case 'l': case 'z':
        break;
      default:
        throw new SedError(`unsupported command ${name}`);
    }
    cmds.push(cmd);
  }
  if (blocks.length > 0) throw new SedError('missing }');
  return cmds;
}

/** Replacement text for one match: & is the match, \1…\9 groups, \n newline, \& a literal &. */
function expandReplacement(replacement: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c === '&') out += m[0];
    else if (c === '\\') {
      const n = replacement[++i];
      if (n === undefined) break;
      if (/[0-9]/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

/** s///: POSIX semantics — an empty match right after a previous match is skipped. */
function substitute(text: string, re: RegExp, replacement: string, global: boolean, occurrence: number): { text: string; changed: boolean } {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let out = '';
  let pos = 0;
  let count = 0;
  let changed = false;
  let lastEnd = -1;
  while (pos <= text.length) {
    g.lastIndex = pos;
    const m = g.exec(text);
    if (m === null) break;
    if (m[0] === '' && m.index === lastEnd) {
      if (m.index >= text.length) break;
      out += text.slice(pos, m.index + 1);
      pos = m.index + 1;
      continue;
    }
    count += 1;
    const end = m.index + m[0].length;
    if (count >= occurrence) {
      out += text.slice(pos, m.index) + expandReplacement(replacement, m);
      changed = true;
    } else out += text.slice(pos, end);
    lastEnd = end;
    if (m[0] === '') {
      if (m.index >= text.length) {
        pos = text.length + 1;
        break;
      }
      out += text[m.index];
      pos = m.index + 1;
    } else pos = end;
    if (changed && !global) break;
  }
  if (pos <= text.length) out += text.slice(pos);
  return { text: out, changed };
}

interface RunState {
  lines: string[];
  index: number;
  lastNewline: boolean;
  quiet: boolean;
  out: string[];
  lastRe: RegExp | undefined;
  quit: boolean;
  files: Map<string, string>;
}

function matches(addr: Address, line: number, isLast: boolean, space: string, st: RunState): boolean {
  switch (addr.t) {
    case 'line':
      return line === addr.n;
    case 'last':
      return isLast;
    case 'step':
      return addr.step <= 0 ? line === addr.first : line >= addr.first && (line - addr.first) % addr.step === 0;
    case 're': {
      const re = addr.re ?? st.lastRe;
      if (re === undefined) throw new SedError('no previous regexp');
      st.lastRe = re;
      re.lastIndex = 0;
      return re.test(space);
    }
  }
}

function selected(cmd: Cmd, line: number, isLast: boolean, space: string, st: RunState): boolean {
  let yes: boolean;
  if (cmd.a1 === undefined) yes = true;
  else if (cmd.a2 === undefined) yes = matches(cmd.a1, line, isLast, space, st);
  else if (cmd.inRange === true) {
    const a2 = cmd.a2;
    if (a2.t === 'line') {
      if (line >= a2.n) cmd.inRange = false;
    } else if (matches(a2, line, isLast, space, st)) cmd.inRange = false;
    yes = true;
  } else if (matches(cmd.a1, line, isLast, space, st)) {
    const a2 = cmd.a2;
    cmd.inRange = !(a2.t === 'line' && a2.n <= line) && !(a2.t === 'last' && isLast);
    yes = true;
  } else yes = false;
  return yes !== cmd.negate;
}

/** Runs the script over the input lines; returns the output text. */
function run(cmds: Cmd[], text: string, quiet: boolean): { output: string; files: Map<string, string> } {
  const final = text.endsWith('\n');
  const lines = text === '' ? [] : (final ? text.slice(0, -1) : text).split('\n');
  const st: RunState = { lines, index: 0, lastNewline: final, quiet, out: [], lastRe: undefined, quit: false, files: new Map() };
  let hold = '';
  let lineNo = 0;
  // busybox: only the automatic print of a last line that had no newline leaves it off; any
  // output after it (an `a` text) first supplies the newline.
  let missingNewline = false;
  const emit = (s: string): void => {
    if (missingNewline) {
      st.out.push('\n');
      missingNewline = false;
    }
    st.out.push(`${s}\n`);
  };
  const autoPrint = (s: string): void => {
    if (!final && st.index >= lines.length) {
      emit(s);
      st.out[st.out.length - 1] = s;
      missingNewline = true;
    } else emit(s);
  };
  while (st.index < lines.length && !st.quit) {
    let space = lines[st.index++] as string;
    lineNo += 1;
    let appended: string[] = [];
    let substituted = false;
    let deleted = false;
    let autoprint = !quiet;
    for (let pc = 0; pc < cmds.length; pc++) {
      const cmd = cmds[pc] as Cmd;
      if (cmd.name === '}' || cmd.name === ':') continue;
      const isLast = st.index >= lines.length;
      if (!selected(cmd, lineNo, isLast, space, st)) {
        if (cmd.name === '{') pc = cmd.end ?? pc;
        continue;
      }
      switch (cmd.name) {
        case '{':
          break;
        case 's': {
          const re = cmd.re ?? st.lastRe;
          if (re === undefined) throw new SedError('no previous regexp');
          st.lastRe = re;
          const r = substitute(space, re, cmd.replacement ?? '', cmd.global === true, cmd.occurrence ?? 1);
          if (r.changed) {
            space = r.text;
            substituted = true;
            if (cmd.print === true) emit(space);
            if (cmd.writeFile !== undefined) st.files.set(cmd.writeFile, `${st.files.get(cmd.writeFile) ?? ''}${space}\n`);
          }
          break;
        }
        case 'y': {
          const from = [...(cmd.from ?? '')];
          const to = [...(cmd.to ?? '')];
          space = [...space].map((c) => {
            const k = from.indexOf(c);
            return k < 0 ? c : (to[k] as string);
          }).join('');
          break;
        }
        case 'd':
          deleted = true;
          pc = cmds.length;
          break;
        case 'D': {
          const nl = space.indexOf('\n');
          if (nl < 0) deleted = true;
          else {
            st.lines.splice(st.index, 0, space.slice(nl + 1));
            lineNo -= 1;
            deleted = true;
          }
          pc = cmds.length;
          break;
        }
        case 'p':
          emit(space);
          break;
        case 'P':
          emit(space.split('\n')[0] as string);
          break;
        case '=':
          emit(String(lineNo));
          break;
        case 'a':
          appended.push(cmd.text ?? '');
          break;
        case 'i':
          emit(cmd.text ?? '');
          break;
        case 'c':
          if (cmd.a2 === undefined || cmd.inRange !== true) emit(cmd.text ?? '');
          deleted = true;
          pc = cmds.length;
          break;
        case 'q':
        case 'Q':
          st.quit = true;
          if (cmd.name === 'Q') autoprint = false;
          pc = cmds.length;
          break;
        case 'n':
          if (autoprint) autoPrint(space);
          for (const a of appended) emit(a);
          appended = [];
          if (st.index >= lines.length) {
            autoprint = false;
            if (!quiet) autoPrint(space);
            deleted = true;
            pc = cmds.length;
            break;
          }
          space = lines[st.index++] as string;
          lineNo += 1;
          break;
        case 'N':
          if (st.index >= lines.length) {
            pc = cmds.length; // GNU/busybox: print the pattern space and end
            break;
          }
          space = `${space}\n${lines[st.index++] as string}`;
          lineNo += 1;
          break;
        case 'h':
          hold = space;
          break;
        case 'H':
          hold = `${hold}\n${space}`;
          break;
        case 'g':
          space = hold;
          break;
        case 'G':
          space = `${space}\n${hold}`;
          break;
        case 'x':
          [space, hold] = [hold, space];
          break;
        case 'l':
          emit(`${space.replace(/\\/g, '\\\\').replace(/\t/g, '\\t')}$`);
          break;
        case 'z':
          space = '';
          break;
        case 'b':
        case 't':
        case 'T': {
          if (cmd.name === 't' && !substituted) break;
          if (cmd.name === 'T' && substituted) break;
          if (cmd.name !== 'b') substituted = false;
          if (cmd.label === undefined || cmd.label === '') pc = cmds.length;
          else {
            const target = cmds.findIndex((c) => c.name === ':' && c.label === cmd.label);
            if (target < 0) throw new SedError(`can't find label for jump to '${cmd.label}'`);
            pc = target;
          }
          break;
        }
        case 'w':
          st.files.set(cmd.writeFile ?? '', `${st.files.get(cmd.writeFile ?? '') ?? ''}${space}\n`);
          break;
      }
    }
    if (!deleted && autoprint) autoPrint(space);
    for (const a of appended) emit(a);
  }
  return { output: st.out.join(''), files: st.files };
}

const sed: ShellCommand = {
  name: 'sed',
  kind: 'utility',
  summary: 'stream editor: s/re/repl/g, d, p, a/i/c, y, addresses; -n, -e, -i[SUF], -E',
  run(ctx) {
    const usageLine = 'sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]... or: sed [-i[SFX]] [-nrE] CMD [FILE]...';
    // -i takes an optional attached suffix: rewrite "-i.bak" so the option parser sees a value.
    const args: string[] = [];
    let inPlace: string | undefined;
    for (const a of ctx.args) {
      if (/^-i/.test(a) || a === '--in-place') {
        inPlace = a.startsWith('--') ? '' : a.slice(2);
        continue;
      }
      args.push(a);
    }
    const o = options({ ...ctx, args }, { flags: 'nrEsu', values: 'ef', long: { quiet: 'n', silent: 'n', 'expression=': 'e', 'regexp-extended': 'E' }, usage: usageLine });
    if (o === undefined) return 1;
    const pieces = [...(o.values.get('e') ?? [])];
    for (const f of o.values.get('f') ?? []) {
      const c = readOperand(ctx, f, 'plain');
      if (c === undefined) return 1;
      pieces.push(textOf(ctx, c).replace(/\n$/, ''));
    }
    const operands = [...o.operands];
    if (pieces.length === 0) {
      const script = operands.shift();
      if (script === undefined) {
        usage(ctx, usageLine);
        return 1;
      }
      pieces.push(script);
    }
    const extended = o.flags.has('r') || o.flags.has('E');
    let cmds: Cmd[];
    try {
      cmds = parseScript(pieces.join('\n'), extended);
    } catch (e) {
      if (e instanceof SedError) {
        ctx.error(e.message);
        return 1;
      }
      throw e;
    }
    let status = 0;
    const flushFiles = (files: Map<string, string>): void => {
      for (const [file, text] of files) if (file !== '') ctx.fs.writeFile(ctx.resolve(file), text, { mode: 0o644 });
    };
    try {
      if (inPlace !== undefined) {
        if (operands.length === 0) {
          ctx.error('no files to edit in place');
          return 1;
        }
        const backupSuffix = inPlace;
        // operands is not empty here, so forEachOperandContent reads exactly these files (never stdin).
        return forEachOperandContent(ctx, operands, 'plain', (content, operand) => {
          const { output, files } = run(cmds.map((c) => ({ ...c, inRange: false })), textOf(ctx, content), o.flags.has('n'));
          editInPlace(ctx, operand, output, backupSuffix);
          flushFiles(files);
        });
      }
      let text = '';
      status = forEachOperandContent(ctx, operands, 'plain', (content) => {
        const t = textOf(ctx, content);
        text += text !== '' && !text.endsWith('\n') ? `\n${t}` : t;
      });
      const { output, files } = run(cmds, text, o.flags.has('n'));
      ctx.print(output);
      flushFiles(files);
    } catch (e) {
      if (e instanceof SedError) {
        ctx.error(e.message);
        return 1;
      }
      throw e;
    }
    return status;
  },
};

/** busybox sed -i: write "<file>XXXXXX" beside the file with its mode and owner, then rename it over. */
function editInPlace(ctx: CommandContext, operand: string, output: string, suffix: string): void {
  const path = ctx.resolve(operand);
  const st = ctx.fs.stat(path);
  const temp = `${path}sedXXX`;
  try {
    ctx.fs.writeFile(temp, output, { mode: st.mode });
    ctx.fs.chmod(temp, st.mode);
    if (st.uid !== 0 || st.gid !== 0) ctx.fs.chown(temp, st.uid, st.gid);
    if (suffix !== '') ctx.fs.rename(path, `${path}${suffix}`);
    ctx.fs.rename(temp, path);
  } catch (e) {
    ctx.error(`${operand}: ${strerror(e)}`);
  }
}

export const SED_COMMANDS: readonly ShellCommand[] = [sed];
