/**
 * Errors a Dockerfile can produce while it is parsed. Each names the line (BuildKit's wording:
 * "dockerfile parse error on line N: …"), the problem, and how to fix it; each has a Korean hint
 * for the learner reading it in a notebook.
 */
import { LayerlabError } from '../errors/LayerlabError';

export interface DockerfileErrorDetails {
  /** First line of the instruction (1-based), 0 when the file as a whole is wrong. */
  readonly line: number;
  /** Last line of the instruction (continuations and heredoc bodies included). */
  readonly endLine: number;
  /** BuildKit's description of the problem. */
  readonly problem: string;
  /** What to change. */
  readonly fix: string;
  readonly hint: string;
  readonly instruction?: string;
  readonly data?: Record<string, unknown>;
}

/** The base of every Dockerfile parse error; `code` tells the kind. */
export class DockerfileError extends LayerlabError {
  readonly line: number;
  readonly endLine: number;
  readonly problem: string;
  readonly fix: string;

  constructor(code: string, details: DockerfileErrorDetails) {
    const where = details.line > 0 ? `dockerfile parse error on line ${details.line}` : 'dockerfile parse error';
    super(code, `${where}: ${details.problem} — fix: ${details.fix}`, {
      data: {
        line: details.line,
        endLine: details.endLine,
        problem: details.problem,
        fix: details.fix,
        ...(details.instruction === undefined ? {} : { instruction: details.instruction }),
        ...(details.data ?? {}),
      },
      hint: details.hint,
    });
    this.line = details.line;
    this.endLine = details.endLine;
    this.problem = details.problem;
    this.fix = details.fix;
  }
}

/** Any syntax problem that is not one of the named kinds below. */
export class DockerfileSyntaxError extends DockerfileError {
  constructor(details: DockerfileErrorDetails) {
    super('DockerfileSyntax', details);
  }
}

/** `RUNN echo` — an instruction BuildKit does not know; `suggestion` is the nearest known one. */
export class UnknownInstructionError extends DockerfileError {
  readonly instruction: string;
  readonly suggestion: string | undefined;
  constructor(instruction: string, suggestion: string | undefined, line: number, endLine: number) {
    const problem = `unknown instruction: ${instruction}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`;
    super('DockerfileUnknownInstruction', {
      line,
      endLine,
      problem,
      fix:
        suggestion === undefined
          ? 'start the line with a Dockerfile instruction (FROM, RUN, COPY, …) or make it a comment with # in the first column'
          : `write ${suggestion}`,
      hint:
        suggestion === undefined
          ? `${line}번째 줄의 "${instruction}"은(는) Dockerfile 명령어가 아닙니다. FROM, RUN, COPY 같은 명령어로 시작하거나, 주석이라면 줄 맨 앞에 #을 쓰세요.`
          : `${line}번째 줄의 "${instruction}"은(는) 없는 명령어입니다. "${suggestion}"의 오타가 아닌지 확인하세요.`,
      instruction,
      data: { suggestion },
    });
    this.instruction = instruction;
    this.suggestion = suggestion;
  }
}

/** `COPY app.js` (no destination), `WORKDIR` (no path), `FROM` alone … */
export class MissingArgumentError extends DockerfileError {
  constructor(instruction: string, problem: string, fix: string, line: number, endLine: number) {
    super('DockerfileMissingArgument', {
      line,
      endLine,
      problem,
      fix,
      hint: `${line}번째 줄의 ${instruction}에 필요한 인자가 빠졌습니다. 명령어 형식을 확인하세요.`,
      instruction,
    });
  }
}

/** A `<<EOF` whose terminator line never comes. */
export class UnterminatedHeredocError extends DockerfileError {
  constructor(name: string, line: number, endLine: number) {
    super('DockerfileUnterminatedHeredoc', {
      line,
      endLine,
      problem: 'unterminated heredoc',
      fix: `end the here-document with a line that holds only ${name} (no spaces before it, except tabs with <<-)`,
      hint: `${line}번째 줄에서 시작한 히어독(<<${name})이 끝나지 않았습니다. 내용 뒤에 "${name}"만 있는 줄을 추가하세요.`,
      data: { heredoc: name },
    });
  }
}

/** A JSON (exec) form that is not an array of strings, or SHELL written in shell form. */
export class BadJsonFormError extends DockerfileError {
  constructor(instruction: string, problem: string, fix: string, line: number, endLine: number) {
    super('DockerfileBadJsonForm', {
      line,
      endLine,
      problem,
      fix,
      hint: `${line}번째 줄 ${instruction}의 JSON 형식이 잘못되었습니다. ["실행파일", "인자1", "인자2"]처럼 큰따옴표로 감싼 문자열 배열로 쓰세요.`,
      instruction,
    });
  }
}

/** `COPY --form=builder …` — a flag the instruction does not accept. */
export class UnknownFlagError extends DockerfileError {
  readonly flag: string;
  constructor(instruction: string, flag: string, known: readonly string[], suggestion: string | undefined, line: number, endLine: number) {
    super('DockerfileUnknownFlag', {
      line,
      endLine,
      problem: `Unknown flag: ${flag}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
      fix:
        known.length === 0
          ? `${instruction} takes no flags: remove --${flag}`
          : `${instruction} accepts ${known.map((k) => `--${k}`).join(', ')}${suggestion === undefined ? '' : `; write --${suggestion}`}`,
      hint:
        suggestion === undefined
          ? `${line}번째 줄의 ${instruction}은(는) --${flag} 옵션을 받지 않습니다.`
          : `${line}번째 줄의 --${flag}는 없는 옵션입니다. --${suggestion}의 오타가 아닌지 확인하세요.`,
      instruction,
      data: { flag, known: [...known], suggestion },
    });
    this.flag = flag;
  }
}
