/**
 * Walks the syntax tree (XCU §2.9 "Shell Commands"): lists, and-or lists, pipelines, compound
 * commands, functions and simple commands with their redirections. Pipelines run their commands
 * one after the other, each in a subshell, the output of one buffered as the input of the next —
 * the same bytes and exit status as concurrent processes for the finite inputs a lesson uses.
 */
import type { AndOr, Command, Pipeline, Redirect, Script, SimpleCommand } from './ast';
import type { CommandContext, CommandIo, ShellCommand, ShellHost, ShellRuntime } from './CommandContext';
import { expandFields, expandPattern, expandString, FatalShellError, type ExpansionHost } from './expand';
import { matchPattern } from './glob';
import { BufferSink, contentInput, contentText, EMPTY_INPUT, NullSink, type OutputSink, type ShellInput } from './io';
import { baseName, resolvePath } from './paths';
import { openForRead, openForWrite, RedirectError, type FdTable } from './redirect';
import { ReadonlyVariableError, ShellState } from './ShellState';
import { ShellSyntaxError } from './ShellSyntaxError';
import { parseShell } from './parse/parseShell';
import { FsError } from '../unionfs/FileSystem';
import { strerror } from './fsErrors';
import { resolveCommand, type Resolved } from './lookup';
import { shellQuote } from './quote';
import { SimulatorLimitError } from './SimulatorLimitError';

/** `exit N` (and the end of `exec cmd`): unwinds to the shell that is exiting. */
export class ExitSignal {
  constructor(readonly status: number) {}
}
/** `return N` from a function. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** `break N` / `continue N`. */
export class LoopSignal {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}

const NULL_SINK = new NullSink();

/** A loop that runs this often is taken to be endless: the simulator stops it (and says so). */
export const LOOP_LIMIT = 100_000;

export class Interpreter {
  readonly runtime: ShellRuntime;
  /** > 0 while evaluating a condition (`if`, `while`, left of `&&`/`||`, after `!`): `set -e` is off. */
  #conditionDepth = 0;
  /** Status of the last command substitution of the current simple command. */
  #substStatus: number | undefined;
  /** Depth of loops (for `break`). */
  loopDepth = 0;

  constructor(runtime: ShellRuntime) {
    this.runtime = runtime;
  }

  /** Runs a script as a whole shell: `exit` and fatal errors end it here. */
  runShell(script: Script, state: ShellState, fds: FdTable): number {
    try {
      return this.list(script, state, fds);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (e instanceof FatalShellError) {
        if (!e.reported) write(fds, 2, `sh: ${e.message}\n`);
        state.lastStatus = e.status;
        return e.status;
      }
      if (e instanceof LoopSignal || e instanceof ReturnSignal) return e instanceof ReturnSignal ? e.status : 0;
      throw e;
    }
  }

