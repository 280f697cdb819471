/**
 * What to do with tslab's errors. tslab never sends an nbformat `error`: it prints the error with
 * `console.error` (a stderr stream) and replies `status: "error"` without ename/evalue/traceback
 * (JUPYTER-FACTS §1.9). We store that stderr stream as the cell's output — it is what the learner
 * sees when they run the cell in Jupyter, in the same place and style — rather than synthesising an
 * `error` output whose ename/evalue would be guessed from text (a compile error "1:5 - Type …" has
 * no "Name: message" line at all).
 *
 * One deliberate edit, applied to stderr text only: stack frames inside the kernel's own machinery
 * (Node's `node:` internals and tslab's `node_modules/tslab/dist`) are dropped, and absolute paths
 * under the project root (in frames, in Node's code-frame header, in messages) are written relative
 * to the notebook's folder, i.e. the kernel's working directory. Those frames say nothing
 * about the lesson, and they embed the checkout's absolute path, so without this edit every clone
 * at another path would rewrite every error cell (IPython hides its kernel's frames the same way).
 * The frames of the cell (`evalmachine.<anonymous>`) and of kernel-lib are kept.
 */
import { relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../paths';

const FRAME = /^\s+at (?:async )?(?:.*\((.*)\)|(.*))$/;

export function isKernelMachineryFrame(line: string): boolean {
  const match = FRAME.exec(line);
  if (!match) return false;
  const location = match[1] ?? match[2] ?? '';
  return location.startsWith('node:') || /[\\/]node_modules[\\/](?:@tslab[\\/]|tslab[\\/])/.test(location);
}

export function tidyErrorText(text: string, notebookDir: string): string {
  const root = PROJECT_ROOT + sep;
  let fromNotebook = relative(notebookDir, PROJECT_ROOT);
  fromNotebook = fromNotebook === '' ? '.' : fromNotebook;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    // util.inspect appends an error's own properties as " {" after the last stack line: keep the brace.
    const opensProperties = / \{$/.test(line);
    const frame = opensProperties ? line.slice(0, -2) : line;
    if (isKernelMachineryFrame(frame)) {
      if (opensProperties && kept.length > 0) kept[kept.length - 1] += ' {';
      continue;
    }
    kept.push(line.split(root).join(fromNotebook + sep));
  }
  return kept.join('\n');
}

/**
 * The `Name: message` of an error printed by Node, for failure reports only (never stored):
 * the first line shaped like `TypeError: …`; a TypeScript diagnostic `L:C - message` is reported as
 * `CompileError`.
 */
export function describeError(stderr: string): { ename: string; evalue: string } {
  for (const line of stderr.split('\n')) {
    const diagnostic = /^(\d+:\d+ - .*)$/.exec(line);
    if (diagnostic) return { ename: 'CompileError', evalue: diagnostic[1]! };
    const thrown = /^([A-Za-z_$][\w$.]*(?:Error|Exception|Interrupt)?): (.*)$/.exec(line);
    if (thrown && !line.startsWith(' ')) return { ename: thrown[1]!, evalue: thrown[2]! };
  }
  const first = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
  return { ename: 'Error', evalue: first };
}
