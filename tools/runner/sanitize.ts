/**
 * What may legitimately differ between a committed output and a fresh run, and is therefore
 * rewritten on both sides before comparing (nbval's --nbval-sanitize-with, built in). Everything
 * else must match exactly — in particular digests, sizes and simulated timings, which the model
 * makes deterministic on purpose: a changed digest is a real change.
 *
 * 1. Stack frames (`    at …` lines) are dropped. They carry line:column positions inside
 *    kernel-lib's compiled code and tslab's, which move with every unrelated edit of the library; the
 *    lesson is the error's message, code frame and properties (code, hint), which stay compared.
 *    nbval ignores tracebacks entirely for the same reason.
 *    Likewise Node's code frame (`file.js:40`, the source line, a caret) when the throw happened
 *    inside library code rather than in the cell.
 * 2. The project's absolute path becomes `<project>`, the OS temp dir `<tmp>`: they depend on the
 *    machine (a clone elsewhere, CI), not on the notebook.
 * 3. Observable Plot's `plot-clip-N`, `plot-pattern-N` and `plot-marker-N` ids become `…-N`: they
 *    come from per-process counters (JUPYTER-FACTS §6), so they depend on how many plots the kernel
 *    drew before — e.g. when the committed output was saved from a session where cells were re-run.
 * Cells whose output truly varies (wall-clock measurements) are tagged `nbval-ignore-output`.
 */
import { tmpdir } from 'node:os';
import { PROJECT_ROOT } from '../paths';

export interface Sanitizer {
  name: string;
  apply(text: string): string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const DEFAULT_SANITIZERS: readonly Sanitizer[] = Object.freeze([
  { name: 'stack frames', apply: (text: string) => text.replace(/^[ \t]+at .*(?:\r?\n|$)/gm, '') },
  {
    name: 'library code frames',
    // Node's "file:line / source line / caret" header when the throw is inside a .js file (kernel-lib's
    // dist, a dependency): it quotes compiled library code. The cell's own frame (evalmachine) stays.
    apply: (text: string) => text.replace(/^(?!evalmachine\.)\S+\.[cm]?js:\d+\n.*\n[ \t]*\^+[^\n]*\n\n?/gm, ''),
  },
  { name: 'project path', apply: (text: string) => text.replace(new RegExp(escape(PROJECT_ROOT), 'g'), '<project>') },
  {
    name: 'temp dir',
    apply: (text: string) => text.replace(new RegExp(`${escape(tmpdir())}(?:/[\\w.-]+)?`, 'g'), '<tmp>'),
  },
  { name: 'Plot ids', apply: (text: string) => text.replace(/\bplot-(clip|pattern|marker)-\d+\b/g, 'plot-$1-N') },
]);

export function sanitize(text: string, sanitizers: readonly Sanitizer[] = DEFAULT_SANITIZERS): string {
  return sanitizers.reduce((current, sanitizer) => sanitizer.apply(current), text);
}
