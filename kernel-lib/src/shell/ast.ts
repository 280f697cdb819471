/**
 * The syntax tree of the simulated POSIX shell (the subset of the Shell Command Language, POSIX.1-2017
 * XCU §2, that Docker lessons and Dockerfile RUN lines use). The parser (`parseShell`) builds it; the
 * interpreter walks it. Values are plain frozen data, so a parsed script can be inspected or printed.
 */

/** One piece of a word before expansion (XCU §2.6). */
export type WordPart =
  /** Unquoted literal text: subject to pathname expansion (globbing), never to field splitting. */
  | { readonly type: 'literal'; readonly text: string }
  /** Quoted literal text: from '…', a backslash escape, or literal text inside "…". */
  | { readonly type: 'quoted'; readonly text: string }
  /** "…": its parts are expanded but never field-split or globbed. */
  | { readonly type: 'double'; readonly parts: readonly WordPart[] }
  | ParamPart
  /** $(…) or `…` */
  | { readonly type: 'command'; readonly script: Script }
  /** $((…)): the expression text, itself expanded (parameters, substitutions) before evaluation. */
  | { readonly type: 'arith'; readonly expr: Word };

/** ${name op word} (XCU §2.6.2). */
export interface ParamPart {
  readonly type: 'param';
  readonly name: string;
  /** `${#name}` */
  readonly length?: boolean;
  readonly op?: ParamOp;
  readonly arg?: Word;
}

export type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+'
  | '#' | '##' | '%' | '%%';

export interface Word {
  readonly parts: readonly WordPart[];
  /** The source text of the word, as written (for messages and `set -x`-like traces). */
  readonly raw: string;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '<<' | '<<-' | '&>';

export interface Redirect {
  /** The file descriptor redirected; undefined means the operator's default (0 for <, 1 for >). */
  readonly fd: number | undefined;
  readonly op: RedirectOp;
  /** The target word; for here-documents, the body (expanded unless the delimiter was quoted). */
  readonly target: Word;
  /** Here-documents only: the body is expanded (delimiter was unquoted). */
  readonly expandBody?: boolean;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly type: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  /** 0-based line of the command in the script (busybox ash reports it as "line N" in -c mode). */
  readonly line: number;
}

export interface Subshell {
  readonly type: 'subshell';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface BraceGroup {
  readonly type: 'group';
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface IfCommand {
  readonly type: 'if';
  /** `if`/`elif` branches in order. */
  readonly branches: readonly { readonly condition: Script; readonly body: Script }[];
  readonly otherwise: Script | undefined;
  readonly redirects: readonly Redirect[];
}

export interface ForCommand {
  readonly type: 'for';
  readonly name: string;
  /** undefined when `in` is omitted (iterates over "$@"). */
  readonly items: readonly Word[] | undefined;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface LoopCommand {
  readonly type: 'while' | 'until';
  readonly condition: Script;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}

export interface CaseCommand {
  readonly type: 'case';
  readonly subject: Word;
  readonly clauses: readonly { readonly patterns: readonly Word[]; readonly body: Script }[];
  readonly redirects: readonly Redirect[];
}

/** `name() compound-command` (§2.9.5): defines a function; running the definition itself does nothing else. */
export interface FunctionDefinition {
  readonly type: 'function';
  readonly name: string;
  readonly body: Command;
}

export type Command =
  | SimpleCommand | Subshell | BraceGroup | IfCommand | ForCommand | LoopCommand | CaseCommand | FunctionDefinition;

export interface Pipeline {
  readonly negated: boolean;
  readonly commands: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
  /** Ended with `&`: the simulator runs it in the foreground and says so. */
  readonly background: boolean;
}

export interface Script {
  readonly items: readonly AndOr[];
}