  /** Parses and runs `source` as a whole shell; a syntax error prints busybox's message and gives 2. */
  runSource(source: string, state: ShellState, fds: FdTable): number {
    let script: Script;
    try {
      script = parseShell(source);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        write(fds, 2, `sh: ${e.busyboxMessage}\n`);
        return 2;
      }
      throw e;
    }
    return this.runShell(script, state, fds);
  }

  list(script: Script, state: ShellState, fds: FdTable): number {
    let status = state.lastStatus;
    for (const item of script.items) {
      if (item.background) this.runtime.note('a background job (&) ran in the foreground: the simulator has no job control');
      status = this.andOr(item, state, fds);
      state.lastStatus = status;
    }
    return status;
  }

  andOr(item: AndOr, state: ShellState, fds: FdTable): number {
    const runs = [item.first, ...item.rest.map((r) => r.pipeline)];
    let status = 0;
    let lastRan = -1;
    for (let i = 0; i < runs.length; i++) {
      if (i > 0) {
        const op = item.rest[i - 1]?.op;
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      }
      const isLast = i === runs.length - 1;
      if (!isLast) this.#conditionDepth += 1;
      try {
        status = this.pipeline(runs[i] as Pipeline, state, fds);
      } finally {
        if (!isLast) this.#conditionDepth -= 1;
      }
      state.lastStatus = status;
      lastRan = i;
    }
    const last = runs[lastRan];
    if (status !== 0 && state.options.errexit && this.#conditionDepth === 0 && lastRan === runs.length - 1 && last !== undefined && !last.negated) {
      throw new ExitSignal(status);
    }
    return status;
  }

  pipeline(p: Pipeline, state: ShellState, fds: FdTable): number {
    if (p.negated) this.#conditionDepth += 1;
    let status: number;
    try {
      status = p.commands.length === 1 ? this.command(p.commands[0] as Command, state, fds) : this.#pipe(p, state, fds);
    } finally {
      if (p.negated) this.#conditionDepth -= 1;
    }
    return p.negated ? Number(status === 0) : status;
  }

  #pipe(p: Pipeline, state: ShellState, fds: FdTable): number {
    let input: ShellInput = fds.get(0)?.input ?? EMPTY_INPUT;
    const statuses: number[] = [];
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      const buffer = last ? undefined : new BufferSink();
      const table: FdTable = new Map(fds);
      table.set(0, { input });
      if (buffer !== undefined) table.set(1, { sink: buffer });
      const sub = state.clone();
      statuses.push(this.runShell({ items: [{ first: { negated: false, commands: [cmd] }, rest: [], background: false }] }, sub, table));
      if (buffer !== undefined) input = contentInput(buffer.content());
    });
    if (state.options.pipefail) return [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return statuses[statuses.length - 1] ?? 0;
  }

  command(cmd: Command, state: ShellState, fds: FdTable): number {
    switch (cmd.type) {
      case 'simple':
        return this.simple(cmd, state, fds);
      case 'subshell':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => this.runShell(cmd.body, state.clone(), table));
      case 'group':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => this.list(cmd.body, state, table));
      case 'if':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => {
          for (const branch of cmd.branches) {
            if (this.#condition(branch.condition, state, table) === 0) return this.list(branch.body, state, table);
          }
          return cmd.otherwise === undefined ? 0 : this.list(cmd.otherwise, state, table);
        });
      case 'for':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => {
          const host = this.#expansionHost(state, table);
          const items = cmd.items === undefined ? [...state.positional] : cmd.items.flatMap((w) => expandFields(host, w));
          let status = 0;
          for (const item of items) {
            try {
              state.set(cmd.name, item);
            } catch (e) {
              if (e instanceof ReadonlyVariableError) throw new FatalShellError(e.message);
              throw e;
            }
            const control = this.#loopBody(() => (status = this.list(cmd.body, state, table)));
            if (control === 'break') break;
          }
          return status;
        });
      case 'while':
      case 'until':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => {
          let status = 0;
          let iterations = 0;
          for (;;) {
            if (++iterations > LOOP_LIMIT) {
              this.runtime.note(`a ${cmd.type} loop was stopped after ${LOOP_LIMIT} iterations (a real shell would go on)`);
              throw new FatalShellError(`simulator: ${cmd.type} loop stopped after ${LOOP_LIMIT} iterations`, 1);
            }
            const c = this.#condition(cmd.condition, state, table);
            if ((cmd.type === 'while') !== (c === 0)) break;
            const control = this.#loopBody(() => (status = this.list(cmd.body, state, table)));
            if (control === 'break') break;
          }
          return status;
        });
      case 'case':
        return this.#withRedirects(cmd.redirects, state, fds, (table) => {
          const host = this.#expansionHost(state, table);
          const subject = expandString(host, cmd.subject);
          for (const clause of cmd.clauses) {
            if (clause.patterns.some((p) => matchPattern(expandPattern(host, p), subject))) return this.list(clause.body, state, table);
          }
          return 0;
        });
      case 'function':
        state.functions.set(cmd.name, cmd.body);
        return 0;
    }
  }

  #condition(script: Script, state: ShellState, fds: FdTable): number {
    this.#conditionDepth += 1;
    try {
      return this.list(script, state, fds);
    } finally {
      this.#conditionDepth -= 1;
    }
  }

  /** Runs one loop iteration; returns 'break' when the loop must stop. */
  #loopBody(run: () => void): 'break' | 'next' {
    this.loopDepth += 1;
    try {
      run();
      return 'next';
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels -= 1;
        throw e;
      }
      return e.kind === 'break' ? 'break' : 'next';
    } finally {
      this.loopDepth -= 1;
    }
  }

  // ── simple commands ─────────────────────────────────────────────────────────────────────────

  simple(cmd: SimpleCommand, state: ShellState, fds: FdTable): number {
    this.#substStatus = undefined;
    const host = this.#expansionHost(state, fds);
    const argv = cmd.words.flatMap((w) => expandFields(host, w));
    const assignments = cmd.assignments.map((a) => [a.name, expandString(host, a.value, true)] as const);
    if (state.options.xtrace) {
      const shown = [...assignments.map(([n, v]) => `${n}=${shellQuote(v)}`), ...argv.map(shellQuote)].join(' ');
      write(fds, 2, `+ ${shown}\n`);
    }
    if (argv.length === 0) {
      for (const [name, value] of assignments) assign(state, name, value);
      const status = this.#substStatus ?? 0;
      return this.#withRedirects(cmd.redirects, state, fds, () => status);
    }
    return this.#withRedirects(cmd.redirects, state, fds, (table) => this.execute(argv, assignments, state, table, cmd.line));
  }

  /** Runs a command by its argv (after expansion and redirection). */
  execute(argv: readonly string[], assignments: ReadonlyArray<readonly [string, string]>, state: ShellState, fds: FdTable, line: number): number {
    const name = argv[0] as string;
    if (name === 'exec') {
      if (argv.length === 1) {
        this.runtime.note('`exec` without a command: its redirections apply to that line only in the simulator');
        return 0;
      }
      throw new ExitSignal(this.execute(argv.slice(1), assignments, state, fds, line));
    }
    const fn = name.includes('/') ? undefined : state.functions.get(name);
    if (fn !== undefined) return this.#callFunction(fn, argv, assignments, state, fds);
    const resolved = resolveCommand(this.runtime, state, name);
    return this.#run(resolved, argv, assignments, state, fds, line);
  }

  #run(resolved: Resolved, argv: readonly string[], assignments: ReadonlyArray<readonly [string, string]>, state: ShellState, fds: FdTable, line: number): number {
    const name = argv[0] as string;
    switch (resolved.kind) {
      case 'not-found': {
        write(fds, 2, `sh: ${name}: not found\n`);
        if (resolved.hint !== undefined) {
          this.runtime.note(resolved.hint);
          if (this.runtime.hintsOnStderr) write(fds, 2, `${resolved.hint}\n`);
        }
        return 127;
      }
      case 'denied':
        write(fds, 2, `sh: ${name}: Permission denied\n`);
        return 126;
      case 'unsupported':
        write(fds, 2, `sh: ${name}: ${resolved.message}\n`);
        this.runtime.note(resolved.message);
        return 126;
      case 'script': {
        const env = withAssignments(state.environment(), assignments);
        const io = ioOf(fds);
        return this.host(state, line).runScript(resolved.source, io, { arg0: name, args: argv.slice(1), env });
      }
      case 'command':
        return this.#runCommand(resolved.command, argv, assignments, state, fds, line);
    }
  }

  #runCommand(command: ShellCommand, argv: readonly string[], assignments: ReadonlyArray<readonly [string, string]>, state: ShellState, fds: FdTable, line: number): number {
    // Prefix assignments persist for special builtins (§2.14), are temporary otherwise.
    let saved: [string, ReturnType<ShellState['vars']['get']>][] = [];
    if (command.kind === 'special') for (const [n, v] of assignments) assign(state, n, v);
    else if (command.kind === 'builtin') {
      saved = assignments.map(([n]) => [n, state.vars.get(n) === undefined ? undefined : { ...(state.vars.get(n) as NonNullable<ReturnType<ShellState['vars']['get']>>) }]);
      for (const [n, v] of assignments) assign(state, n, v, true);
    }
    const env = command.kind === 'utility' ? withAssignments(state.environment(), assignments) : state.environment();
    const ctx = this.#context(command, argv, env, state, fds, line);
    try {
      return command.run(ctx);
    } catch (e) {
      if (e instanceof FsError) {
        ctx.error(strerror(e));
        return 1;
      }
      if (e instanceof SimulatorLimitError) {
        ctx.stderr.write(`${e.message.startsWith(`${ctx.name}:`) ? e.message : `${ctx.name}: ${e.message}`}\n`);
        this.runtime.note(e.message);
        return 1;
      }
      throw e;
    } finally {
      for (const [n, v] of saved) {
        if (v === undefined) state.vars.delete(n);
        else state.vars.set(n, v);
      }
    }
  }

  #context(command: ShellCommand, argv: readonly string[], env: ReadonlyMap<string, string>, state: ShellState, fds: FdTable, line: number): CommandContext {
    const stdout = fds.get(1)?.sink ?? NULL_SINK;
    const stderr = fds.get(2)?.sink ?? NULL_SINK;
    const stdin = fds.get(0)?.input ?? EMPTY_INPUT;
    const fs = this.runtime.fs;
    const name = baseName(argv[0] as string);
    return {
      argv,
      args: argv.slice(1),
      name: command.kind === 'utility' ? name : command.name,
      fs,
      env,
      cwd: state.cwd,
      state,
      runtime: this.runtime,
      host: this.host(state, line),
      line,
      stdin,
      stdout,
      stderr,
      resolve: (path) => resolvePath(state.cwd, path),
      openInput: (operand) => {
        if (operand === '-') return stdin;
        const path = resolvePath(state.cwd, operand);
        try {
          return openForRead(fs, fds, operand, path);
        } catch (e) {
          if (e instanceof RedirectError) {
            // Surface the filesystem's own error to the command (it prints its own message).
            fs.readFile(path);
          }
          throw e;
        }
      },
      print: (text) => stdout.write(text),
      error: (message) => stderr.write(`${name}: ${message}\n`),
    };
  }

  #callFunction(body: Command, argv: readonly string[], assignments: ReadonlyArray<readonly [string, string]>, state: ShellState, fds: FdTable): number {
    for (const [n, v] of assignments) assign(state, n, v);
    const savedPositional = state.positional;
    state.positional = argv.slice(1);
    state.functionDepth += 1;
    const frame = new Map<string, ReturnType<ShellState['vars']['get']>>();
    state.localFrames.push(frame);
    try {
      return this.command(body, state, fds);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      state.localFrames.pop();
      for (const [n, v] of frame) {
        if (v === undefined) state.vars.delete(n);
        else state.vars.set(n, v);
      }
      state.functionDepth -= 1;
      state.positional = savedPositional;
    }
  }

  // ── redirections ────────────────────────────────────────────────────────────────────────────

  #withRedirects(redirects: readonly Redirect[], state: ShellState, fds: FdTable, run: (fds: FdTable) => number): number {
    if (redirects.length === 0) return run(fds);
    const table: FdTable = new Map(fds);
    const opened: OutputSink[] = [];
    try {
      const host = this.#expansionHost(state, fds);
      for (const r of redirects) this.#open(r, host, state, table, opened);
    } catch (e) {
      for (const sink of opened) sink.close();
      if (e instanceof RedirectError) {
        write(fds, 2, `sh: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    try {
      return run(table);
    } catch (e) {
      // A fatal error is printed on the stderr in effect where it happened (`{ …; } 2>&1 | …`).
      if (e instanceof FatalShellError && !e.reported) {
        write(table, 2, `sh: ${e.message}\n`);
        e.reported = true;
      }
      throw e;
    } finally {
      for (const sink of opened) sink.close();
    }
  }

  #open(r: Redirect, host: ExpansionHost, state: ShellState, table: FdTable, opened: OutputSink[]): void {
    const fs = this.runtime.fs;
    if (r.op === '<<' || r.op === '<<-') {
      const body = r.expandBody === true ? expandString(host, r.target) : r.target.parts.map((p) => (p.type === 'quoted' ? p.text : '')).join('');
      table.set(r.fd ?? 0, { input: contentInput(body) });
      return;
    }
    const target = expandString(host, r.target);
    if (r.op === '>&' || r.op === '<&') {
      const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
      if (target === '-') {
        table.delete(fd);
        return;
      }
      if (/^[0-9]+$/.test(target)) {
        const source = table.get(Number(target));
        if (source === undefined) throw new RedirectError(`${target}: Bad file descriptor`);
        table.set(fd, source);
        return;
      }
      if (r.op === '<&') throw new RedirectError(`${target}: Bad file descriptor`);
      // `>&file` is bash's `&>file`
      const sink = openForWrite(fs, table, target, resolvePath(state.cwd, target), false);
      opened.push(sink);
      table.set(1, { sink });
      table.set(2, { sink });
      return;
    }
    const path = resolvePath(state.cwd, target);
    switch (r.op) {
      case '<':
        table.set(r.fd ?? 0, { input: openForRead(fs, table, target, path) });
        return;
      case '<>':
        table.set(r.fd ?? 0, { input: openForRead(fs, table, target, path) });
        return;
      case '&>': {
        const sink = openForWrite(fs, table, target, path, false);
        opened.push(sink);
        table.set(1, { sink });
        table.set(2, { sink });
        return;
      }
      default: {
        const sink = openForWrite(fs, table, target, path, r.op === '>>');
        opened.push(sink);
        table.set(r.fd ?? 1, { sink });
      }
    }
  }

  // ── hosts ───────────────────────────────────────────────────────────────────────────────────

  #expansionHost(state: ShellState, fds: FdTable): ExpansionHost {
    return {
      state,
      fs: this.runtime.fs,
      pid: this.runtime.pid,
      commandSubstitution: (script) => {
        const out = new BufferSink();
        const table: FdTable = new Map(fds);
        table.set(1, { sink: out });
        const status = this.runShell(script, state.clone(), table);
        this.#substStatus = status;
        state.lastStatus = status;
        return contentText(out.content());
      },
    };
  }

  /** What a command may use to run other commands, bound to the calling shell's state. */
  host(state: ShellState, line: number): ShellHost {
    return {
      runArgv: (argv, io, env) => {
        const sub = state.clone();
        if (env !== undefined) {
          for (const [n, v] of sub.vars) if (v.exported && !env.has(n)) sub.vars.delete(n);
          for (const [n, v] of env) sub.set(n, v, true);
        }
        try {
          return this.execute(argv, [], sub, tableOf(io), line);
        } catch (e) {
          if (e instanceof ExitSignal) return e.status;
          throw e;
        }
      },
      runScript: (source, io, options = {}) => {
        const env = options.env ?? state.environment();
        const sub = new ShellState({ cwd: state.cwd, env: Object.fromEntries(env), arg0: options.arg0 ?? 'sh', positional: [...(options.args ?? [])] });
        return this.runSource(source, sub, tableOf(io));
      },
      evaluate: (source, io) => {
        let script: Script;
        try {
          script = parseShell(source);
        } catch (e) {
          if (e instanceof ShellSyntaxError) throw new FatalShellError(e.busyboxMessage);
          throw e;
        }
        return this.list(script, state, tableOf(io));
      },
    };
  }
}

function assign(state: ShellState, name: string, value: string, exported?: boolean): void {
  try {
    state.set(name, value, exported);
  } catch (e) {
    if (e instanceof ReadonlyVariableError) throw new FatalShellError(e.message);
    throw e;
  }
}

function withAssignments(env: Map<string, string>, assignments: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  for (const [n, v] of assignments) env.set(n, v);
  return env;
}

function write(fds: FdTable, fd: number, text: string): void {
  fds.get(fd)?.sink?.write(text);
}

export function ioOf(fds: FdTable): CommandIo {
  return { stdin: fds.get(0)?.input ?? EMPTY_INPUT, stdout: fds.get(1)?.sink ?? NULL_SINK, stderr: fds.get(2)?.sink ?? NULL_SINK };
}

export function tableOf(io: CommandIo): FdTable {
  return new Map([
    [0, { input: io.stdin }],
    [1, { sink: io.stdout }],
    [2, { sink: io.stderr }],
  ]);
}
