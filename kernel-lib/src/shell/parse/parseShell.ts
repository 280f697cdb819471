import type { Script } from '../ast';
import { ShellParser } from './ShellParser';

/**
 * Parses a shell command line or script into its syntax tree (frozen). Throws `ShellSyntaxError`
 * with busybox ash's message on bad input.
 *
 * @example parseShell('echo "$HOME" && ls -l /tmp > out.txt')
 */
export function parseShell(source: string): Script {
  return deepFreeze(new ShellParser(source).parseScript());
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
