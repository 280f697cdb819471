export {
  executeNotebook,
  lastOutputText,
  type CellRun,
  type CellStatus,
  type FailureKind,
  type LateOutput,
  type NotebookFailure,
  type NotebookRun,
  type RunOptions,
} from './executeNotebook';
export { checkNotebook, formatCheck, type NotebookCheck } from './checkNotebook';
export { compareOutputs, type OutputMismatch } from './compareOutputs';
export { DEFAULT_SANITIZERS, sanitize, type Sanitizer } from './sanitize';
export { tidyErrorText, describeError, isKernelMachineryFrame } from './errorText';
export { cellTags, expectsError, ignoresOutput, isSkipped } from './tags';
export { lineDiff } from './lineDiff';
export { mapLimited, createLimiter } from './mapLimited';
