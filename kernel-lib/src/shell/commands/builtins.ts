/**
 * The shell's own builtins (XCU §2.14 special builtins, and ash's regular ones): they run inside
 * the shell and change its state. Messages follow busybox ash 1.35: `sh: cd: line 0: can't cd to
 * x: No such file or directory` — "line N" is the 0-based line in an `sh -c` script.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { FatalShellError } from '../expand';
import { ExitSignal, LoopSignal, ReturnSignal } from '../Interpreter';
import { consumeLine } from '../io';
import { resolveCommand } from '../lookup';
import { resolvePath } from '../paths';
import { ReadonlyVariableError } from '../ShellState';
import { isFsError, strerror } from '../fsErrors';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `sh: <builtin>: line N: <message>` on stderr. */
export function builtinError(ctx: CommandContext, message: string): void {
  ctx.stderr.write(`sh: ${ctx.argv[0] ?? ''}: line ${ctx.line}: ${message}\n`);
}

/** Errors of special builtins end a non-interactive shell (XCU §2.8.1). */
function fatal(ctx: CommandContext, message: string): never {
  throw new FatalShellError(`${ctx.argv[0] ?? ''}: line ${ctx.line}: ${message}`);
}

function quoteValue(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

function setVar(ctx: CommandContext, name: string, value: string, exported?: boolean): void {
  try {
    ctx.state.set(name, value, exported);
  } catch (e) {
    if (e instanceof ReadonlyVariableError) throw new FatalShellError(e.message);
    throw e;
  }
}

const cd: ShellCommand = {
  name: 'cd',
  kind: 'builtin',
  summary: 'change the working directory (cd -, cd with no argument = $HOME)',
  run(ctx) {
    const { state } = ctx;
    let target = ctx.args.find((a) => a !== '-L' && a !== '-P' && a !== '--');
    let print = false;
    if (target === undefined) target = state.get('HOME') ?? '/';
    else if (target === '-') {
      target = state.get('OLDPWD') ?? state.cwd;
      print = true;
    }
    const path = resolvePath(state.cwd, target);
    try {
      const stat = ctx.fs.stat(path);
      if (stat.kind !== 'dir') {
        builtinError(ctx, `can't cd to ${target}: Not a directory`);
        return 2;
      }
    } catch (e) {
      builtinError(ctx, `can't cd to ${target}: ${strerror(e)}`);
      return 2;
    }
    setVar(ctx, 'OLDPWD', state.cwd);
    state.cwd = path;
    setVar(ctx, 'PWD', path);
    if (print) ctx.print(`${path}\n`);
    return 0;
  },
};

const pwd: ShellCommand = {
  name: 'pwd',
  kind: 'builtin',
  summary: 'print the working directory',
  run(ctx) {
    ctx.print(`${ctx.state.cwd}\n`);
    return 0;
  },
};

function declare(ctx: CommandContext, flag: 'export' | 'readonly'): number {
  const args = ctx.args.filter((a) => a !== '-p' && a !== '--' && a !== '-n');
  if (args.length === 0) {
    const names = [...ctx.state.vars.keys()].sort();
    for (const n of names) {
      const v = ctx.state.vars.get(n);
      if (v === undefined || !(flag === 'export' ? v.exported : v.readonly)) continue;
      ctx.print(`${flag} ${n}=${quoteValue(v.value)}\n`);
    }
    return 0;
  }
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) fatal(ctx, `${name}: bad variable name`);
    if (eq >= 0) setVar(ctx, name, arg.slice(eq + 1));
    const v = ctx.state.vars.get(name);
    if (v !== undefined) {
      if (flag === 'export') v.exported = true;
      else v.readonly = true;
    }
  }
  return 0;
}

const exportCommand: ShellCommand = {
  name: 'export',
  kind: 'special',
  summary: 'export variables to the environment of later commands (export, export NAME=value)',
  run: (ctx) => declare(ctx, 'export'),
};

