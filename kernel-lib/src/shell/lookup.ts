/**
 * Command search and execution (XCU §2.9.1.1): a name with a slash is a path in the filesystem; a
 * bare name is a builtin, then a simulated utility, then an executable script on `$PATH`.
 *
 * Busybox as Debian ships it (`busybox-static`, built with FEATURE_SH_STANDALONE) runs its applets
 * whatever `$PATH` holds; the simulator does the same unless `requireBinaries` is set, in which
 * case a utility runs only if the image has an executable of that name on `$PATH` (so `apt-get`
 * is "not found" in an Alpine image, as it really is).
 *
 * A file that is executed is run as a shell script when it starts with `#!` naming sh, ash, bash
 * or dash — or has no `#!` line at all (ash then runs it itself, as execve's ENOEXEC fallback).
 */
import type { FileStat } from '../unionfs/FileSystem';
import type { ShellCommand, ShellRuntime } from './CommandContext';
import { baseName, joinPath, resolvePath } from './paths';
import type { ShellState } from './ShellState';

export type Resolved =
  | { readonly kind: 'command'; readonly command: ShellCommand; readonly path?: string }
  | { readonly kind: 'script'; readonly source: string; readonly path: string }
  | { readonly kind: 'not-found'; readonly hint?: string }
  | { readonly kind: 'denied' }
  | { readonly kind: 'unsupported'; readonly message: string };

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);
/** Scripts larger than this are not read as text (a binary, in practice). */
const SCRIPT_LIMIT = 1 << 20;

export function resolveCommand(runtime: ShellRuntime, state: ShellState, name: string): Resolved {
  if (name.includes('/')) return resolvePathCommand(runtime, resolvePath(state.cwd, name));
  const command = runtime.registry.get(name);
  if (command !== undefined && command.kind !== 'utility') return { kind: 'command', command };
  const onPath = findOnPath(runtime, state, name);
  if (command !== undefined) {
    if (!runtime.requireBinaries) return { kind: 'command', command };
    if (onPath !== undefined) return { kind: 'command', command, path: onPath };
    return { kind: 'not-found', hint: missingBinaryHint(name, state) };
  }
  if (onPath !== undefined) return resolvePathCommand(runtime, onPath);
  return { kind: 'not-found', hint: unknownCommandHint(runtime, name) };
}

/** The first executable named `name` in `$PATH`'s directories, if any. */
export function findOnPath(runtime: ShellRuntime, state: ShellState, name: string): string | undefined {
  const dirs = (state.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':');
  for (const dir of dirs) {
    if (dir === '') continue;
    const path = joinPath(resolvePath(state.cwd, dir), name);
    const stat = safeStat(runtime, path);
    if (stat !== undefined && stat.kind === 'file' && (stat.mode & 0o111) !== 0) return path;
  }
  return undefined;
}

function resolvePathCommand(runtime: ShellRuntime, path: string): Resolved {
  const stat = safeStat(runtime, path);
  if (stat === undefined) return { kind: 'not-found' };
  if (stat.kind !== 'file' || (stat.mode & 0o111) === 0) return { kind: 'denied' };
  const content = runtime.fs.readFile(path);
  const head = content.size <= SCRIPT_LIMIT && !content.lazy ? content.text() : undefined;
  const known = runtime.registry.get(baseName(path));
  if (head === undefined || head.includes('\u0000')) {
    // A binary: the simulator runs the applet it stands for (/bin/ls → ls), if it knows one.
    if (known !== undefined) return { kind: 'command', command: known, path };
    return { kind: 'unsupported', message: 'cannot run a binary program in the simulator (only shell scripts and the simulated commands run)' };
  }
  if (head.startsWith('#!')) {
    const line = (head.split('\n')[0] ?? '').slice(2).trim();
    const words = line.split(/\s+/);
    const interpreter = baseName(words[0] ?? '');
    const viaEnv = interpreter === 'env' ? baseName(words[1] ?? '') : interpreter;
    if (SHELLS.has(viaEnv)) return { kind: 'script', source: head, path };
    return { kind: 'unsupported', message: `cannot run a ${viaEnv || 'binary'} program in the simulator (only shell scripts and the simulated commands run)` };
  }
  if (known !== undefined && head === '') return { kind: 'command', command: known, path };
  return { kind: 'script', source: head, path };
}

function safeStat(runtime: ShellRuntime, path: string): FileStat | undefined {
  try {
    return runtime.fs.stat(path);
  } catch {
    return undefined;
  }
}

/** The hint for a command the simulator does not implement (Korean: the learner reads it). */
export function unknownCommandHint(runtime: ShellRuntime, name: string): string {
  const known = runtime.registry.names().filter((n) => /^[a-z]/.test(n));
  return `layerlab: 시뮬레이터에 없는 명령입니다: ${name}. 사용할 수 있는 명령: ${known.join(' ')}`;
}

function missingBinaryHint(name: string, state: ShellState): string {
  return `layerlab: 이 이미지의 PATH(${state.get('PATH') ?? ''})에 ${name} 실행 파일이 없습니다. 베이스 이미지에 맞는 명령을 쓰세요 (예: Alpine은 apk, Debian/Ubuntu는 apt-get).`;
}
