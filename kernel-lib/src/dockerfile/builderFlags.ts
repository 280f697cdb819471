/**
 * Builder flags (`COPY --from=…`, `RUN --mount=…`) checked the way BuildKit's BFlags does
 * (frontend/dockerfile/instructions/bflag.go): each instruction declares what it accepts; a flag
 * it does not know, a repeated single-value flag, or a value-less string flag is an error.
 */
import { DockerfileSyntaxError, UnknownFlagError } from './DockerfileError';
import { suggestNearest } from './suggest';

export type FlagType = 'bool' | 'string' | 'strings';

export interface FlagContext {
  readonly instruction: string;
  readonly line: number;
  readonly endLine: number;
}

export interface ParsedFlags {
  /** Value of a string flag, `'true'`/`'false'` for a bool flag; absent when not given. */
  readonly values: ReadonlyMap<string, string>;
  /** All values of a repeatable flag (`--mount`, `--exclude`). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

function syntaxError(context: FlagContext, problem: string, fix: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError({
    line: context.line,
    endLine: context.endLine,
    problem,
    fix,
    hint: `${context.line}번째 줄 ${context.instruction}의 옵션 형식이 잘못되었습니다. --이름=값 형식으로 쓰세요.`,
    instruction: context.instruction,
  });
}

/** Checks `flags` (as written) against what the instruction accepts. */
export function parseBuilderFlags(
  flags: readonly string[],
  accepted: Readonly<Record<string, FlagType>>,
  context: FlagContext,
): ParsedFlags {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const known = Object.keys(accepted);
  for (const raw of flags) {
    if (!raw.startsWith('--')) throw syntaxError(context, `Arg should start with -- : ${raw}`, 'write flags as --name=value');
    if (raw === '--') break;
    let name = raw.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const type = accepted[name];
    if (type === undefined) {
      throw new UnknownFlagError(context.instruction, name, known, suggestNearest(name, known), context.line, context.endLine);
    }
    if (type !== 'strings' && values.has(name)) {
      throw syntaxError(context, `Duplicate flag specified: ${name}`, `give --${name} only once`);
    }
    if (type === 'bool') {
      if (value === '') throw syntaxError(context, `Missing a value on flag: ${name}`, `write --${name} or --${name}=true`);
      const lower = (value ?? 'true').toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw syntaxError(context, `Expecting boolean value for flag ${name}, not: ${value ?? ''}`, `write --${name}=true or --${name}=false`);
      }
      values.set(name, lower);
    } else {
      if (value === undefined) throw syntaxError(context, `Missing a value on flag: ${name}`, `write --${name}=<value>`);
      if (type === 'string') values.set(name, value);
      else lists.set(name, [...(lists.get(name) ?? []), value]);
    }
  }
  return { values, lists };
}
