// Public surface of the dockerfile module (re-exported from src/index.ts).
export {
  DockerfileError,
  DockerfileSyntaxError,
  UnknownInstructionError,
  MissingArgumentError,
  UnterminatedHeredocError,
  BadJsonFormError,
  UnknownFlagError,
  type DockerfileErrorDetails,
} from './DockerfileError';
export {
  DockerfileShellLex,
  DockerfileExpansionError,
  type DockerfileEscapeToken,
  type ShellLexOptions,
  type ShellLexResult,
  type ExpansionEnv,
} from './shellLex';
export {
  parseDockerfileAst,
  DOCKERFILE_INSTRUCTIONS,
  type DockerfileAst,
  type DockerfileAstNode,
  type DockerfileDirective,
  type DockerfileParseWarning,
} from './ast';
export { parseHeredocMarker, chompHeredocContent, type DockerfileHeredoc, type HeredocMarker } from './heredoc';
export { parseRunMount } from './runMount';
export { parseGoDuration, formatGoDuration } from './goDuration';
export { parseInstruction } from './parseInstruction';
export { parseDockerfile, type ParsedDockerfile } from './parseDockerfile';
export { goQuote } from './lineParsers';
export type * from './instructions';
