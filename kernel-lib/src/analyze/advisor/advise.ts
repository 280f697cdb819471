import { parseDockerfile, type ParsedDockerfile } from '../../dockerfile/parseDockerfile';
import type { Finding } from './Finding';
import { makeContext, type LintRule } from './RuleContext';
import { fullBaseRule, pinnedBaseRule } from './baseImageRules';
import { aptListsRule, aptUpdateAloneRule, packageCacheRule } from './aptRules';
import { chmodAfterCopyRule, cleanupInLaterLayerRule, consecutiveRunRule } from './runRules';
import { addForCopyRule, copyBeforeInstallRule, noDockerignoreRule } from './copyRules';
import { secretArgEnvRule, secretCopyRule } from './secretRules';
import { timeDependentRunRule } from './cacheRules';
import { buildToolsInFinalRule } from './stageRules';
import { measureFindings, type AdvisorBuild } from './measure';
import { AdviceView } from './AdviceView';

/** Every rule the advisor runs, in the order of seed 002's checklist (base, order, merge, remove, ignore, secrets). */
export const ADVISOR_RULES: ReadonlyArray<readonly [string, LintRule]> = [
  ['DL3006/DL3007', pinnedBaseRule],
  ['LL1001', fullBaseRule],
  ['LL3001', copyBeforeInstallRule],
  ['DL3059', consecutiveRunRule],
  ['DL3009', aptListsRule],
  ['LL2001', aptUpdateAloneRule],
  ['DL3019/DL3042', packageCacheRule],
  ['LL2002', cleanupInLaterLayerRule],
  ['LL2003', chmodAfterCopyRule],
  ['DL3020', addForCopyRule],
  ['LL3002', noDockerignoreRule],
  ['LL4001', secretCopyRule],
  ['SecretsUsedInArgOrEnv', secretArgEnvRule],
  ['LL5001', timeDependentRunRule],
  ['LL6001', buildToolsInFinalRule],
];

export interface AdviseOptions {
  /** A build of this Dockerfile: per-step layers (and the image's) to measure bytes. */
  readonly build?: AdvisorBuild;
  /** The same Dockerfile rebuilt after editing one source file: to measure cache misses. */
  readonly rebuild?: AdvisorBuild;
  /** `--target` stage (default: the last stage). */
  readonly target?: string;
  /** Whether the context has a .dockerignore (undefined: unknown, the rule stays quiet). */
  readonly hasDockerignore?: boolean;
  readonly contextPaths?: readonly string[];
  /** Name shown in the report ("Dockerfile.bad"). */
  readonly name?: string;
}

/**
 * The optimisation advisor: lint rules (hadolint ids where hadolint has the rule) over a
 * Dockerfile, each finding with a Korean explanation, the lines, a fix and — when a build is given —
 * the measured effect. Findings are sorted by line.
 */
export function adviseDockerfile(dockerfile: string | ParsedDockerfile, options: AdviseOptions = {}): AdviceView {
  const parsed = typeof dockerfile === 'string' ? parseDockerfile(dockerfile) : dockerfile;
  const ctx = makeContext(parsed, options);
  const raw: Finding[] = ADVISOR_RULES.flatMap(([, rule]) => rule(ctx));
  raw.sort((a, b) => a.lines[0]! - b.lines[0]! || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const findings = measureFindings(raw, options).map((f) => Object.freeze({ ...f, lines: Object.freeze([...f.lines]) }));
  return new AdviceView(Object.freeze(findings), parsed.text, options.name);
}
