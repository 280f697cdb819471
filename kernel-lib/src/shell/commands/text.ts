/**
 * cat, head, tail, wc, tee, tac, rev, nl, sha256sum — busybox 1.35's output formats. Whole-file
 * passes (`cat big > copy`, `head -c`, `wc -c`) keep content lazy; line-oriented work reads text.
 */
import type { Content } from '../../content/Content';
import { toContent } from '../../content';
import type { CommandContext, ShellCommand } from '../CommandContext';
import { digestHex } from '../../digest';
import { strerror } from '../fsErrors';
import { consumeBytes, FileSink, type OutputSink } from '../io';
import { options, usage } from './options';
import { forEachOperandContent, joinLines, openOperand, operandsOrStdin, readOperand, splitLines, textOf } from './inputs';
import { TEXT_COMMANDS_2 } from './textproc';

const cat: ShellCommand = {
  name: 'cat',
  kind: 'utility',
  summary: 'concatenate files to stdout (-n number lines)',
  run(ctx) {
    const o = options(ctx, { flags: 'nbveAtu', usage: 'cat [-nbvteA] [FILE]...' });
    if (o === undefined) return 1;
    let lineNo = 0;
    return forEachOperandContent(ctx, o.operands, 'cant-open', (content) => {
      if (o.flags.has('n') || o.flags.has('b')) {
        const { lines } = splitLines(textOf(ctx, content));
        const numbered = lines.map((l) => (o.flags.has('b') && l === '' ? l : `${String(++lineNo).padStart(6)}\t${l}`));
        ctx.print(joinLines(numbered, true)); // busybox cat -n ends the last line even without a newline
      } else ctx.stdout.write(content);
    });
  },
};

/** Parses -n/-c counts with busybox's suffixes (b=512, k=1024, m=1048576) and a leading +/-. */
function count(text: string): { n: number; sign: '' | '+' | '-' } | undefined {
  const m = /^([+-]?)(\d+)(b|k|m|kB|KB|MB|kD|MD|GB|G|K|M)?$/.exec(text);
  if (m === null) return undefined;
  const mult: Record<string, number> = { b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, kB: 1024, KB: 1024, MB: 1048576, kD: 1000, MD: 1000000, GB: 1073741824, G: 1073741824 };
  return { n: Number(m[2]) * (m[3] === undefined ? 1 : (mult[m[3]] ?? 1)), sign: (m[1] ?? '') as '' | '+' | '-' };
}

