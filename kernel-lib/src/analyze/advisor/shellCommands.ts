import type { Instruction, RunInstruction } from '../../dockerfile/instructions';

/**
 * A RUN line split the way the lint rules need it: simple commands (split at `&&`, `||`, `;`,
 * `|` and newlines outside quotes), each as words, leading `VAR=value` assignments and `sudo`
 * dropped. Not a shell parser — enough to see `apt-get update` next to `rm -rf /var/lib/apt/lists/*`.
 */
export function runScript(run: RunInstruction): string {
  const body = run.prependShell ? run.cmdLine.join(' ') : run.cmdLine.join(' ');
  return [body, ...run.heredocs.map((h) => h.content)].join('\n');
}

export function splitCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote: '"' | "'" | undefined;
  const endWord = (): void => { if (word !== '') { words.push(word); word = ''; } };
  const endCommand = (): void => { endWord(); if (words.length) commands.push(words); words = []; };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) { if (c === quote) quote = undefined; else word += c; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c === '\\' && script[i + 1] === '\n') { i++; continue; }
    if (c === '&' && script[i + 1] === '&') { endCommand(); i++; continue; }
    if (c === '|' && script[i + 1] === '|') { endCommand(); i++; continue; }
    if (c === ';' || c === '|' || c === '\n') { endCommand(); continue; }
    if (/\s/.test(c)) { endWord(); continue; }
    word += c;
  }
  endCommand();
  return commands.map((w) => {
    let i = 0;
    while (i < w.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w[i]!) || w[i] === 'sudo')) i++;
    return w.slice(i);
  }).filter((w) => w.length > 0);
}

export function commandsOf(run: RunInstruction): string[][] {
  return splitCommands(runScript(run));
}

/** `apt-get update`, `apt update`, `aptitude update`. */
export function isAptUpdate(cmd: readonly string[]): boolean {
  return ['apt-get', 'apt', 'aptitude'].includes(cmd[0] ?? '') && cmd.includes('update');
}

export function isAptInstall(cmd: readonly string[]): boolean {
  return ['apt-get', 'apt', 'aptitude'].includes(cmd[0] ?? '') && cmd.includes('install');
}

/** `rm -rf /var/lib/apt/lists/*` (any rm of that directory or its contents). */
export function removesAptLists(cmd: readonly string[]): boolean {
  return cmd[0] === 'rm' && cmd.some((w) => /^\/var\/lib\/apt\/lists(\/\*?)?\/?$/.test(w));
}

/** A command that installs an app's dependencies from a manifest. */
export function isDependencyInstall(cmd: readonly string[]): boolean {
  const [a = '', b = '', ...rest] = cmd;
  if (a === 'npm' && ['install', 'i', 'ci'].includes(b)) return true;
  if (a === 'yarn' && (b === '' || b === 'install')) return true;
  if (a === 'pnpm' && ['install', 'i'].includes(b)) return true;
  if ((a === 'pip' || a === 'pip3') && b === 'install' && rest.some((w) => w === '-r' || w.startsWith('--requirement') || w === '.' || w === '-e')) return true;
  if (a === 'poetry' && b === 'install') return true;
  if (a === 'go' && b === 'mod' && rest[0] === 'download') return true;
  if (a === 'bundle' && (b === 'install' || b === '')) return true;
  if (a === 'composer' && b === 'install') return true;
  if ((a === 'mvn' || a === './mvnw') && rest.concat(b).some((w) => w.includes('dependency:'))) return true;
  return false;
}

export function instructionText(i: Instruction): string {
  return i.original;
}
