/**
 * The stages of a Dockerfile as a graph (BuildKit dockerfile2llb): a stage depends on the stage
 * its FROM names, on every stage a `COPY --from=` or `RUN --mount=from=` names, and on nothing
 * else. Only stages reachable from the target are built (BuildKit); the classic builder builds
 * every stage up to the target, in order. A `--from` that names no stage is an image reference.
 */
import type { ParsedDockerfile } from '../dockerfile/parseDockerfile';
import type { DockerfileStage } from '../dockerfile/instructions';
import { DockerfileShellLex, type ExpansionEnv } from '../dockerfile/shellLex';
import { BuildError } from './BuildError';

export type StageBase =
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'image'; readonly ref: string }
  | { readonly kind: 'scratch' };

export interface StagePlan {
  readonly index: number;
  /** The name in the log: the AS name, `stage-N` when unnamed in a multi-stage file, or undefined. */
  readonly displayName: string | undefined;
  readonly stage: DockerfileStage;
  readonly base: StageBase;
  /** Stage indices this stage needs finished (its base stage and every --from stage). */
  readonly dependsOn: readonly number[];
}

export interface BuildPlan {
  readonly stages: readonly StagePlan[];
  readonly target: number;
  /** Stages to build, in Dockerfile order (dependencies always come first). */
  readonly order: readonly number[];
}

function findStage(stages: readonly DockerfileStage[], ref: string): number | undefined {
  const byName = stages.find((s) => s.name !== undefined && s.name === ref.toLowerCase());
  if (byName !== undefined) return byName.index;
  if (/^\d+$/.test(ref)) {
    const index = Number(ref);
    if (index < stages.length) return index;
  }
  return undefined;
}

/** Resolves bases and `--from` references and picks the stages to build. */
export function planStages(
  dockerfile: ParsedDockerfile,
  metaEnv: ExpansionEnv,
  options: { target?: string; builder?: 'buildkit' | 'classic' } = {},
): BuildPlan {
  const lex = new DockerfileShellLex(dockerfile.escapeToken);
  const stages = dockerfile.stages;
  const plans: StagePlan[] = stages.map((stage) => {
    const image = lex.processWord(stage.from.image, metaEnv);
    const earlier = stages.slice(0, stage.index);
    const baseStage = findStage(earlier, image);
    const base: StageBase =
      baseStage !== undefined && !/^\d+$/.test(image)
        ? { kind: 'stage', index: baseStage }
        : image.toLowerCase() === 'scratch'
          ? { kind: 'scratch' }
          : { kind: 'image', ref: image };
    const deps = new Set<number>();
    if (base.kind === 'stage') deps.add(base.index);
    for (const instruction of stage.instructions) {
      const froms: string[] = [];
      if (instruction.kind === 'COPY' && instruction.from !== undefined) froms.push(lex.processWord(instruction.from, metaEnv));
      if (instruction.kind === 'RUN') for (const m of instruction.mounts) if (m.from !== undefined) froms.push(m.from);
      for (const from of froms) {
        const index = findStage(stages, from);
        if (index === undefined) continue; // an image reference
        if (index === stage.index) {
          throw new BuildError('BuildCircularDependency', {
            problem: `circular dependency detected on stage: ${stage.name ?? stage.index}`,
            fix: `copy from another stage, not from ${stage.name ?? stage.index} itself`,
            hint: `${instruction.startLine}번째 줄: 스테이지가 자기 자신에게서 복사할 수는 없습니다.`,
            line: instruction.startLine,
          });
        }
        deps.add(index);
      }
    }
    return Object.freeze({
      index: stage.index,
      displayName: stage.name ?? (stages.length > 1 ? `stage-${stage.index}` : undefined),
      stage,
      base,
      dependsOn: Object.freeze([...deps].sort((a, b) => a - b)),
    });
  });

  let target = stages.length - 1;
  if (options.target !== undefined) {
    const found = stages.find((s) => s.name === options.target?.toLowerCase());
    if (found === undefined) {
      throw new BuildError('BuildTargetNotFound', {
        problem: `target stage "${options.target}" could not be found`,
        fix: `use one of the stage names: ${stages.map((s) => s.name).filter((n) => n !== undefined).join(', ') || '(no named stages)'}`,
        hint: `--target "${options.target}"에 해당하는 스테이지가 없습니다. FROM … AS <이름>으로 붙인 이름을 쓰세요.`,
      });
    }
    target = found.index;
  }

  // Cycles can only come through --from to a later stage that depends back on this one.
  const visiting = new Set<number>();
  const done = new Set<number>();
  const visit = (index: number): void => {
    if (done.has(index)) return;
    if (visiting.has(index)) {
      const stage = stages[index] as DockerfileStage;
      throw new BuildError('BuildCircularDependency', {
        problem: `circular dependency detected on stage: ${stage.name ?? index}`,
        fix: 'make the stages depend on each other in one direction only',
        hint: '스테이지들이 서로를 순환 참조하고 있습니다. 한 방향으로만 복사하도록 고치세요.',
        line: stage.from.startLine,
      });
    }
    visiting.add(index);
    for (const dep of (plans[index] as StagePlan).dependsOn) visit(dep);
    visiting.delete(index);
    done.add(index);
  };
  visit(target);

  const order =
    options.builder === 'classic'
      ? stages.slice(0, target + 1).map((s) => s.index)
      : [...done].sort((a, b) => a - b);
  // A stage that depends on a later one must still come after it: order by dependencies.
  const sorted: number[] = [];
  const placed = new Set<number>();
  const place = (index: number): void => {
    if (placed.has(index)) return;
    for (const dep of (plans[index] as StagePlan).dependsOn) place(dep);
    placed.add(index);
    sorted.push(index);
  };
  for (const index of order) place(index);
  return Object.freeze({ stages: Object.freeze(plans), target, order: Object.freeze(sorted) });
}