/** Traditional `head -5` / `tail -5` become `-n 5`. */
function legacyCount(args: readonly string[]): string[] {
  return args.map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headOrTail(which: 'head' | 'tail'): ShellCommand {
  const usageLine = which === 'head' ? 'head [OPTIONS] [FILE]...' : 'tail [OPTIONS] [FILE]...';
  return {
    name: which,
    kind: 'utility',
    summary: which === 'head' ? 'first lines or bytes (-n N, -c N)' : 'last lines or bytes (-n N, -n +N, -c N)',
    run(ctx) {
      const o = options({ ...ctx, args: legacyCount(ctx.args) }, { flags: 'qvfF', values: 'nc', usage: usageLine });
      if (o === undefined) return 1;
      const nText = o.values.get('n')?.at(-1);
      const cText = o.values.get('c')?.at(-1);
      const spec = cText !== undefined ? count(cText) : count(nText ?? '10');
      if (spec === undefined) {
        ctx.error(`invalid number '${cText ?? nText ?? ''}'`);
        return 1;
      }
      const bytes = cText !== undefined;
      const operands = operandsOrStdin(o.operands);
      const headers = operands.length > 1 && !o.flags.has('q') || o.flags.has('v');
      let status = 0;
      let openedCount = 0;
      operands.forEach((operand, index) => {
        const style = which === 'tail' ? 'cant-open' : 'plain';
        const opened = openOperand(ctx, operand, style);
        // head -c N of an endless device reads just N bytes.
        const content = opened?.kind === 'device' && which === 'head' && bytes && spec.sign === '' ? consumeBytes(opened, spec.n, `head:${ctx.runtime.clock.now()}`) : opened === undefined ? undefined : readOperand(ctx, operand, style, opened);
        if (content === undefined) {
          status = 1;
          return;
        }
        openedCount += 1;
        if (headers) ctx.print(`${index > 0 ? '\n' : ''}==> ${operand === '-' ? 'standard input' : operand} <==\n`);
        ctx.stdout.write(which === 'head' ? head(ctx, content, spec, bytes) : tail(ctx, content, spec, bytes));
      });
      if (which === 'tail' && openedCount === 0) {
        ctx.error('no files');
        return 1;
      }
      return status;
    },
  };
}

function head(ctx: CommandContext, content: Content, spec: { n: number; sign: string }, bytes: boolean): Content | string {
  if (bytes) {
    if (spec.sign === '-') return content.truncate(Math.max(0, content.size - spec.n));
    return content.truncate(Math.min(content.size, spec.n));
  }
  if (spec.sign === '-') {
    const { lines, final } = splitLines(textOf(ctx, content));
    return joinLines(lines.slice(0, Math.max(0, lines.length - spec.n)), true && (final || spec.n > 0));
  }
  // Scan only as far as the Nth newline, so `head -n 3 huge.log` does not read the whole file.
  let newlines = 0;
  let end = 0;
  const CHUNK = 65536;
  while (end < content.size && newlines < spec.n) {
    const chunk = content.slice(end, Math.min(content.size, end + CHUNK));
    let i = 0;
    for (; i < chunk.length; i++) {
      if (chunk[i] === 10) {
        newlines += 1;
        if (newlines === spec.n) {
          i += 1;
          break;
        }
      }
    }
    end += i;
  }
  return end === content.size ? content : toContent(content.slice(0, end));
}

function tail(ctx: CommandContext, content: Content, spec: { n: number; sign: string }, bytes: boolean): Content | string {
  if (bytes) {
    if (spec.sign === '+') return toContent(content.slice(Math.min(content.size, Math.max(0, spec.n - 1))));
    return toContent(content.slice(Math.max(0, content.size - spec.n)));
  }
  const { lines, final } = splitLines(textOf(ctx, content));
  if (spec.sign === '+') return joinLines(lines.slice(Math.max(0, spec.n - 1)), final);
  return joinLines(spec.n === 0 ? [] : lines.slice(-spec.n), final);
}

const wc: ShellCommand = {
  name: 'wc',
  kind: 'utility',
  summary: 'count lines, words and bytes (-l -w -c -m -L)',
  run(ctx) {
    const o = options(ctx, { flags: 'lwcmL', usage: 'wc [-cmlwL] [FILE]...' });
    if (o === undefined) return 1;
    let which = ['l', 'w', 'c', 'm', 'L'].filter((f) => o.flags.has(f));
    if (which.length === 0) which = ['l', 'w', 'c'];
    const operands = operandsOrStdin(o.operands);
    const single = which.length === 1 && operands.length === 1;
    const totals = new Map<string, number>();
    let status = 0;
    const row = (counts: number[], name: string | undefined): string => {
      const cols = counts.map((c, i) => (single ? String(c) : `${i > 0 ? ' ' : ''}${String(c).padStart(9)}`)).join('');
      return `${cols}${name === undefined ? '' : ` ${name}`}\n`;
    };
    for (const operand of operands) {
      let content: Content | undefined;
      try {
        if (operand !== '-' && ctx.fs.stat(ctx.resolve(operand)).kind === 'dir') {
          ctx.error(`${operand}: Is a directory`);
          status = 1;
          ctx.print(row(which.map(() => 0), operand));
          continue;
        }
      } catch (e) {
        ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
        continue;
      }
      content = readOperand(ctx, operand, 'plain');
      if (content === undefined) {
        status = 1;
        continue;
      }
      const counts = countContent(content, which);
      which.forEach((w, i) => totals.set(w, (totals.get(w) ?? 0) + (counts[i] ?? 0)));
      ctx.print(row(counts, operand === '-' ? undefined : operand));
    }
    if (operands.length > 1) ctx.print(row(which.map((w) => totals.get(w) ?? 0), 'total'));
    return status;
  },
};

/** Counts by streaming the content's chunks (a 1 GB lazy file is never held in memory). */
function countContent(content: Content, which: readonly string[]): number[] {
  if (which.length === 1 && which[0] === 'c') return [content.size];
  let lines = 0;
  let words = 0;
  let chars = 0;
  let longest = 0;
  let lineLength = 0;
  let inWord = false;
  for (const chunk of content.chunks()) {
    for (const b of chunk) {
      if ((b & 0xc0) !== 0x80) chars += 1;
      if (b === 10) {
        lines += 1;
        longest = Math.max(longest, lineLength);
        lineLength = 0;
      } else lineLength += 1;
      const space = b === 32 || (b >= 9 && b <= 13);
      if (space) inWord = false;
      else if (!inWord && b > 32 && b !== 127) {
        inWord = true;
        words += 1;
      }
    }
  }
  longest = Math.max(longest, lineLength);
  const all: Record<string, number> = { l: lines, w: words, c: content.size, m: chars, L: longest };
  return which.map((w) => all[w] ?? 0);
}

const tee: ShellCommand = {
  name: 'tee',
  kind: 'utility',
  summary: 'copy stdin to stdout and files (-a append)',
  run(ctx) {
    const o = options(ctx, { flags: 'ai', usage: 'tee [-ai] [FILE]...' });
    if (o === undefined) return 1;
    let status = 0;
    const sinks: OutputSink[] = [];
    for (const operand of o.operands) {
      try {
        sinks.push(operand === '-' ? ctx.stdout : new FileSink(ctx.fs, ctx.resolve(operand), o.flags.has('a')));
      } catch (e) {
        ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
      }
    }
    const content = readOperand(ctx, '-', 'plain');
    if (content !== undefined) {
      ctx.stdout.write(content);
      for (const s of sinks) s.write(content);
    }
    for (const s of sinks) s.close();
    return status;
  },
};

/** tac: lines in reverse order, each keeping its own terminator (so "a\nb" gives "ba\n", as busybox does). */
const tac: ShellCommand = {
  name: 'tac',
  kind: 'utility',
  summary: 'lines in reverse order',
  run(ctx) {
    return forEachOperandContent(ctx, ctx.args, 'plain', (content) => {
      const pieces = textOf(ctx, content).match(/[^\n]*\n|[^\n]+$/g) ?? [];
      ctx.print(pieces.reverse().join(''));
    });
  },
};

/** rev: each line reversed; a last line without newline stays without one. */
const rev: ShellCommand = {
  name: 'rev',
  kind: 'utility',
  summary: 'reverse each line',
  run(ctx) {
    return forEachOperandContent(ctx, ctx.args, 'plain', (content) => {
      const { lines, final } = splitLines(textOf(ctx, content));
      ctx.print(joinLines(lines.map((l) => [...l].reverse().join('')), final));
    });
  },
};

const nl: ShellCommand = {
  name: 'nl',
  kind: 'utility',
  summary: 'number non-empty lines',
  run(ctx) {
    let n = 0;
    return forEachOperandContent(ctx, ctx.args.filter((a) => !a.startsWith('-')), 'plain', (content) => {
      const { lines } = splitLines(textOf(ctx, content));
      ctx.print(joinLines(lines.map((l) => (l === '' ? '       ' : `${String(++n).padStart(6)}\t${l}`))));
    });
  },
};

const sha256sum: ShellCommand = {
  name: 'sha256sum',
  kind: 'utility',
  summary: 'SHA-256 of files (the same digest the image layers use)',
  run(ctx) {
    const o = options(ctx, { flags: 'bctsw', usage: 'sha256sum [-c[sw]] [FILE]...' });
    if (o === undefined) return 1;
    if (o.flags.has('c')) {
      usage(ctx, 'sha256sum [-c[sw]] [FILE]...');
      ctx.runtime.note('sha256sum -c is not simulated');
      return 1;
    }
    return forEachOperandContent(ctx, o.operands, 'cant-open', (content, operand) => {
      ctx.print(`${digestHex(content.digest())}  ${operand}\n`);
    });
  },
};

export const TEXT_COMMANDS: readonly ShellCommand[] = [
  cat,
  headOrTail('head'),
  headOrTail('tail'),
  wc,
  tee,
  tac,
  rev,
  nl,
  sha256sum,
  ...TEXT_COMMANDS_2,
];
