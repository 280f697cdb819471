import type { ParsedDockerfile } from '../../dockerfile/parseDockerfile';
import type { DockerfileStage } from '../../dockerfile/instructions';
import type { Finding } from './Finding';

/** What every lint rule reads: the parsed Dockerfile and a few facts derived once. */
export interface RuleContext {
  readonly dockerfile: ParsedDockerfile;
  /** The stage the build's image comes from (the last one, or `target`). */
  readonly finalStage: DockerfileStage;
  /** Stage names (and indexes as strings) — a FROM of one of these is not an image. */
  readonly stageRefs: ReadonlySet<string>;
  /** Stages used as the base (`FROM <stage>`) of a later stage. */
  readonly baseStages: ReadonlySet<DockerfileStage>;
  /** Whether the build context has a `.dockerignore` (undefined: not known). */
  readonly hasDockerignore: boolean | undefined;
  /** Paths in the build context (after .dockerignore), when known. */
  readonly contextPaths: readonly string[] | undefined;
}

export type LintRule = (ctx: RuleContext) => Finding[];

export function makeContext(dockerfile: ParsedDockerfile, options: { target?: string; hasDockerignore?: boolean; contextPaths?: readonly string[] }): RuleContext {
  const stages = dockerfile.stages;
  const finalStage = (options.target !== undefined ? stages.find((s) => s.name === options.target) : undefined) ?? stages[stages.length - 1]!;
  const stageRefs = new Set<string>();
  for (const s of stages) { if (s.name) stageRefs.add(s.name.toLowerCase()); stageRefs.add(String(s.index)); }
  const baseStages = new Set<DockerfileStage>();
  for (const s of stages) {
    const base = stages.find((b) => b.index < s.index && (b.name?.toLowerCase() === s.from.image.toLowerCase() || String(b.index) === s.from.image));
    if (base) baseStages.add(base);
  }
  return { dockerfile, finalStage, stageRefs, baseStages, hasDockerignore: options.hasDockerignore, contextPaths: options.contextPaths };
}
