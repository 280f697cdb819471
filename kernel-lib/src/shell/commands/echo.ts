/**
 * echo and printf — builtins of busybox ash (so their errors start with "sh: ").
 * busybox echo: leading arguments made only of -n/-e/-E letters are options; without -e,
 * backslashes are printed as they are (busybox is built without XPG echo).
 */
import type { ShellCommand } from '../CommandContext';
import { encodeEscapedText, expandEscapes, formatPrintf } from './printfFormat';

const echo: ShellCommand = {
  name: 'echo',
  kind: 'builtin',
  summary: 'print arguments (-n no newline, -e backslash escapes)',
  run(ctx) {
    const args = [...ctx.args];
    let newline = true;
    let escapes = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0] as string)) {
      const flags = args.shift() as string;
      for (const f of flags.slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
    }
    let text = args.join(' ');
    if (escapes) {
      const e = expandEscapes(text, true);
      text = e.text;
      if (e.stop) newline = false;
    }
    ctx.stdout.write(encodeEscapedText(newline ? `${text}\n` : text));
    return 0;
  },
};

const printf: ShellCommand = {
  name: 'printf',
  kind: 'builtin',
  summary: 'formatted output (%s %b %c %d %i %o %u %x %X %f %e %g, widths and precisions)',
  run(ctx) {
    const [format, ...args] = ctx.args;
    if (format === undefined) {
      ctx.stderr.write('sh: usage: printf FORMAT [ARGUMENT...]\n');
      return 2;
    }
    const r = formatPrintf(format, args);
    for (const segment of r.segments) {
      if (segment.stream === 'out') ctx.stdout.write(encodeEscapedText(segment.text));
      else ctx.stderr.write(`sh: ${segment.text}\n`);
    }
    return r.failed ? 1 : 0;
  },
};

export const ECHO_COMMANDS: readonly ShellCommand[] = [echo, printf];
