/**
 * The mutable state of one shell process: variables (and which are exported), the working
 * directory, positional parameters, functions, `$?` and the `set` options. A subshell — `( … )`,
 * `$( … )`, each side of a pipe — works on a copy, so its `cd` and `export` do not leak out
 * (XCU §2.12, "Shell Execution Environment").
 */
import type { Command } from './ast';

export interface ShellVariable {
  value: string;
  exported: boolean;
  readonly: boolean;
}

/** Thrown for an assignment to a `readonly` variable (busybox: "sh: r: is read only"). */
export class ReadonlyVariableError extends Error {
  readonly variable: string;
  constructor(name: string) {
    super(`${name}: is read only`);
    this.variable = name;
  }
}

export class ShellState {
  readonly vars: Map<string, ShellVariable>;
  cwd: string;
  arg0: string;
  positional: string[];
  readonly functions: Map<string, Command>;
  lastStatus = 0;
  /** `set -e`, `set -u`, `set -x`, `set -o pipefail`. */
  readonly options: { errexit: boolean; nounset: boolean; xtrace: boolean; pipefail: boolean };
  /** Depth of function calls (for `local` and `return`). */
  functionDepth = 0;
  /** Variables saved by `local` in the current function call, restored when it returns. */
  localFrames: Map<string, ShellVariable | undefined>[] = [];

  constructor(init: { cwd: string; env: Readonly<Record<string, string>>; arg0?: string; positional?: string[] }) {
    this.vars = new Map();
    for (const [name, value] of Object.entries(init.env)) this.vars.set(name, { value, exported: true, readonly: false });
    this.cwd = init.cwd;
    this.arg0 = init.arg0 ?? 'sh';
    this.positional = init.positional ?? [];
    this.functions = new Map();
    this.options = { errexit: false, nounset: false, xtrace: false, pipefail: false };
  }

  /** A copy for a subshell. */
  clone(): ShellState {
    const copy = new ShellState({ cwd: this.cwd, env: {}, arg0: this.arg0, positional: [...this.positional] });
    for (const [name, v] of this.vars) copy.vars.set(name, { ...v });
    for (const [name, body] of this.functions) copy.functions.set(name, body);
    copy.lastStatus = this.lastStatus;
    Object.assign(copy.options, this.options);
    copy.functionDepth = this.functionDepth;
    return copy;
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ReadonlyVariableError(name);
    if (v === undefined) this.vars.set(name, { value, exported: exported ?? false, readonly: false });
    else {
      v.value = value;
      if (exported === true) v.exported = true;
    }
  }

  unset(name: string): void {
    const v = this.vars.get(name);
    if (v?.readonly) throw new ReadonlyVariableError(name);
    this.vars.delete(name);
  }

  /** The environment a program started from this shell receives, in the order variables were set. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    for (const [name, v] of this.vars) if (v.exported) env.set(name, v.value);
    return env;
  }
}
