/**
 * The public face of the simulated shell. A `ShellSession` is one interactive shell in one
 * container: `export` and `cd` persist from one `run` to the next (as when a learner types lines
 * into `docker run -it … sh`). `runShell` is one `/bin/sh -c "…"` — what a Dockerfile RUN step or
 * `docker exec` does: a fresh shell each time, whose variables die with it.
 *
 * @example
 *   const shell = new ShellSession(fs, { env: { PATH: '/usr/bin:/bin', HOME: '/root' } });
 *   shell.run('cd /tmp && export GREETING=hi');
 *   shell.run('echo "$GREETING from $(pwd)"').stdout; // "hi from /tmp\n"
 */
import type { Content } from '../content/Content';
import { toContent } from '../content';
import type { FileSystem } from '../unionfs/FileSystem';
import type { ShellClock, ShellCommand, ShellRuntime } from './CommandContext';
import { BufferSink, contentInput, contentText } from './io';
import { Interpreter } from './Interpreter';
import type { PackageCatalog } from './packages/PackageCatalog';
import { normalizePath } from './paths';
import { createCommandRegistry, DEFAULT_COMMANDS } from './registry';
import { ShellState } from './ShellState';

/** 2025-06-02T09:00:00Z: the instant the engine's model clock starts at (engine/ModelClock.ts). */
const DEFAULT_START_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

/** Output larger than this is cut in `ShellResult.stdout` (the content itself is kept whole). */
const OUTPUT_TEXT_LIMIT = 1 << 20;

export interface ShellOptions {
  /** The initial exported environment (an image's `Env`). */
  readonly env?: Readonly<Record<string, string>>;
  /** The working directory (an image's `WorkingDir`); default "/". */
  readonly cwd?: string;
  /** Shared with the filesystem and the engine so `sleep` moves mtimes and `date`; default: a fixed clock. */
  readonly clock?: ShellClock;
  /** For `hostname` and `$HOSTNAME`-less prompts; default: /etc/hostname's first line, else "localhost". */
  readonly hostname?: string;
  /** The user the shell runs as; default root (0:0). */
  readonly uid?: number;
  readonly gid?: number;
  /** `$$`; default 1 (a container's first process). */
  readonly pid?: number;
  /** Package sizes for apt-get, apk, npm, pip, go; without it those commands fail and say so. */
  readonly packages?: PackageCatalog;
  /** Run a utility only when `$PATH` in the filesystem has an executable of its name (see lookup.ts). */
  readonly requireBinaries?: boolean;
  /** Also print the unknown-command hint on stderr; default true. */
  readonly hintsOnStderr?: boolean;
  /** Extra commands (a lesson's own), added to or replacing the built-in ones. */
  readonly commands?: readonly ShellCommand[];
}

export interface ShellRunOptions {
  /** Standard input of the command line. */
  readonly stdin?: string | Uint8Array | Content;
  /** `$0` and the positional parameters (`sh -c 'script' arg0 arg1 …`). */
  readonly arg0?: string;
  readonly args?: readonly string[];
}

export interface ShellResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The whole standard output as content (exact bytes, lazy when large). */
  readonly stdoutContent: Content;
  /** Simulated seconds the command line took (sleep, downloads, installs, large writes). */
  readonly seconds: number;
  /** Where the simulation simplified something (unknown commands, background jobs, cut output …). */
  readonly notes: readonly string[];
  /** The exported environment after the run. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
}

export class ShellSession {
  readonly fs: FileSystem;
  readonly #state: ShellState;
  readonly #options: ShellOptions;
  readonly #clock: ShellClock;

  constructor(fs: FileSystem, options: ShellOptions = {}) {
    this.fs = fs;
    this.#options = options;
    this.#clock = options.clock ?? simpleClock(DEFAULT_START_MS);
    this.#state = new ShellState({ cwd: normalizePath(options.cwd ?? '/'), env: options.env ?? {} });
  }

  get cwd(): string {
    return this.#state.cwd;
  }

  /** The exported environment. */
  get env(): Readonly<Record<string, string>> {
    return Object.freeze(Object.fromEntries(this.#state.environment()));
  }

  /** Runs a command line (or a whole script) in this shell. */
  run(script: string, options: ShellRunOptions = {}): ShellResult {
    const runtime = this.#runtime();
    const stdout = new BufferSink();
    const stderr = new BufferSink();
    const stdin = toContent(options.stdin ?? '');
    const state = this.#state;
    if (options.arg0 !== undefined) state.arg0 = options.arg0;
    if (options.args !== undefined) state.positional = [...options.args];
    const interpreter = new Interpreter(runtime);
    const fds = new Map([
      [0, { input: contentInput(stdin) }],
      [1, { sink: stdout }],
      [2, { sink: stderr }],
    ]);
    const exitCode = interpreter.runSource(script, state, fds);
    state.lastStatus = exitCode;
    const out = stdout.content();
    let stdoutText: string;
    if (out.size > OUTPUT_TEXT_LIMIT) {
      stdoutText = contentText(toContent(out.slice(0, OUTPUT_TEXT_LIMIT)));
      runtime.note(`stdout was ${out.size} bytes; ShellResult.stdout shows the first ${OUTPUT_TEXT_LIMIT} (stdoutContent has all of it)`);
    } else stdoutText = contentText(out);
    return Object.freeze({
      exitCode,
      stdout: stdoutText,
      stderr: contentText(stderr.content()),
      stdoutContent: out,
      seconds: roundSeconds(runtime.seconds),
      notes: Object.freeze([...runtime.notes]),
      env: this.env,
      cwd: state.cwd,
    });
  }

  #runtime(): ShellRuntime {
    const o = this.#options;
    const clock = this.#clock;
    const notes: string[] = [];
    const runtime: ShellRuntime = {
      fs: this.fs,
      clock,
      registry: createCommandRegistry([...DEFAULT_COMMANDS, ...(o.commands ?? [])]),
      hostname: o.hostname ?? readHostname(this.fs),
      uid: o.uid ?? 0,
      gid: o.gid ?? 0,
      pid: o.pid ?? 1,
      requireBinaries: o.requireBinaries ?? false,
      hintsOnStderr: o.hintsOnStderr ?? true,
      packages: o.packages,
      seconds: 0,
      notes,
      spend(seconds: number) {
        if (!(seconds > 0)) return;
        runtime.seconds += seconds;
        clock.advance(Math.round(seconds * 1000));
      },
      note(text: string) {
        if (!notes.includes(text)) notes.push(text);
      },
    };
    return runtime;
  }
}

/** One `/bin/sh -c "<script>"`: a fresh shell over `fs` (what RUN and `docker exec` do). */
export function runShell(fs: FileSystem, script: string, options: ShellOptions & ShellRunOptions = {}): ShellResult {
  return new ShellSession(fs, options).run(script, options);
}

function simpleClock(start: number): ShellClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => (now += ms),
  };
}

function readHostname(fs: FileSystem): string {
  try {
    const name = fs.readFile('/etc/hostname').text(4096).split('\n')[0]?.trim();
    return name !== undefined && name !== '' ? name : 'localhost';
  } catch {
    return 'localhost';
  }
}

/** Seconds to the millisecond, so sums print cleanly (2 + 2 + 2 + 2 = 8, not 7.999…). */
function roundSeconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
