/**
 * Reading the file operands of text utilities: `-` and no operand mean stdin; each utility words
 * its "cannot open" error the way busybox does (`cat: can't open 'x': …` but `wc: x: …`).
 */
import type { Content } from '../../content/Content';
import type { CommandContext } from '../CommandContext';
import { strerror } from '../fsErrors';
import { consumeAll, contentText, EndlessInputError, type ShellInput } from '../io';
import { SimulatorLimitError } from '../SimulatorLimitError';

export type OpenErrorStyle = 'cant-open' | 'plain';

/** Text larger than this is not split into lines (the simulator refuses rather than exhaust memory). */
export const TEXT_LIMIT = 64 * 1024 * 1024;

export class InputTooLargeError extends SimulatorLimitError {}

/** The content of one operand, or undefined after printing the error. */
export function readOperand(ctx: CommandContext, operand: string, style: OpenErrorStyle, opened?: ShellInput): Content | undefined {
  const input = opened ?? openOperand(ctx, operand, style);
  if (input === undefined) return undefined;
  try {
    return consumeAll(input);
  } catch (e) {
    if (e instanceof EndlessInputError) {
      ctx.error(`${operand}: reading all of an endless device never ends; the simulator stops here (use head -c N)`);
      ctx.runtime.note(`${ctx.name} ${operand}: the simulator cannot read an endless device to its end`);
      return undefined;
    }
    throw e;
  }
}

const DEVICES = new Set(['/dev/null', '/dev/zero', '/dev/urandom', '/dev/random', '/dev/stdin']);

/** The opened operand (a device stays a device, for bounded reads), or undefined after printing the error. */
export function openOperand(ctx: CommandContext, operand: string, style: OpenErrorStyle): ShellInput | undefined {
  try {
    if (operand !== '-' && !DEVICES.has(ctx.resolve(operand))) {
      const st = ctx.fs.stat(ctx.resolve(operand));
      if (st.kind === 'dir') {
        ctx.error(style === 'cant-open' ? 'read error: Is a directory' : `${operand}: Is a directory`);
        return undefined;
      }
    }
    return ctx.openInput(operand);
  } catch (e) {
    const why = strerror(e);
    ctx.error(style === 'cant-open' ? `can't open '${operand}': ${why}` : `${operand}: ${why}`);
    return undefined;
  }
}

/** Operands, or stdin ("-") when there are none. */
export function operandsOrStdin(operands: readonly string[]): string[] {
  return operands.length === 0 ? ['-'] : [...operands];
}

/**
 * Hands the content of each operand (stdin when there is none) to `each`, in order. An operand that
 * cannot be read has had its error printed and makes the exit status 1, and the rest are still read,
 * as busybox's text utilities do (`cat a missing b` prints a and b, then exits 1).
 */
export function forEachOperandContent(
  ctx: CommandContext,
  operands: readonly string[],
  style: OpenErrorStyle,
  each: (content: Content, operand: string) => void,
): number {
  let status = 0;
  for (const operand of operandsOrStdin(operands)) {
    const content = readOperand(ctx, operand, style);
    if (content === undefined) status = 1;
    else each(content, operand);
  }
  return status;
}

/** The UTF-8 text of content small enough to process as lines. */
export function textOf(ctx: CommandContext, content: Content): string {
  if (content.size > TEXT_LIMIT) {
    ctx.runtime.note(`${ctx.name}: input of ${content.size} bytes is too large to process line by line in the simulator`);
    throw new InputTooLargeError(`${ctx.name}: input too large for the simulator (${content.size} bytes)`);
  }
  return contentText(content);
}

/** Lines of a text; `final` tells whether the last line ended with a newline. */
export function splitLines(text: string): { lines: string[]; final: boolean } {
  if (text === '') return { lines: [], final: true };
  const final = text.endsWith('\n');
  const lines = (final ? text.slice(0, -1) : text).split('\n');
  return { lines, final };
}

export function joinLines(lines: readonly string[], final = true): string {
  if (lines.length === 0) return '';
  return lines.join('\n') + (final ? '\n' : '');
}
