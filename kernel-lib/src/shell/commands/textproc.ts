/**
 * sort, uniq, tr, cut — the busybox 1.35 options a Dockerfile or a lesson uses. Sorting is by bytes
 * (the C locale busybox runs in), with the whole line as the last resort key, as busybox does.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { compareBytes } from '../glob';
import { options, usage } from './options';
import { forEachOperandContent, joinLines, readOperand, splitLines, textOf } from './inputs';
import { encodeEscapedText, expandEscapes } from './printfFormat';

function readAllLines(ctx: CommandContext, operands: readonly string[], style: 'plain' | 'cant-open'): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  const status = forEachOperandContent(ctx, operands, style, (content) => {
    lines.push(...splitLines(textOf(ctx, content)).lines);
  });
  return { lines, ok: status === 0 };
}

/** The leading number of a line as `sort -n` reads it (no number = 0). */
function leadingNumber(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m === null ? 0 : Number(m[1]);
}

interface KeySpec {
  readonly startField: number;
  readonly endField: number | undefined;
  readonly numeric: boolean;
  readonly reverse: boolean;
}

function parseKey(text: string, numeric: boolean): KeySpec | undefined {
  const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(text);
  if (m === null) return undefined;
  const mods = `${m[2] ?? ''}${m[4] ?? ''}`;
  return { startField: Number(m[1]), endField: m[3] === undefined ? undefined : Number(m[3]), numeric: numeric || mods.includes('n'), reverse: mods.includes('r') };
}

function fieldsOf(line: string, sep: string | undefined): string[] {
  if (sep !== undefined) return line.split(sep);
  // Default: fields start at a blank run (the blanks belong to the following field).
  return line.match(/\s*\S+/g) ?? [''];
}

const sort: ShellCommand = {
  name: 'sort',
  kind: 'utility',
  summary: 'sort lines (-r -n -u -f -k FIELD -t SEP)',
  run(ctx) {
    const o = options(ctx, { flags: 'nrufbdgMsSchV', values: 'ktoT', usage: 'sort [-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...' });
    if (o === undefined) return 1;
    const { lines, ok } = readAllLines(ctx, o.operands, 'plain');
    if (!ok) return 2;
    const numeric = o.flags.has('n') || o.flags.has('g') || o.flags.has('h');
    const fold = o.flags.has('f');
    const sep = o.values.get('t')?.at(-1);
    const keys = (o.values.get('k') ?? []).map((k) => parseKey(k, numeric));
    if (keys.some((k) => k === undefined)) {
      usage(ctx, 'sort [-k START[,END]] …');
      return 1;
    }
    const norm = (s: string): string => (fold ? s.toUpperCase() : s);
    const compareText = (a: string, b: string, num: boolean): number => (num ? leadingNumber(a) - leadingNumber(b) : compareBytes(norm(a), norm(b)));
    const keyText = (line: string, k: KeySpec): string => {
      const fields = fieldsOf(line, sep);
      return fields.slice(k.startField - 1, k.endField ?? fields.length).join(sep ?? '');
    };
    const keyCompare = (a: string, b: string): number => {
      for (const k of keys as KeySpec[]) {
        const c = compareText(keyText(a, k), keyText(b, k), k.numeric);
        if (c !== 0) return k.reverse ? -c : c;
      }
      return keys.length === 0 ? compareText(a, b, numeric) : 0;
    };
    // The whole line is the last resort key, unless -s (stable) or -u (equal keys are duplicates).
    const compare = (a: string, b: string): number => keyCompare(a, b) || (o.flags.has('s') || o.flags.has('u') ? 0 : compareBytes(a, b));
    let sorted = [...lines].sort(compare);
    if (o.flags.has('r')) sorted.reverse();
    if (o.flags.has('u')) sorted = sorted.filter((l, i) => i === 0 || keyCompare(sorted[i - 1] as string, l) !== 0);
    const out = joinLines(sorted);
    const file = o.values.get('o')?.at(-1);
    if (file !== undefined) ctx.fs.writeFile(ctx.resolve(file), out, { mode: 0o644 });
    else ctx.print(out);
    return 0;
  },
};

const uniq: ShellCommand = {
  name: 'uniq',
  kind: 'utility',
  summary: 'collapse repeated adjacent lines (-c count, -d repeated only, -u unique only, -i)',
  run(ctx) {
    const o = options(ctx, { flags: 'cdui', values: 'fsw', usage: 'uniq [-cdui] [-f,s,w N] [INPUT [OUTPUT]]' });
    if (o === undefined) return 1;
    const [input, output] = o.operands;
    const { lines, ok } = readAllLines(ctx, input === undefined ? [] : [input], 'cant-open');
    if (!ok) return 1;
    const same = (a: string, b: string): boolean => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const groups: { line: string; n: number }[] = [];
    for (const line of lines) {
      const last = groups[groups.length - 1];
      if (last !== undefined && same(last.line, line)) last.n += 1;
      else groups.push({ line, n: 1 });
    }
    const kept = groups.filter((g) => (o.flags.has('d') ? g.n > 1 : o.flags.has('u') ? g.n === 1 : true));
    const out = joinLines(kept.map((g) => (o.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line)));
    if (output !== undefined) ctx.fs.writeFile(ctx.resolve(output), out, { mode: 0o644 });
    else ctx.print(out);
    return 0;
  },
};

