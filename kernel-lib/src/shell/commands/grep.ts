/**
 * grep (and egrep/fgrep): BRE by default, -E extended, -F fixed strings; -i -v -c -l -L -n -h -H
 * -q -s -o -w -x -r -e -m -A -B -C. Exit status 0 when a line was selected, 1 when none, 2 on
 * error (even if a line was selected, unless -q found one) — busybox's rules.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { joinPath } from '../paths';
import { options, usage } from './options';
import { readOperand, splitLines, textOf } from './inputs';
import { compilePosix, RegexSyntaxError } from './regex';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function grepCommand(name: 'grep' | 'egrep' | 'fgrep'): ShellCommand {
  const usageLine = 'grep [-HhnlLoqvsrRiwFExz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...';
  return {
    name,
    kind: 'utility',
    summary: name === 'grep' ? 'search lines for a pattern (-q -v -c -i -n -l -E -F -o -w -x -r)' : `grep -${name === 'egrep' ? 'E' : 'F'}`,
    run(ctx) {
      const o = options(ctx, { flags: 'HhnlLoqvsrRiwFExzcbI', values: 'efmABC', usage: usageLine });
      if (o === undefined) return 1;
      const operands = [...o.operands];
      const patterns = [...(o.values.get('e') ?? [])];
      for (const f of o.values.get('f') ?? []) {
        const c = readOperand(ctx, f, 'plain');
        if (c === undefined) return 2;
        patterns.push(...splitLines(textOf(ctx, c)).lines);
      }
      if (patterns.length === 0) {
        const p = operands.shift();
        if (p === undefined) {
          usage(ctx, usageLine);
          return 2;
        }
        patterns.push(...p.split('\n'));
      }
      const fixed = o.flags.has('F') || name === 'fgrep';
      const extended = o.flags.has('E') || name === 'egrep';
      let re: RegExp;
      try {
        const sources = patterns.map((p) => (fixed ? escapeRegExp(p) : compilePosix(p, extended).source));
        let source = sources.map((s) => `(?:${s})`).join('|');
        if (o.flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
        if (o.flags.has('x')) source = `^(?:${source})$`;
        re = new RegExp(source, o.flags.has('i') ? 'gi' : 'g');
      } catch (e) {
        if (e instanceof RegexSyntaxError || e instanceof SyntaxError) {
          ctx.error(`bad regex '${patterns.join('\n')}': ${e.message}`);
          return 2;
        }
        throw e;
      }
      const recursive = o.flags.has('r') || o.flags.has('R');
      if (operands.length === 0) operands.push(recursive ? '.' : '-');
      const files: string[] = [];
      for (const op of operands) {
        if (recursive && op !== '-') files.push(...walkFiles(ctx, op));
        else files.push(op);
      }
      const showNames = o.flags.has('H') || (!o.flags.has('h') && (files.length > 1 || recursive));
      const quiet = o.flags.has('q');
      const max = o.values.has('m') ? Number(o.values.get('m')?.at(-1)) : Infinity;
      const after = Number(o.values.get('A')?.at(-1) ?? o.values.get('C')?.at(-1) ?? 0);
      const before = Number(o.values.get('B')?.at(-1) ?? o.values.get('C')?.at(-1) ?? 0);
      let found = false;
      let error = false;
      for (const file of files) {
        let content;
        if (file !== '-' && o.flags.has('s')) {
          try {
            ctx.fs.stat(ctx.resolve(file));
          } catch {
            error = true;
            continue;
          }
        }
        content = readOperand(ctx, file, 'plain');
        if (content === undefined) {
          error = true;
          continue;
        }
        const shown = file === '-' ? '(standard input)' : file;
        const { lines } = splitLines(textOf(ctx, content));
        let count = 0;
        let out = '';
        let lastPrinted = -1;
        let afterLeft = 0;
        for (let i = 0; i < lines.length && count < max; i++) {
          const line = lines[i] as string;
          re.lastIndex = 0;
          const hit = re.test(line) !== o.flags.has('v');
          if (!hit) {
            if (afterLeft > 0 && !o.flags.has('c') && !o.flags.has('l')) {
              out += `${showNames ? `${shown}-` : ''}${o.flags.has('n') ? `${i + 1}-` : ''}${line}\n`;
              lastPrinted = i;
              afterLeft -= 1;
            }
            continue;
          }
          count += 1;
          found = true;
          if (quiet) return 0;
          if (o.flags.has('l') || o.flags.has('L') || o.flags.has('c')) continue;
          if (before > 0) {
            if (lastPrinted >= 0 && i - before > lastPrinted + 1) out += '--\n';
            for (let j = Math.max(lastPrinted + 1, i - before); j < i; j++) {
              out += `${showNames ? `${shown}-` : ''}${o.flags.has('n') ? `${j + 1}-` : ''}${lines[j] as string}\n`;
            }
          }
          const prefix = `${showNames ? `${shown}:` : ''}${o.flags.has('n') ? `${i + 1}:` : ''}`;
          if (o.flags.has('o') && !o.flags.has('v')) {
            re.lastIndex = 0;
            for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`;
          } else out += `${prefix}${line}\n`;
          lastPrinted = i;
          afterLeft = after;
        }
        if (o.flags.has('c')) out += `${showNames ? `${shown}:` : ''}${count}\n`;
        if (o.flags.has('l') && count > 0) out += `${shown}\n`;
        if (o.flags.has('L') && count === 0) out += `${shown}\n`;
        ctx.print(out);
      }
      if (error && !(quiet && found)) return 2;
      return found ? 0 : 1;
    },
  };
}

function walkFiles(ctx: CommandContext, operand: string): string[] {
  const path = ctx.resolve(operand);
  try {
    const st = ctx.fs.lstat(path);
    if (st.kind !== 'dir') return [operand];
    const out: string[] = [];
    for (const name of ctx.fs.readdir(path)) {
      const child = operand.endsWith('/') ? `${operand}${name}` : `${operand}/${name}`;
      const cst = ctx.fs.lstat(joinPath(path, name));
      if (cst.kind === 'dir') out.push(...walkFiles(ctx, child));
      else if (cst.kind === 'file') out.push(child);
    }
    return out;
  } catch {
    return [operand];
  }
}

export const GREP_COMMANDS: readonly ShellCommand[] = [grepCommand('grep'), grepCommand('egrep'), grepCommand('fgrep')];