const readonlyCommand: ShellCommand = {
  name: 'readonly',
  kind: 'special',
  summary: 'mark variables read-only',
  run: (ctx) => declare(ctx, 'readonly'),
};

const unset: ShellCommand = {
  name: 'unset',
  kind: 'special',
  summary: 'unset variables (-v) or functions (-f)',
  run(ctx) {
    let functions = false;
    for (const arg of ctx.args) {
      if (arg === '-f') functions = true;
      else if (arg === '-v') functions = false;
      else if (functions) ctx.state.functions.delete(arg);
      else {
        if (!NAME.test(arg)) fatal(ctx, `${arg}: bad variable name`);
        try {
          ctx.state.unset(arg);
        } catch (e) {
          if (e instanceof ReadonlyVariableError) fatal(ctx, `${arg}: is read only`);
          throw e;
        }
      }
    }
    return 0;
  },
};

const OPTION_LETTERS: Readonly<Record<string, 'errexit' | 'nounset' | 'xtrace'>> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
const OPTION_NAMES = new Set(['errexit', 'nounset', 'xtrace', 'pipefail']);

const set: ShellCommand = {
  name: 'set',
  kind: 'special',
  summary: 'set -e/-u/-x/-o pipefail, or set -- positional parameters',
  run(ctx) {
    const { state } = ctx;
    const args = [...ctx.args];
    if (args.length === 0) {
      for (const n of [...state.vars.keys()].sort()) ctx.print(`${n}=${quoteValue(state.vars.get(n)?.value ?? '')}\n`);
      return 0;
    }
    while (args.length > 0) {
      const arg = args[0] as string;
      if (arg === '--') {
        args.shift();
        state.positional = args;
        return 0;
      }
      if ((arg === '-o' || arg === '+o') && args.length >= 2) {
        const name = args[1] as string;
        if (!OPTION_NAMES.has(name)) fatal(ctx, `illegal option ${arg} ${name}`);
        state.options[name as keyof typeof state.options] = arg === '-o';
        args.splice(0, 2);
        continue;
      }
      if (arg === '-o' || arg === '+o') {
        for (const name of ['errexit', 'nounset', 'xtrace', 'pipefail'] as const) {
          ctx.print(`${name.padEnd(16)}${state.options[name] ? 'on' : 'off'}\n`);
        }
        return 0;
      }
      if (/^[-+][a-zA-Z]+$/.test(arg)) {
        for (const letter of arg.slice(1)) {
          const option = OPTION_LETTERS[letter];
          if (option === undefined) {
            if (letter === 'f' || letter === 'v' || letter === 'h' || letter === 'm' || letter === 'C') continue;
            fatal(ctx, `illegal option ${arg[0] ?? '-'}${letter}`);
          }
          state.options[option] = arg.startsWith('-');
        }
        args.shift();
        continue;
      }
      state.positional = args;
      return 0;
    }
    return 0;
  },
};

const shift: ShellCommand = {
  name: 'shift',
  kind: 'special',
  summary: 'shift the positional parameters',
  run(ctx) {
    const n = ctx.args[0] === undefined ? 1 : Number(ctx.args[0]);
    if (!Number.isInteger(n) || n < 0) fatal(ctx, `Illegal number: ${ctx.args[0] ?? ''}`);
    if (n > ctx.state.positional.length) return 1;
    ctx.state.positional = ctx.state.positional.slice(n);
    return 0;
  },
};

function statusArg(ctx: CommandContext): number {
  const arg = ctx.args[0];
  if (arg === undefined) return ctx.state.lastStatus;
  if (!/^[0-9]+$/.test(arg)) fatal(ctx, `Illegal number: ${arg}`);
  return Number(arg) & 0xff;
}

const exit: ShellCommand = {
  name: 'exit',
  kind: 'special',
  summary: 'exit the shell with a status',
  run(ctx) {
    throw new ExitSignal(statusArg(ctx));
  },
};

