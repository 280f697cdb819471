import type { RunInstruction } from '../../dockerfile/instructions';
import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';
import { commandsOf, isAptInstall, isAptUpdate, removesAptLists } from './shellCommands';

function cachesAptLists(run: RunInstruction): boolean {
  const targets = run.mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs').map((m) => (m.target ?? '').replace(/\/+$/, ''));
  return targets.includes('/var/lib/apt/lists') || (targets.includes('/var/lib/apt') && targets.includes('/var/cache/apt'));
}

/**
 * hadolint DL3009: a RUN that fetches the apt lists (`apt-get update`) without deleting
 * `/var/lib/apt/lists` in the *same* RUN leaves them in that layer for good. Reported, as hadolint
 * does, only in the final stage or a stage another stage builds FROM; a cache/tmpfs mount on the
 * lists is fine.
 */
export const aptListsRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    if (s !== ctx.finalStage && !ctx.baseStages.has(s)) continue;
    for (const i of s.instructions) {
      if (i.kind !== 'RUN') continue;
      const cmds = commandsOf(i);
      if (!cmds.some(isAptUpdate) || cmds.some(removesAptLists) || cachesAptLists(i)) continue;
      out.push({
        rule: 'DL3009', source: 'hadolint', severity: 'info', lines: [i.startLine],
        title: 'apt 목록(/var/lib/apt/lists)을 같은 RUN에서 지우지 않음',
        explanation: 'apt-get update가 받은 패키지 목록(수십 MB)이 이 RUN의 레이어에 저장됩니다. 뒤의 RUN에서 지워도 이 레이어에는 그대로 남아 이미지 크기가 줄지 않습니다.',
        fix: '설치한 바로 그 RUN의 끝에 `&& rm -rf /var/lib/apt/lists/*`를 붙이세요.',
      });
    }
  }
  return out;
};

/**
 * `apt-get update` in a RUN of its own (no install beside it): no hadolint rule targets it, but it
 * is Docker's documented cache trap (best practices; CIS Docker Benchmark 4.7): the update layer
 * stays cached while a later, edited install runs against the old package lists.
 */
export const aptUpdateAloneRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    for (const i of s.instructions) {
      if (i.kind !== 'RUN') continue;
      const cmds = commandsOf(i);
      if (!cmds.some(isAptUpdate) || cmds.some(isAptInstall)) continue;
      out.push({
        rule: 'LL2001', source: 'layerlab', severity: 'warning', lines: [i.startLine],
        title: 'apt-get update만 따로 있는 RUN',
        explanation: '이 RUN은 캐시에 남습니다. 나중에 아래쪽 apt-get install 줄만 고치면 update는 CACHED로 건너뛰고, 설치는 예전에 받아 둔 오래된 목록으로 실행됩니다 (없는 버전을 찾다 실패하기도 합니다).',
        fix: 'update와 install(과 정리)을 한 RUN에 두세요: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`',
      });
    }
  }
  return out;
};

/** hadolint DL3019 (`apk add` without `--no-cache`) and DL3042 (`pip install` without `--no-cache-dir`). */
export const packageCacheRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    for (const i of s.instructions) {
      if (i.kind !== 'RUN' || i.mounts.some((m) => m.type === 'cache')) continue;
      for (const c of commandsOf(i)) {
        if (c[0] === 'apk' && c[1] === 'add' && !c.includes('--no-cache')) {
          out.push({ rule: 'DL3019', source: 'hadolint', severity: 'info', lines: [i.startLine], title: 'apk add에 --no-cache가 없음', explanation: 'apk가 내려받은 인덱스가 /var/cache/apk에 남아 레이어에 포함됩니다.', fix: '`apk add --no-cache …`를 쓰세요.' });
        }
        if ((c[0] === 'pip' || c[0] === 'pip3') && c[1] === 'install' && !c.includes('--no-cache-dir')) {
          out.push({ rule: 'DL3042', source: 'hadolint', severity: 'warning', lines: [i.startLine], title: 'pip install에 --no-cache-dir가 없음', explanation: 'pip가 내려받은 패키지 파일(wheel)이 ~/.cache/pip에 남아 레이어 크기가 커집니다.', fix: '`pip install --no-cache-dir …`를 쓰거나 `RUN --mount=type=cache,target=/root/.cache/pip`로 캐시를 레이어 밖에 두세요.' });
        }
      }
    }
  }
  return out;
};
