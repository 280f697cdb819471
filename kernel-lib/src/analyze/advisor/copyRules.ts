import type { CopyInstruction } from '../../dockerfile/instructions';
import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';
import { commandsOf, isDependencyInstall } from './shellCommands';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.lz|tlz|tar\.lzma|tar\.zst|tzst|tar\.Z|tZ|gz|bz2|xz|lz|lzma|zst|Z)$/i;
const URL = /^(https?|git):\/\/|^git@|\.git(#.*)?$/;

/** hadolint DL3020: ADD for plain files and folders — COPY says exactly what happens. */
export const addForCopyRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    for (const i of s.instructions) {
      if (i.kind !== 'ADD' || i.sources.length === 0) continue;
      if (i.sources.some((src) => ARCHIVE.test(src) || URL.test(src))) continue;
      out.push({
        rule: 'DL3020', source: 'hadolint', severity: 'error', lines: [i.startLine],
        title: '파일 복사에 ADD 사용',
        explanation: 'ADD는 로컬 tar 파일을 자동으로 풀고 URL을 내려받는 등 숨은 동작이 있습니다. 평범한 파일과 폴더에는 동작이 분명한 COPY가 맞습니다.',
        fix: `\`COPY ${i.sourceArgs.join(' ')} ${i.dest}\``,
      });
    }
  }
  return out;
};

function isBroadCopy(i: CopyInstruction): boolean {
  return i.from === undefined && i.sources.some((src) => src === '.' || src === './' || src === '*' || src === './*');
}

/**
 * The whole build context copied before the dependency install (seed 002 §4 bad order; COVERAGE
 * 06.19–06.20): any source edit changes the COPY checksum, so the install below misses every time.
 */
export const copyBeforeInstallRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    let broad: CopyInstruction | undefined;
    for (const i of s.instructions) {
      if ((i.kind === 'COPY' || i.kind === 'ADD') && isBroadCopy(i)) { broad ??= i; continue; }
      if (i.kind !== 'RUN' || !broad) continue;
      const install = commandsOf(i).find(isDependencyInstall);
      if (!install) continue;
      out.push({
        rule: 'LL3001', source: 'layerlab', severity: 'warning', lines: [broad.startLine, i.startLine],
        title: '의존성 설치보다 소스 전체 COPY가 먼저',
        explanation: `${broad.original}는 소스 파일 하나만 바뀌어도 캐시가 깨집니다. 그 아래의 \`${install.join(' ')}\`도 매번 처음부터 다시 실행됩니다.`,
        fix: '의존성 목록 파일만 먼저 복사해 설치하고(예: `COPY package*.json ./` → `RUN npm ci`), 소스 전체 COPY는 그 뒤에 두세요.',
      });
      broad = undefined;
    }
  }
  return out;
};

/** `COPY . .` with no `.dockerignore`: node_modules, .git and local secrets ride along (COVERAGE 06.27–06.28). */
export const noDockerignoreRule: LintRule = (ctx) => {
  if (ctx.hasDockerignore !== false) return [];
  const broad = ctx.dockerfile.stages.flatMap((s) => s.instructions).find((i): i is CopyInstruction => (i.kind === 'COPY' || i.kind === 'ADD') && isBroadCopy(i));
  if (!broad) return [];
  const heavy = (ctx.contextPaths ?? []).filter((p) => /^(node_modules|\.git|__pycache__|dist|build|\.venv)(\/|$)/.test(p));
  return [{
    rule: 'LL3002', source: 'layerlab', severity: 'warning', lines: [broad.startLine],
    title: '.dockerignore 없이 컨텍스트 전체를 COPY',
    explanation: `.dockerignore가 없으면 빌드 컨텍스트의 모든 파일이 데몬으로 전송되고 이미지에 복사됩니다${heavy.length ? ` (예: ${[...new Set(heavy.map((p) => p.split('/')[0]))].join(', ')})` : ''}. 호스트의 node_modules가 설치 결과를 덮어쓰거나, .git과 .env 같은 파일이 이미지에 들어갈 수 있습니다.`,
    fix: '.dockerignore를 만들고 node_modules, .git, .env, 빌드 결과물 등을 적으세요.',
  }];
};
