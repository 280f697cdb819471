/**
 * The first stage of parsing, as BuildKit's frontend/dockerfile/parser does it: physical lines →
 * logical instructions, each with its keyword, builder flags, argument list, heredoc bodies and
 * line range. The rules followed:
 *
 * - parser directives (`# syntax=…`, `# escape=…`, `# check=…`) only before anything else; the
 *   first line that is not one ends them (a blank line, a comment, an instruction);
 * - a comment is a line whose first non-blank character is `#`; a `#` anywhere else is text;
 * - a line ending in the escape token (after optional spaces/tabs) continues on the next line;
 *   inside a continuation, comment lines are dropped and empty lines are skipped with a warning;
 *   continuation lines keep their leading whitespace, the first line loses it;
 * - RUN/COPY/ADD (and ONBUILD of them), in shell form, read here-document bodies from the lines
 *   that follow, verbatim, up to the terminator.
 */
import { DockerfileSyntaxError, UnterminatedHeredocError, BadJsonFormError } from './DockerfileError';
import { heredocMarkersInLine, type DockerfileHeredoc } from './heredoc';
import {
  LineParseProblem,
  parseHealthConfig,
  parseMaybeJson,
  parseMaybeJsonToList,
  parseNameOrNameVal,
  parseNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  splitCommand,
  type LineArgs,
} from './lineParsers';
import type { DockerfileEscapeToken } from './shellLex';

export interface DockerfileAstNode {
  /** The keyword lower-cased, as BuildKit's node value (`run`). */
  readonly command: string;
  /** The keyword as written (`Run`). */
  readonly keyword: string;
  /** Builder flags as written (`--from=builder`, `--link`). */
  readonly flags: readonly string[];
  /** The arguments after the flags (ENV/LABEL: key, value, key, value …). */
  readonly args: readonly string[];
  /** The arguments were a JSON array (exec form). */
  readonly json: boolean;
  /** Text after a JSON array that BuildKit ignores. */
  readonly jsonTrailing: string | undefined;
  /** ENV/LABEL in the legacy `KEY value` form. */
  readonly legacyKeyValue: boolean;
  /** ONBUILD's trigger instruction. */
  readonly trigger: DockerfileAstNode | undefined;
  readonly heredocs: readonly DockerfileHeredoc[];
  /** The logical line (continuations joined, comments removed), as BuildKit's `Original`. */
  readonly original: string;
  readonly startLine: number;
  readonly endLine: number;
  /** Comment lines directly above the instruction, `#` and surrounding blanks removed. */
  readonly comments: readonly string[];
}

export interface DockerfileDirective {
  readonly name: 'syntax' | 'escape' | 'check';
  readonly value: string;
  readonly line: number;
}

export interface DockerfileParseWarning {
  /** BuildKit's check name where one exists (`JSONArgsRecommended` …), else our own. */
  readonly rule: string;
  readonly line: number;
  readonly message: string;
}

export interface DockerfileAst {
  readonly nodes: readonly DockerfileAstNode[];
  readonly directives: readonly DockerfileDirective[];
  readonly escapeToken: DockerfileEscapeToken;
  readonly warnings: readonly DockerfileParseWarning[];
}

const RE_DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_COMMANDS = new Set(['run', 'copy', 'add']);

type LineParser = (rest: string, escape: string) => LineArgs;

const DISPATCH: Readonly<Record<string, LineParser>> = {
  add: (rest) => parseMaybeJsonToList(rest),
  arg: (rest, escape) => parseNameOrNameVal(rest, escape),
  cmd: (rest) => parseMaybeJson(rest),
  copy: (rest) => parseMaybeJsonToList(rest),
  entrypoint: (rest) => parseMaybeJson(rest),
  env: (rest, escape) => parseNameVal(rest, 'ENV', escape),
  expose: (rest) => parseStringsWhitespaceDelimited(rest),
  from: (rest) => parseStringsWhitespaceDelimited(rest),
  healthcheck: (rest) => parseHealthConfig(rest),
  label: (rest, escape) => parseNameVal(rest, 'LABEL', escape),
  maintainer: (rest) => parseString(rest),
  run: (rest) => parseMaybeJson(rest),
  shell: (rest) => parseMaybeJson(rest),
  stopsignal: (rest) => parseString(rest),
  user: (rest) => parseString(rest),
  volume: (rest) => parseMaybeJsonToList(rest),
  workdir: (rest) => parseString(rest),
};

