/**
 * Option parsing as busybox's getopt32 does it (GNU getopt underneath): bundled short flags
 * (`-rf`), options with a value (`-n 5`, `-n5`), long options (`--no-cache`, `--opt=value`),
 * options mixed with operands, and `--` ending options. Errors print getopt's messages followed by
 * the applet's usage line, and the command exits 1.
 */
import type { CommandContext } from '../CommandContext';

export interface OptionSpec {
  /** Letters that are plain flags, e.g. "rfRi". */
  readonly flags?: string;
  /** Letters that take a value, e.g. "nm". */
  readonly values?: string;
  /** Long options: name → the short letter it stands for, or itself (`name=` takes a value). */
  readonly long?: Readonly<Record<string, string>>;
  /** Stop at the first operand (for commands whose operands may look like options: env, xargs, sh). */
  readonly stopAtOperand?: boolean;
  /** The usage line printed after an error, e.g. "rm [-irf] FILE...". */
  readonly usage: string;
}

export interface ParsedOptions {
  readonly flags: Set<string>;
  /** Values of value-taking options, in order (a repeated option keeps them all). */
  readonly values: Map<string, string[]>;
  readonly operands: string[];
}

export class UsageError extends Error {}

export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const addValue = (k: string, v: string): void => {
    values.set(k, [...(values.get(k) ?? []), v]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long !== undefined) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const key = Object.keys(spec.long).find((k) => k.replace(/=$/, '') === name);
      if (key === undefined) throw new UsageError(`unrecognized option '${a}'`);
      const target = spec.long[key] as string;
      if (key.endsWith('=')) {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1);
        if (v === undefined) throw new UsageError(`option '--${name}' requires an argument`);
        addValue(target, v);
      } else flags.add(target);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (spec.values?.includes(c)) {
          const rest = a.slice(j + 1);
          const v = rest !== '' ? rest : args[++i];
          if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`);
          addValue(c, v);
          break;
        }
        if (spec.flags?.includes(c)) {
          flags.add(c);
          continue;
        }
        if (a.startsWith('--')) throw new UsageError(`unrecognized option '${a}'`);
        throw new UsageError(`invalid option -- '${c}'`);
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand === true) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { flags, values, operands };
}

/** Parses, or prints the error and usage and returns undefined (the caller exits 1). */
export function options(ctx: CommandContext, spec: OptionSpec): ParsedOptions | undefined {
  try {
    return parseOptions(ctx.args, spec);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.error(e.message);
      usage(ctx, spec.usage);
      return undefined;
    }
    throw e;
  }
}

/** Busybox's usage banner (first lines only: the simulator does not repeat every help text). */
export function usage(ctx: CommandContext, line: string): void {
  ctx.stderr.write(`BusyBox v1.35.0 (layerlab simulation) multi-call binary.\n\nUsage: ${line}\n`);
}
