/**
 * Errors a build fails with, worded as BuildKit reports them ("failed to solve: …") with the line
 * of the Dockerfile that failed, what to change, and a Korean hint. `log` holds the progress log
 * up to the failure, with BuildKit's excerpt of the Dockerfile around the failing line.
 */
import { LayerlabError } from '../errors/LayerlabError';

export type BuildErrorCode =
  | 'BuildTargetNotFound'
  | 'BuildCircularDependency'
  | 'BuildStageNotFound'
  | 'BuildSourceNotFound'
  | 'BuildRunFailed'
  | 'BuildSecretNotFound'
  | 'BuildInvalidInstruction'
  | 'BuildBaseImageNotFound';

export interface BuildErrorDetails {
  readonly problem: string;
  readonly fix: string;
  readonly hint: string;
  /** The Dockerfile line that failed (0 when none). */
  readonly line?: number;
  readonly instruction?: string;
  readonly data?: Record<string, unknown>;
  readonly cause?: unknown;
}

export class BuildError extends LayerlabError {
  readonly line: number;
  readonly problem: string;
  /** The progress log up to the failure (set by the builder). */
  log = '';

  constructor(code: BuildErrorCode, details: BuildErrorDetails) {
    const where = details.line ? `Dockerfile:${details.line}: ` : '';
    super(code, `${where}failed to solve: ${details.problem} — fix: ${details.fix}`, {
      data: { line: details.line ?? 0, problem: details.problem, fix: details.fix, instruction: details.instruction, ...(details.data ?? {}) },
      hint: details.hint,
      cause: details.cause,
    });
    this.line = details.line ?? 0;
    this.problem = details.problem;
  }
}

/** BuildKit's excerpt of the Dockerfile around a failing line (`  10 | >>> RUN npm run build`). */
export function dockerfileExcerpt(text: string, startLine: number, endLine: number = startLine): string {
  const lines = text.split('\n');
  const from = Math.max(1, startLine - 2);
  const to = Math.min(lines.length, endLine + 2);
  const width = String(to).length;
  const out = [`Dockerfile:${startLine}`, '--------------------'];
  for (let n = from; n <= to; n++) {
    const marker = n >= startLine && n <= endLine ? '>>> ' : '    ';
    out.push(`${String(n).padStart(width + 2, ' ')} | ${marker}${lines[n - 1] ?? ''}`);
  }
  out.push('--------------------');
  return out.join('\n');
}