const returnCommand: ShellCommand = {
  name: 'return',
  kind: 'special',
  summary: 'return from a function',
  run(ctx) {
    const status = statusArg(ctx);
    if (ctx.state.functionDepth === 0) throw new ExitSignal(status); // ash: return at top level ends the script
    throw new ReturnSignal(status);
  },
};

function loopControl(kind: 'break' | 'continue'): ShellCommand {
  return {
    name: kind,
    kind: 'special',
    summary: `${kind} a loop`,
    run(ctx) {
      const n = ctx.args[0] === undefined ? 1 : Number(ctx.args[0]);
      if (!Number.isInteger(n) || n < 1) fatal(ctx, `Illegal number: ${ctx.args[0] ?? ''}`);
      throw new LoopSignal(kind, n);
    },
  };
}

const colon: ShellCommand = { name: ':', kind: 'special', summary: 'do nothing, successfully', run: () => 0 };
const trueCommand: ShellCommand = { name: 'true', kind: 'builtin', summary: 'exit 0', run: () => 0 };
const falseCommand: ShellCommand = { name: 'false', kind: 'builtin', summary: 'exit 1', run: () => 1 };

const evalCommand: ShellCommand = {
  name: 'eval',
  kind: 'special',
  summary: 'run the arguments as a command line in this shell',
  run(ctx) {
    return ctx.host.evaluate(ctx.args.join(' '), ctx);
  },
};

function sourceCommand(name: '.' | 'source'): ShellCommand {
  return {
    name,
    kind: 'special',
    summary: 'run a file of commands in this shell',
    run(ctx) {
      const file = ctx.args[0];
      if (file === undefined) return 0;
      const path = resolvePath(ctx.cwd, file);
      let text: string;
      try {
        text = ctx.fs.readFile(path).text();
      } catch (e) {
        if (!isFsError(e)) throw e;
        fatal(ctx, `can't open '${file}': ${strerror(e)}`);
      }
      return ctx.host.evaluate(text, ctx);
    },
  };
}

const read: ShellCommand = {
  name: 'read',
  kind: 'builtin',
  summary: 'read a line of standard input into variables (-r, -p prompt)',
  run(ctx) {
    let raw = false;
    const names: string[] = [];
    const args = [...ctx.args];
    while (args.length > 0) {
      const a = args.shift() as string;
      if (a === '-r') raw = true;
      else if (a === '-p') args.shift();
      else if (a === '-s') continue;
      else names.push(a);
    }
    if (names.length === 0) names.push('REPLY');
    let got = consumeLine(ctx.stdin);
    if (got === undefined) {
      for (const n of names) setVar(ctx, n, '');
      return 1;
    }
    let line = got.line;
    // Without -r, a backslash escapes the next character and a trailing one joins the next line.
    if (!raw) {
      while (line.endsWith('\\') && got !== undefined && got.terminated) {
        got = consumeLine(ctx.stdin);
        line = line.slice(0, -1) + (got?.line ?? '');
      }
      line = line.replace(/\\(.)/g, '$1');
    }
    const ifs = ctx.state.get('IFS') ?? ' \t\n';
    const ws = [...ifs].filter((c) => /[ \t\n]/.test(c)).join('');
    const trimmed = ws === '' ? line : line.replace(new RegExp(`^[${ws}]+|[${ws}]+$`, 'g'), '');
    let rest = trimmed;
    names.forEach((name, i) => {
      if (i === names.length - 1) {
        setVar(ctx, name, rest);
        return;
      }
      const m = new RegExp(`^([^${escapeClass(ifs)}]*)[${escapeClass(ifs)}]+`).exec(rest);
      if (m === null) {
        setVar(ctx, name, rest);
        rest = '';
      } else {
        setVar(ctx, name, m[1] as string);
        rest = rest.slice(m[0].length);
      }
    });
    return got?.terminated === false ? 1 : 0;
  },
};

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

