/**
 * The contract between the interpreter and a simulated command. A command is a function from a
 * context (arguments, filesystem, standard streams, environment) to an exit status, like a
 * busybox applet's `main`. Builtins (cd, export …) also get the shell's state to change it.
 */
import type { FileSystem } from '../unionfs/FileSystem';
import type { OutputSink, ShellInput } from './io';
import type { ShellState } from './ShellState';
import type { PackageCatalog } from './packages/PackageCatalog';

/** The model's clock, shared with the filesystem (mtimes) and the engine (`created`). */
export interface ShellClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): unknown;
}

/** What is shared by a shell and all its subshells during one run. */
export interface ShellRuntime {
  readonly fs: FileSystem;
  readonly clock: ShellClock;
  readonly registry: CommandRegistry;
  readonly hostname: string;
  readonly uid: number;
  readonly gid: number;
  readonly pid: number;
  /** When true, a utility runs only if an executable of its name is on `$PATH` in the filesystem. */
  readonly requireBinaries: boolean;
  readonly packages: PackageCatalog | undefined;
  /** Simulated seconds spent so far in this run (sleep, downloads, installs, big writes). */
  seconds: number;
  /** Also print the unknown-command hint on stderr (after busybox's `sh: x: not found`). */
  readonly hintsOnStderr: boolean;
  /** Where the simulation simplified something, in words a learner can read. */
  readonly notes: string[];
  /** Adds simulated time and moves the clock with it. */
  spend(seconds: number): void;
  note(text: string): void;
}

/** Runs other commands on behalf of a command (`sh -c`, `env cmd`, `xargs`, `nohup`). */
export interface ShellHost {
  runArgv(argv: readonly string[], io: CommandIo, env?: ReadonlyMap<string, string>): number;
  runScript(script: string, io: CommandIo, options?: { arg0?: string; args?: readonly string[]; env?: ReadonlyMap<string, string> }): number;
  /** Runs `script` in the calling shell itself (`eval`, `.`): its assignments and `cd` stay. */
  evaluate(script: string, io: CommandIo): number;
}

export interface CommandIo {
  readonly stdin: ShellInput;
  readonly stdout: OutputSink;
  readonly stderr: OutputSink;
}

export interface CommandContext extends CommandIo {
  /** argv[0] as invoked (e.g. "/bin/cat"); messages use its base name, as busybox does. */
  readonly argv: readonly string[];
  /** argv[1…] */
  readonly args: readonly string[];
  /** The base name of argv[0]: the prefix of error messages (`cat: can't open 'x': …`). */
  readonly name: string;
  readonly fs: FileSystem;
  /** The exported environment the command received. */
  readonly env: ReadonlyMap<string, string>;
  readonly cwd: string;
  /** The calling shell's state (builtins change it; utilities only read it). */
  readonly state: ShellState;
  readonly runtime: ShellRuntime;
  readonly host: ShellHost;
  /** 0-based line of the command in its script (ash prints it in builtin errors: "line 0"). */
  readonly line: number;
  /** An absolute, normalised path for an operand. */
  resolve(path: string): string;
  /** The content of a file operand: `-` is stdin; /dev/null, /dev/zero, /dev/urandom work. Throws `FsError`. */
  openInput(operand: string): ShellInput;
  /** Writes `text` to stdout. */
  print(text: string): void;
  /** Writes `<name>: <message>\n` to stderr. */
  error(message: string): void;
}

export type CommandKind =
  /** POSIX special builtins (export, set, exit …): run in the shell; prefix assignments persist. */
  | 'special'
  /** Regular builtins (cd, read, echo in ash …): run in the shell. */
  | 'builtin'
  /** Programs (busybox applets, package managers): get a copy of the environment. */
  | 'utility';

export interface ShellCommand {
  readonly name: string;
  readonly kind: CommandKind;
  /** One line saying what the simulation does (listed in the unknown-command hint). */
  readonly summary: string;
  run(ctx: CommandContext): number;
}

export interface CommandRegistry {
  get(name: string): ShellCommand | undefined;
  names(): readonly string[];
}
