/**
 * One thing the optimisation advisor found in a Dockerfile. `rule` is hadolint's id where hadolint
 * has the rule (DL3009 …), BuildKit's check name where BuildKit has it (SecretsUsedInArgOrEnv),
 * and otherwise the course's own id (`LL…`) — `source` says which.
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface MeasuredEffect {
  /** Bytes the pattern costs in the built image (wasted, hidden, or stored twice). */
  readonly bytes?: number;
  /** Extra cache misses it causes on a rebuild. */
  readonly cacheMisses?: number;
  /** Extra seconds on a rebuild. */
  readonly seconds?: number;
  /** Extra filesystem layers. */
  readonly layers?: number;
  /** What was measured, in Korean ("3번째 레이어에 /var/lib/apt/lists 44.5MB가 남음"). */
  readonly note: string;
}

export interface Finding {
  readonly rule: string;
  readonly source: 'hadolint' | 'buildkit' | 'layerlab';
  readonly severity: FindingSeverity;
  /** Short Korean title. */
  readonly title: string;
  /** Why it matters, in Korean. */
  readonly explanation: string;
  /** How to fix it, in Korean. */
  readonly fix: string;
  /** Dockerfile lines the finding refers to (1-based, first line of each instruction). */
  readonly lines: readonly number[];
  /** Filled in when a build of this Dockerfile was given. */
  readonly effect?: MeasuredEffect;
}