const local: ShellCommand = {
  name: 'local',
  kind: 'builtin',
  summary: 'function-local variables',
  run(ctx) {
    const frame = ctx.state.localFrames[ctx.state.localFrames.length - 1];
    if (ctx.state.functionDepth === 0 || frame === undefined) fatal(ctx, 'not in a function');
    for (const arg of ctx.args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) fatal(ctx, `${name}: bad variable name`);
      if (!frame.has(name)) {
        const v = ctx.state.vars.get(name);
        frame.set(name, v === undefined ? undefined : { ...v });
      }
      if (eq >= 0) setVar(ctx, name, arg.slice(eq + 1));
    }
    return 0;
  },
};

const command: ShellCommand = {
  name: 'command',
  kind: 'builtin',
  summary: 'command -v NAME (how a name resolves), or run a command bypassing functions',
  run(ctx) {
    const args = [...ctx.args];
    if (args[0] === '-v' || args[0] === '-V') {
      const name = args[1];
      if (name === undefined) return 0;
      const d = describeCommand(ctx, name);
      if (d === undefined) return 127;
      ctx.print(`${args[0] === '-v' ? d.short : d.long}\n`);
      return 0;
    }
    if (args[0] === '-p') args.shift();
    if (args.length === 0) return 0;
    return ctx.host.runArgv(args, ctx);
  },
};

const type: ShellCommand = {
  name: 'type',
  kind: 'builtin',
  summary: 'say how each name resolves',
  run(ctx) {
    let status = 0;
    for (const name of ctx.args) {
      const d = describeCommand(ctx, name);
      if (d === undefined) {
        ctx.print(`${name}: not found\n`);
        status = 127;
      } else ctx.print(`${d.long}\n`);
    }
    return status;
  },
};

/** What `command -v` / `type` say about a name. */
function describeCommand(ctx: CommandContext, name: string): { short: string; long: string } | undefined {
  if (ctx.state.functions.has(name)) return { short: name, long: `${name} is a function` };
  const resolved = resolveCommand(ctx.runtime, ctx.state, name);
  if (resolved.kind === 'command') {
    if (resolved.command.kind === 'special') return { short: name, long: `${name} is a special shell builtin` };
    if (resolved.command.kind === 'builtin') return { short: name, long: `${name} is a shell builtin` };
    // busybox standalone shell: an applet runs as itself, whatever PATH holds
    const path = resolved.path ?? name;
    return { short: path, long: `${name} is ${path}` };
  }
  if (resolved.kind === 'script') return { short: resolved.path, long: `${name} is ${resolved.path}` };
  return undefined;
}

const umask: ShellCommand = {
  name: 'umask',
  kind: 'builtin',
  summary: 'show or set the file creation mask (the simulator shows it; files get the usual 0644/0755)',
  run(ctx) {
    const current = ctx.state.get('__UMASK') ?? '0022';
    const arg = ctx.args[0];
    if (arg === undefined) {
      ctx.print(`${current}\n`);
      return 0;
    }
    if (!/^[0-7]{1,4}$/.test(arg)) {
      builtinError(ctx, `Illegal number: ${arg}`);
      return 1;
    }
    ctx.state.vars.set('__UMASK', { value: arg.padStart(4, '0'), exported: false, readonly: false });
    ctx.runtime.note('umask is remembered but not applied to new files in the simulator');
    return 0;
  },
};

const wait: ShellCommand = { name: 'wait', kind: 'builtin', summary: 'wait for background jobs (none: they ran in the foreground)', run: () => 0 };

const trap: ShellCommand = {
  name: 'trap',
  kind: 'special',
  summary: 'trap handlers (accepted; EXIT traps are not run by the simulator)',
  run(ctx) {
    if (ctx.args.length > 0) ctx.runtime.note('trap: handlers are accepted but never run in the simulator (no signals)');
    return 0;
  },
};

export const BUILTIN_COMMANDS: readonly ShellCommand[] = [
  cd, pwd, exportCommand, readonlyCommand, unset, set, shift, exit, returnCommand, loopControl('break'),
  loopControl('continue'), colon, trueCommand, falseCommand, evalCommand, sourceCommand('.'), sourceCommand('source'),
  read, local, command, type, umask, wait, trap,
];
