import { parseDockerfile } from '../../dockerfile/parseDockerfile';
import type { StageInput } from '../diagram/buildInput';

/**
 * The stages of a build as the DAG figure needs them: each stage's own seconds (Σ of its steps)
 * and what it waits for — `FROM <stage>`, `COPY --from=<stage|image>`, `RUN --mount=from=…`
 * (BuildKit's dependency edges); a FROM of an image is drawn as that base image.
 */
export function stagesOfBuild(
  result: { readonly steps: ReadonlyArray<{ readonly stageIndex: number; readonly seconds: number }>; readonly builtStages?: readonly number[] },
  dockerfile: string,
): StageInput[] {
  const parsed = parseDockerfile(dockerfile);
  const named = parsed.stages.length > 1 || parsed.stages.some((s) => s.name !== undefined);
  const nameOf = (i: number): string => parsed.stages[i]!.name ?? (named ? `stage-${i}` : 'build');
  const stageRef = (ref: string): number | undefined => {
    const byName = parsed.stages.find((s) => s.name?.toLowerCase() === ref.toLowerCase());
    if (byName) return byName.index;
    return /^\d+$/.test(ref) && Number(ref) < parsed.stages.length ? Number(ref) : undefined;
  };
  const built = new Set(result.builtStages ?? parsed.stages.map((s) => s.index));
  return parsed.stages.filter((s) => built.has(s.index)).map((s) => {
    const deps: string[] = [];
    const add = (ref: string): void => {
      const i = stageRef(ref);
      const name = i === undefined ? ref : nameOf(i);
      if (!deps.includes(name)) deps.push(name);
    };
    if (s.from.image !== 'scratch') add(s.from.image);
    for (const i of s.instructions) {
      if ((i.kind === 'COPY' || i.kind === 'ADD') && i.from !== undefined) add(i.from);
      if (i.kind === 'RUN') for (const m of i.mounts) if (m.from !== undefined) add(m.from);
    }
    const seconds = result.steps.filter((x) => x.stageIndex === s.index).reduce((a, x) => a + x.seconds, 0);
    return { name: nameOf(s.index), seconds: Math.round(seconds * 1000) / 1000, dependsOn: deps };
  });
}
