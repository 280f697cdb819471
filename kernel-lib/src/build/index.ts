// Public surface of the build module (re-exported from src/index.ts).
export {
  DockerignoreMatcher,
  DockerignorePatternError,
  compilePattern as compileDockerignorePattern,
  cleanPath as cleanContextPath,
  type CompiledPattern as CompiledDockerignorePattern,
  type IgnoreDecision,
} from './patternMatcher';
export { Dockerignore, readDockerignore, type DockerignoreLine } from './dockerignore';
