import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';
import { commandsOf } from './shellCommands';

const TIME_DEPENDENT = (c: readonly string[]): boolean =>
  c[0] === 'date' || c[0] === 'uuidgen' || c.some((w) => /\$\{?RANDOM\}?|\$\(date|`date/.test(w));

/**
 * A RUN whose output depends on when it runs (`date`, `$RANDOM`, `uuidgen`). Seed 002 says such a
 * step misses the cache on every build; BuildKit keys a RUN by its definition, not its output, so
 * the step is CACHED next time and its output stays frozen at the first build (COVERAGE 05.17).
 * Either way the image does not hold a fresh value: produce it when the container starts.
 */
export const timeDependentRunRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    for (const i of s.instructions) {
      if (i.kind !== 'RUN' || !commandsOf(i).some(TIME_DEPENDENT)) continue;
      out.push({
        rule: 'LL5001', source: 'layerlab', severity: 'info', lines: [i.startLine],
        title: '실행할 때마다 결과가 달라지는 RUN',
        explanation: 'BuildKit은 RUN을 출력이 아니라 명령 문자열로 캐시합니다. 그래서 이 단계는 다음 빌드에서 CACHED가 되고, 기록된 값은 처음 빌드한 때에 멈춰 있습니다. 매번 다시 실행되게 하려고 빌드 인자를 바꾸면(ARG CACHEBUST) 그 아래 모든 단계의 캐시가 깨집니다.',
        fix: '빌드 시각 같은 값은 컨테이너가 시작할 때 만드세요 (CMD/ENTRYPOINT 스크립트). 꼭 이미지에 넣어야 하면 Dockerfile 맨 끝에 두세요.',
      });
    }
  }
  return out;
};
