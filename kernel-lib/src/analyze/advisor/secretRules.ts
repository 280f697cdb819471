import type { Finding } from './Finding';
import type { LintRule } from './RuleContext';

/** File names that usually hold credentials. */
export function looksLikeSecretFile(path: string): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  if (/\.pub$/.test(base)) return false;
  return /^(id_rsa|id_dsa|id_ecdsa|id_ed25519)$/.test(base) || /\.(key|pem|p12|pfx|jks|keystore)$/i.test(base) ||
    /^\.env(\..+)?$/.test(base) || /secret/i.test(base) || /credential/i.test(base) || /^\.(npmrc|netrc|pypirc|git-credentials)$/.test(base) ||
    /(^|\/)\.(ssh|aws|docker)\//.test(path);
}

/**
 * A secret copied into a layer (seed 002 anti-pattern 3): COPY/ADD of a key or credentials file.
 * Deleting it later only hides it; the COPY layer keeps the bytes and `docker save` reveals them.
 */
export const secretCopyRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.dockerfile.stages) {
    for (const i of s.instructions) {
      if ((i.kind !== 'COPY' && i.kind !== 'ADD') || i.from !== undefined) continue;
      const secrets = i.sources.filter(looksLikeSecretFile);
      if (secrets.length === 0) continue;
      out.push({
        rule: 'LL4001', source: 'layerlab', severity: 'error', lines: [i.startLine],
        title: '비밀 파일을 레이어에 복사함',
        explanation: `${secrets.join(', ')}이(가) 이 COPY의 레이어에 저장됩니다. 나중에 rm으로 지워도 그 레이어에는 남아 있어서, 이미지를 받은 누구나 docker save로 꺼내 볼 수 있습니다.`,
        fix: 'BuildKit 시크릿 마운트를 쓰세요: `RUN --mount=type=secret,id=mysecret 명령 /run/secrets/mysecret` 그리고 `docker build --secret id=mysecret,src=secret.key`. 시크릿은 그 RUN 동안에만 보이고 어떤 레이어에도 남지 않습니다.',
      });
    }
  }
  return out;
};

// BuildKit's SecretsUsedInArgOrEnv check (frontend/dockerfile/dockerfile2llb): a secret token as a
// whole word of the variable name, unless an allow token is one too.
const SECRET_WORD = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW_WORD = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function isSecretVariableName(name: string): boolean {
  return SECRET_WORD.test(name) && !ALLOW_WORD.test(name);
}

/** BuildKit check SecretsUsedInArgOrEnv: ARG/ENV values stay in the image config and history. */
export const secretArgEnvRule: LintRule = (ctx) => {
  const out: Finding[] = [];
  for (const i of ctx.dockerfile.instructions) {
    const keys = i.kind === 'ARG' ? i.args.map((a) => a.key) : i.kind === 'ENV' ? i.env.map((e) => e.key) : [];
    for (const key of keys.filter(isSecretVariableName)) {
      out.push({
        rule: 'SecretsUsedInArgOrEnv', source: 'buildkit', severity: 'warning', lines: [i.startLine],
        title: `${i.kind} ${key}에 비밀 값`,
        explanation: `${i.kind} 값은 이미지 설정(config)과 docker history에 그대로 기록되어 누구나 docker inspect로 볼 수 있습니다.`,
        fix: '빌드 중에만 필요하면 `RUN --mount=type=secret`, 실행 중에 필요하면 컨테이너를 띄울 때 환경 변수나 시크릿으로 넘기세요.',
      });
    }
  }
  return out;
};
