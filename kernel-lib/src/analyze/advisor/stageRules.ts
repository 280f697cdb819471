import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';
import { commandsOf } from './shellCommands';

const BUILD_TOOLS = /^(build-essential|gcc|g\+\+|make|clang|cmake|golang|golang-go|openjdk-\d+-jdk|maven|gradle|python3?-dev|libc6?-dev|musl-dev)$/;

/**
 * Build tools or build steps in the final stage of a single-stage build (COVERAGE 06.26, 06.29):
 * compilers and sources ship in the image. A multi-stage build leaves them in the builder stage.
 */
export const buildToolsInFinalRule: LintRule = (ctx) => {
  const s = ctx.finalStage;
  const lines: number[] = [];
  const what = new Set<string>();
  for (const i of s.instructions) {
    if (i.kind !== 'RUN') continue;
    for (const c of commandsOf(i)) {
      const installs = (c[0] === 'apt-get' || c[0] === 'apt' || c[0] === 'apk' || c[0] === 'yum' || c[0] === 'dnf') && (c.includes('install') || c.includes('add'));
      const tools = installs ? c.filter((w) => BUILD_TOOLS.test(w)) : [];
      const builds = (c[0] === 'npm' && c[1] === 'run' && c[2] === 'build') || (c[0] === 'go' && c[1] === 'build') || (c[0] === 'mvn' && c.includes('package')) || (c[0] === 'make' && c.length <= 2);
      if (tools.length || builds) { lines.push(i.startLine); for (const t of tools) what.add(t); if (builds) what.add(c.slice(0, 3).join(' ')); }
    }
  }
  if (lines.length === 0 || ctx.dockerfile.stages.length > 1 && s.instructions.some((i) => (i.kind === 'COPY' || i.kind === 'ADD') && i.from !== undefined)) return [];
  return [{
    rule: 'LL6001', source: 'layerlab', severity: 'info', lines: [...new Set(lines)],
    title: '빌드 도구가 최종 이미지에 들어감',
    explanation: `${[...what].join(', ')}은(는) 빌드할 때만 필요합니다. 한 스테이지로 빌드하면 컴파일러, 소스, 중간 결과물이 모두 최종 이미지에 남아 크기가 커지고 공격 표면도 넓어집니다.`,
    fix: '멀티 스테이지 빌드로 나누세요: `FROM … AS builder`에서 빌드하고, 작은 베이스의 최종 스테이지에는 `COPY --from=builder`로 결과물만 복사합니다.',
  }];
};
