import type { Finding } from './Finding';
import type { LintRule, RuleContext } from './RuleContext';

function imageOf(ctx: RuleContext, image: string): { name: string; tag: string | undefined; digest: boolean } | undefined {
  if (image === 'scratch' || image.includes('$') || ctx.stageRefs.has(image.toLowerCase())) return undefined;
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return { name: colon > slash ? ref.slice(0, colon) : ref, tag: colon > slash ? ref.slice(colon + 1) : undefined, digest: at >= 0 };
}

/** hadolint DL3006 (no tag) and DL3007 (`:latest`): the base can change under you. */
export const pinnedBaseRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    const img = imageOf(ctx, s.from.image);
    if (!img || img.digest) continue;
    if (img.tag === undefined) {
      out.push({
        rule: 'DL3006', source: 'hadolint', severity: 'warning', lines: [s.from.startLine],
        title: '베이스 이미지에 태그가 없음',
        explanation: `FROM ${s.from.image}는 태그를 생략해서 ${img.name}:latest로 해석됩니다. latest는 새 버전이 나올 때마다 다른 이미지를 가리키므로, 같은 Dockerfile이 날마다 다른 결과를 만들고 캐시도 예고 없이 깨집니다.`,
        fix: `버전 태그를 적으세요 (예: ${img.name}:18-slim). 완전히 고정하려면 다이제스트로: ${img.name}@sha256:…`,
      });
    } else if (img.tag === 'latest') {
      out.push({
        rule: 'DL3007', source: 'hadolint', severity: 'warning', lines: [s.from.startLine],
        title: 'latest 태그 사용',
        explanation: `${s.from.image}의 latest는 움직이는 태그입니다. 오늘과 다음 달의 빌드가 서로 다른 베이스 위에서 만들어질 수 있습니다.`,
        fix: `구체적인 버전 태그(또는 @sha256 다이제스트)로 바꾸세요.`,
      });
    }
  }
  return out;
};

/** Full-size bases with a slimmer official variant (seed checklist: "alpine 또는 slim 버전 사용"). */
const SLIMMER: ReadonlyArray<[RegExp, (tag: string) => string]> = [
  [/^(node|python|ruby|php|openjdk|golang|perl)$/, (t) => `${t}-slim 또는 ${t}-alpine`],
  [/^debian$/, (t) => `${t}-slim`],
];

export const fullBaseRule: LintRule = (ctx) => {
  const s = ctx.finalStage;
  const img = imageOf(ctx, s.from.image);
  if (!img) return [];
  const name = img.name.replace(/^(docker\.io\/)?(library\/)?/, '');
  const tag = img.tag ?? 'latest';
  if (/(slim|alpine|distroless|minimal)/.test(tag)) return [];
  for (const [re, suggest] of SLIMMER) {
    if (!re.test(name)) continue;
    return [{
      rule: 'LL1001', source: 'layerlab', severity: 'info', lines: [s.from.startLine],
      title: '최종 이미지의 베이스가 큼',
      explanation: `${name}:${tag}는 컴파일러와 빌드 도구까지 담은 전체 이미지입니다. 실행에 필요 없는 수백 MB가 최종 이미지에 그대로 들어갑니다. (alpine은 glibc 대신 musl을 써서 네이티브 모듈이 다르게 동작할 수 있으니 확인하세요.)`,
      fix: `실행 단계의 베이스를 ${name}:${suggest(tag === 'latest' ? 'lts' : tag)}로 바꾸거나, 빌드는 전체 이미지에서 하고 결과만 작은 이미지로 복사하는 멀티 스테이지 빌드를 쓰세요.`,
    }];
  }
  return [];
};