const TR_CLASSES: Readonly<Record<string, string>> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
const trClass = (name: string): string | undefined => {
  if (name === 'alpha') return `${TR_CLASSES.upper as string}${TR_CLASSES.lower as string}`;
  if (name === 'alnum') return `${TR_CLASSES.digit as string}${TR_CLASSES.upper as string}${TR_CLASSES.lower as string}`;
  if (name === 'xdigit') return '0123456789ABCDEFabcdef';
  return TR_CLASSES[name];
};

/** A tr set: escapes, ranges a-z, classes [:upper:], repetitions [x*n]. */
function expandSet(spec: string): string {
  const text = expandEscapes(spec, false).text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '[' && text[i + 1] === ':') {
      const close = text.indexOf(':]', i + 2);
      const cls = close < 0 ? undefined : trClass(text.slice(i + 2, close));
      if (cls !== undefined) {
        out += cls;
        i = close + 1;
        continue;
      }
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(text.slice(i));
    if (rep !== null) {
      out += (rep[1] as string).repeat(rep[2] === '' ? 1 : Number(rep[2]));
      i += rep[0].length - 1;
      continue;
    }
    if (text[i + 1] === '-' && i + 2 < text.length) {
      const end = text.charCodeAt(i + 2);
      for (let code = c.charCodeAt(0); code <= end; code++) out += String.fromCharCode(code);
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

const tr: ShellCommand = {
  name: 'tr',
  kind: 'utility',
  summary: 'translate, squeeze (-s) or delete (-d) characters; -c complement',
  run(ctx) {
    const o = options(ctx, { flags: 'cdsCt', usage: 'tr [-cds] STRING1 [STRING2]' });
    if (o === undefined) return 1;
    const [s1, s2] = o.operands;
    if (s1 === undefined || (s2 === undefined && !o.flags.has('d') && !o.flags.has('s'))) {
      usage(ctx, 'tr [-cds] STRING1 [STRING2]');
      return 1;
    }
    const content = readOperand(ctx, '-', 'plain');
    if (content === undefined) return 1;
    const input = textOf(ctx, content);
    const complement = o.flags.has('c') || o.flags.has('C');
    const set1 = expandSet(s1);
    const inSet1 = (ch: string): boolean => set1.includes(ch) !== complement;
    const del = o.flags.has('d');
    const squeezeSet = expandSet(del ? (s2 ?? '') : (s2 ?? s1));
    let out = '';
    let last = '';
    for (const ch of input) {
      let c = ch;
      if (del) {
        if (inSet1(c)) continue;
      } else if (s2 !== undefined && inSet1(c)) {
        const set2 = expandSet(s2);
        if (complement) c = set2[set2.length - 1] ?? c;
        else {
          const idx = set1.lastIndexOf(c);
          c = set2[Math.min(idx, set2.length - 1)] ?? c;
        }
      }
      if (o.flags.has('s') && c === last && squeezeSet.includes(c)) continue;
      out += c;
      last = c;
    }
    ctx.stdout.write(encodeEscapedText(out));
    return 0;
  },
};

/** A cut list: "1,3-5,7-" → a membership test on 1-based positions. */
function parseList(text: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (m === null || (m[1] === '' && m[3] === '')) return undefined;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    ranges.push([from, to]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

const cut: ShellCommand = {
  name: 'cut',
  kind: 'utility',
  summary: 'select fields (-d SEP -f LIST, -s) or characters (-c LIST, -b LIST)',
  run(ctx) {
    const o = options(ctx, { flags: 'sn', values: 'dfcb', usage: 'cut [OPTIONS] [FILE]...' });
    if (o === undefined) return 1;
    const fieldList = o.values.get('f')?.at(-1);
    const charList = o.values.get('c')?.at(-1) ?? o.values.get('b')?.at(-1);
    const listText = fieldList ?? charList;
    if (listText === undefined) {
      ctx.error('expected a list of bytes, characters, or fields');
      return 1;
    }
    const inList = parseList(listText);
    if (inList === undefined) {
      ctx.error(`invalid range ${listText}`);
      return 1;
    }
    const delim = o.values.get('d')?.at(-1) ?? '\t';
    const { lines, ok } = readAllLines(ctx, o.operands, 'plain');
    const out: string[] = [];
    for (const line of lines) {
      if (fieldList !== undefined) {
        if (!line.includes(delim)) {
          if (!o.flags.has('s')) out.push(line);
          continue;
        }
        out.push(line.split(delim).filter((_, i) => inList(i + 1)).join(delim));
      } else out.push([...line].filter((_, i) => inList(i + 1)).join(''));
    }
    ctx.print(joinLines(out));
    return ok ? 0 : 1;
  },
};

export const TEXT_COMMANDS_2: readonly ShellCommand[] = [sort, uniq, tr, cut];
