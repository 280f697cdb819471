/**
 * `parseDockerfile(text)` — a Dockerfile as build stages of typed instructions, each with its line
 * range, plus the ARGs declared before the first FROM (BuildKit's "meta args"), the parser
 * directives and warnings. Throws a `DockerfileError` subclass naming the line, the problem and
 * the fix.
 */
import { parseDockerfileAst, type DockerfileDirective, type DockerfileParseWarning } from './ast';
import { DockerfileSyntaxError } from './DockerfileError';
import type { ArgInstruction, DockerfileStage, Instruction, StageInstruction } from './instructions';
import { parseInstruction } from './parseInstruction';
import type { DockerfileEscapeToken } from './shellLex';

export interface ParsedDockerfile {
  readonly text: string;
  readonly escapeToken: DockerfileEscapeToken;
  readonly directives: readonly DockerfileDirective[];
  /** The `# syntax=` frontend image, if given. */
  readonly syntax: string | undefined;
  /** ARGs before the first FROM: usable in FROM lines, and re-declarable inside stages. */
  readonly metaArgs: readonly ArgInstruction[];
  readonly stages: readonly DockerfileStage[];
  /** Every instruction in file order (meta ARGs and FROMs included). */
  readonly instructions: readonly Instruction[];
  readonly warnings: readonly DockerfileParseWarning[];
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const ast = parseDockerfileAst(text);
  const warnings: DockerfileParseWarning[] = [...ast.warnings];
  const instructions: Instruction[] = [];
  const metaArgs: ArgInstruction[] = [];
  const stages: { index: number; name: string | undefined; from: Extract<Instruction, { kind: 'FROM' }>; instructions: StageInstruction[] }[] = [];
  for (const node of ast.nodes) {
    const instruction = parseInstruction(node, warnings);
    instructions.push(Object.freeze(instruction));
    if (instruction.kind === 'FROM') {
      if (instruction.stageName !== undefined && stages.some((s) => s.name === instruction.stageName)) {
        throw new DockerfileSyntaxError({
          line: instruction.startLine,
          endLine: instruction.endLine,
          problem: `duplicate stage name ${JSON.stringify(instruction.stageName)}`,
          fix: 'give every stage its own name after AS',
          hint: `${instruction.startLine}번째 줄: 스테이지 이름 "${instruction.stageName}"이(가) 이미 쓰였습니다. 스테이지마다 다른 이름을 붙이세요.`,
          instruction: 'FROM',
        });
      }
      stages.push({ index: stages.length, name: instruction.stageName, from: instruction, instructions: [] });
      continue;
    }
    const current = stages[stages.length - 1];
    if (current === undefined) {
      if (instruction.kind === 'ARG') {
        metaArgs.push(instruction);
        continue;
      }
      throw new DockerfileSyntaxError({
        line: instruction.startLine,
        endLine: instruction.endLine,
        problem: 'no build stage in current context',
        fix: 'start the Dockerfile with FROM <image> (only ARG may come before the first FROM)',
        hint: `${instruction.startLine}번째 줄의 ${instruction.kind}이(가) FROM보다 앞에 있습니다. Dockerfile은 FROM으로 시작해야 합니다 (ARG만 FROM 앞에 올 수 있음).`,
        instruction: instruction.kind,
      });
    }
    current.instructions.push(instruction);
  }
  const syntax = ast.directives.find((d) => d.name === 'syntax')?.value;
  return Object.freeze({
    text,
    escapeToken: ast.escapeToken,
    directives: ast.directives,
    syntax,
    metaArgs: Object.freeze(metaArgs),
    stages: Object.freeze(
      stages.map((s) => Object.freeze({ index: s.index, name: s.name, from: s.from, instructions: Object.freeze(s.instructions) })),
    ),
    instructions: Object.freeze(instructions),
    warnings: Object.freeze(warnings),
  });
}
