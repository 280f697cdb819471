/** A build step as the figures need it (the builder's per-instruction record). */
export interface BuildStepInput {
  /** The instruction text, e.g. "RUN npm install" or "COPY . .". */
  readonly instruction: string;
  /** 1-based Dockerfile line. */
  readonly line: number;
  readonly cached: boolean;
  /** Simulated seconds this step took (≈0 when cached). */
  readonly seconds: number;
  /** Stage name or index ("builder", "0"). */
  readonly stage?: string;
  /** Seconds from the build's start when the step began (for parallel stages); derived when absent. */
  readonly start?: number;
  /** False for metadata-only instructions (ENV, CMD …): nothing to look up in the cache. */
  readonly runs?: boolean;
}

/** A build stage and what it waits for. */
export interface StageInput {
  readonly name: string;
  /** Own work, in seconds. */
  readonly seconds: number;
  /** Stages (or base images) this stage needs first: FROM <stage>, COPY --from=<stage>. */
  readonly dependsOn: readonly string[];
}
