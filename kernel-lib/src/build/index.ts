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
export {
  BuildContext,
  BuildContextError,
  type BuildContextInput,
  type ContextFiles,
  type ContextFileSpec,
  type ContextEntry,
  type ContextEntryKind,
} from './BuildContext';
export { checksumPath, checksumSelection, type ChecksumNode, type ChecksumSource } from './contentChecksum';
export { BuildError, dockerfileExcerpt, type BuildErrorCode } from './BuildError';
export { planStages, type BuildPlan, type StagePlan, type StageBase } from './stageGraph';
export { scheduleTasks, type Schedule, type ScheduleTask, type ScheduledSpan } from './schedule';
export {
  BUILD_TIME_MODEL,
  runStepSeconds,
  copyStepSeconds,
  workdirStepSeconds,
  contextTransferSeconds,
  pullSeconds,
  exportSeconds,
} from './timeModel';
export { buildkitCreatedBy, classicCreatedBy, runCommandText, goHealthcheckText, type HistoryStep, type KeyValueText } from './createdBy';
export { formatPlainProgress, formatVertex, stepPrefix, type ProgressVertex } from './progressLog';
export { canonicalJson, stepCacheKey, baseCacheKey } from './cacheKey';
export { exportCache, importCache, cacheRecordCount, CACHE_CONFIG_MEDIA_TYPE, type CacheRecord } from './buildCache';
export { buildDockerfile } from './buildDockerfile';
export type { BuildOptions, BuildResult, BuildStep, BuildHost, ResolvedBase } from './BuildTypes';
