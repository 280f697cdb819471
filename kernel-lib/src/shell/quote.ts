/**
 * Quotes an argument the way busybox ash 1.35 prints it in `set -x` traces: bare when it holds only
 * letters, digits and `_-./,:@^+]`, otherwise in single quotes ('it'"'"'s' for an embedded quote).
 * (ash prints an empty argument as nothing at all, and so do we.)
 */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_\-./,:@^+\]]*$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'"'"'`)}'`;
}