/** The instruction keywords BuildKit knows (upper-case). */
export const DOCKERFILE_INSTRUCTIONS: readonly string[] = Object.freeze(
  [...Object.keys(DISPATCH), 'onbuild'].sort().map((k) => k.toUpperCase()),
);

function trimNewline(line: string): string {
  return line.replace(/[\r\n]+$/, '');
}

function trimLeadingWhitespace(line: string): string {
  return line.replace(/^\s+/u, '');
}

function isComment(line: string): boolean {
  return trimLeadingWhitespace(trimNewline(line)).startsWith('#');
}

function continuationRegex(escape: DockerfileEscapeToken): RegExp {
  const e = escape === '\\' ? '\\\\' : '`';
  // The escape token is a continuation when it ends the line (spaces/tabs may follow), unless it is
  // itself escaped; a line holding only the token also continues.
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

interface NodeText {
  readonly line: string;
  readonly comments: readonly string[];
}

function nodeFromLine(text: NodeText, escape: DockerfileEscapeToken, startLine: number, endLine: number): DockerfileAstNode {
  const { keyword, flags, rest } = splitCommand(text.line);
  const command = keyword.toLowerCase();
  let parsed: LineArgs = { args: [], json: false };
  let trigger: DockerfileAstNode | undefined;
  if (command === 'onbuild') {
    if (rest !== '') trigger = nodeFromLine({ line: rest, comments: [] }, escape, startLine, endLine);
  } else {
    const parser = DISPATCH[command];
    if (parser !== undefined) {
      try {
        parsed = parser(rest, escape);
      } catch (error) {
        if (!(error instanceof LineParseProblem)) throw error;
        if (error.kind === 'json') {
          throw new BadJsonFormError(
            keyword.toUpperCase(),
            error.message,
            'write every element as a double-quoted string, e.g. ["npm", "start"]',
            startLine,
            endLine,
          );
        }
        throw new DockerfileSyntaxError({
          line: startLine,
          endLine,
          problem: error.message,
          fix: nameValFix(error.message, rest),
          hint: `${startLine}번째 줄 ${keyword.toUpperCase()}의 형식이 잘못되었습니다. 이름=값 형식으로 쓰고, 주석은 줄 맨 앞의 #으로 따로 쓰세요.`,
          instruction: keyword.toUpperCase(),
        });
      }
    }
    // Unknown keywords are kept here (BuildKit's parseIgnore) and rejected with a suggestion when
    // the instructions are typed, so the error can name them.
  }
  return {
    command,
    keyword,
    flags,
    args: parsed.args,
    json: parsed.json,
    jsonTrailing: parsed.jsonTrailing,
    legacyKeyValue: parsed.legacyKeyValue === true,
    trigger,
    heredocs: [],
    original: text.line,
    startLine,
    endLine,
    comments: text.comments,
  };
}

function nameValFix(problem: string, rest: string): string {
  if (problem.startsWith('Syntax error') && /(^|\s)#/.test(rest)) {
    return 'a comment must start its own line: move the "# …" text to a line above';
  }
  if (problem.startsWith('Syntax error')) return 'write every item as name=value (quote values that contain spaces)';
  return 'give a name and a value, e.g. ENV NODE_ENV=production';
}

function canContainHeredoc(node: DockerfileAstNode): boolean {
  const target = node.command === 'onbuild' ? node.trigger : node;
  return target !== undefined && HEREDOC_COMMANDS.has(target.command) && !target.json;
}

/** Parses Dockerfile text into BuildKit's AST: logical instructions with their line ranges. */
export function parseDockerfileAst(text: string): DockerfileAst {
  const physical = text.split('\n').map((line, i, all) => (i < all.length - 1 ? line + '\n' : line));
  if (physical.length > 0 && physical[physical.length - 1] === '') physical.pop();
  if (physical.length > 0) physical[0] = (physical[0] as string).replace(/^\uFEFF/, '');

  let escape: DockerfileEscapeToken = '\\';
  let continuation = continuationRegex(escape);
  const directives: DockerfileDirective[] = [];
  const warnings: DockerfileParseWarning[] = [];
  const nodes: DockerfileAstNode[] = [];
  let directivesDone = false;
  let comments: string[] = [];
  let index = 0; // next physical line to read (0-based); line numbers are index + 1

  const seeDirective = (token: string, lineNumber: number): void => {
    if (directivesDone) return;
    const match = RE_DIRECTIVE.exec(token);
    const name = match?.[1]?.toLowerCase();
    if (match === null || name === undefined || !KNOWN_DIRECTIVES.has(name)) {
      directivesDone = true;
      return;
    }
    if (directives.some((d) => d.name === name)) {
      throw new DockerfileSyntaxError({
        line: lineNumber,
        endLine: lineNumber,
        problem: `only one ${name} parser directive can be used`,
        fix: `keep a single "# ${name}=…" line at the top of the file`,
        hint: `파서 지시어 # ${name}=은(는) 파일 맨 위에 한 번만 쓸 수 있습니다.`,
      });
    }
    const value = match[2] as string;
    if (name === 'escape') {
      if (value !== '\\' && value !== '`') {
        throw new DockerfileSyntaxError({
          line: lineNumber,
          endLine: lineNumber,
          problem: `invalid escape token '${value}' does not match \` or \\`,
          fix: 'use "# escape=\\" (the default) or "# escape=`"',
          hint: '# escape= 지시어에는 역슬래시(\\) 또는 백틱(`)만 쓸 수 있습니다.',
        });
      }
      escape = value;
      continuation = continuationRegex(escape);
    }
    directives.push({ name: name as DockerfileDirective['name'], value, line: lineNumber });
  };

  const processLine = (raw: string, stripLeft: boolean, lineNumber: number): string => {
    let token = trimNewline(raw);
    if (stripLeft) token = trimLeadingWhitespace(token);
    seeDirective(token, lineNumber);
    return token.startsWith('#') ? '' : token;
  };

  const trimContinuation = (line: string): { line: string; end: boolean } => {
    if (continuation.test(line)) return { line: line.replace(continuation, '$1'), end: false };
    return { line, end: true };
  };

  while (index < physical.length) {
    const raw = physical[index] as string;
    const lineNumber = index + 1;
    index++;
    if (isComment(raw)) comments.push(trimLeadingWhitespace(trimNewline(raw)).slice(1).trim());
    const first = processLine(raw, true, lineNumber);
    const startLine = lineNumber;
    let { line, end } = trimContinuation(first);
    if (end && line === '') continue;

    let emptyContinuation = false;
    let lastLine = lineNumber;
    while (!end && index < physical.length) {
      const next = physical[index] as string;
      lastLine = index + 1;
      index++;
      const processed = processLine(next, false, lastLine);
      if (isComment(next)) continue;
      if (trimLeadingWhitespace(trimNewline(processed)) === '') {
        emptyContinuation = true;
        continue;
      }
      const part = trimContinuation(processed);
      line += part.line;
      end = part.end;
    }
    if (emptyContinuation) {
      warnings.push({
        rule: 'NoEmptyContinuation',
        line: startLine,
        message: `Empty continuation line found in: ${line}`,
      });
    }

    const node = nodeFromLine({ line, comments }, escape, startLine, lastLine);
    let endLine = lastLine;
    const heredocs: DockerfileHeredoc[] = [];
    if (canContainHeredoc(node)) {
      for (const marker of heredocMarkersInLine(line)) {
        let content = '';
        let terminated = false;
        while (index < physical.length) {
          const bodyLine = physical[index] as string;
          index++;
          endLine = index;
          let candidate = trimNewline(bodyLine);
          if (marker.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === marker.name) {
            terminated = true;
            break;
          }
          content += bodyLine;
        }
        if (!terminated) throw new UnterminatedHeredocError(marker.name, startLine, endLine);
        heredocs.push(Object.freeze({ ...marker, content }));
      }
    }
    const withHeredocs: DockerfileAstNode = { ...node, heredocs: Object.freeze(heredocs), endLine };
    nodes.push(deepFreezeNode(withHeredocs));
    comments = [];
  }

  if (nodes.length === 0) {
    throw new DockerfileSyntaxError({
      line: 0,
      endLine: physical.length,
      problem: 'file with no instructions',
      fix: 'start the Dockerfile with a FROM instruction, e.g. FROM alpine:3.18',
      hint: 'Dockerfile에 명령어가 하나도 없습니다. FROM으로 시작하는 명령어를 작성하세요.',
    });
  }
  return Object.freeze({
    nodes: Object.freeze(nodes),
    directives: Object.freeze(directives.map((d) => Object.freeze(d))),
    escapeToken: escape,
    warnings: Object.freeze(warnings.map((w) => Object.freeze(w))),
  });
}

function deepFreezeNode(node: DockerfileAstNode): DockerfileAstNode {
  Object.freeze(node.flags);
  Object.freeze(node.args);
  Object.freeze(node.comments);
  if (node.trigger !== undefined) deepFreezeNode(node.trigger);
  return Object.freeze(node);
}

