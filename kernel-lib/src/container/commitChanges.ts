/**
 * `docker commit --change '<instruction>'`: Dockerfile instructions applied to the committed image's
 * config (moby daemon/commit.go → dockerfile.BuildFromConfig; the CLI allows CMD, ENTRYPOINT, ENV,
 * EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR). Words are expanded with the config's Env, as the
 * builder does; a shell-form CMD/ENTRYPOINT becomes `/bin/sh -c "<text>"`.
 */
import { LayerlabError } from '../errors/LayerlabError';
import type { ImageRunConfig } from '../image/ImageConfig';
import { parseDockerfile } from '../dockerfile/parseDockerfile';
import { DockerfileShellLex } from '../dockerfile/shellLex';

const ALLOWED = new Set(['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'ONBUILD', 'USER', 'VOLUME', 'WORKDIR']);

/** A `--change` docker refuses: `… is not a valid change command`. */
export class InvalidCommitChangeError extends LayerlabError {
  constructor(change: string, kind: string) {
    super('InvalidCommitChange', `${kind.toLowerCase()} is not a valid change command`, {
      data: { change, allowed: [...ALLOWED] },
      hint: `commit의 changes에는 ${[...ALLOWED].join(', ')}만 쓸 수 있습니다.`,
    });
  }
}

function envMap(env: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of env ?? []) {
    const eq = kv.indexOf('=');
    out[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? '' : kv.slice(eq + 1);
  }
  return out;
}

/** The run config after the `changes` (each one Dockerfile instruction line). */
export function applyCommitChanges(config: ImageRunConfig, changes: readonly string[]): ImageRunConfig {
  if (changes.length === 0) return config;
  const parsed = parseDockerfile(`FROM scratch\n${changes.join('\n')}\n`);
  const lex = new DockerfileShellLex(parsed.escapeToken);
  const next: Record<string, unknown> = { ...config };
  for (const instruction of parsed.instructions.slice(1)) {
    if (!ALLOWED.has(instruction.kind)) throw new InvalidCommitChangeError(instruction.original, instruction.kind);
    const env = envMap(next.Env as readonly string[] | undefined);
    switch (instruction.kind) {
      case 'CMD':
      case 'ENTRYPOINT': {
        const line = instruction.prependShell ? ['/bin/sh', '-c', ...instruction.cmdLine] : [...instruction.cmdLine];
        next[instruction.kind === 'CMD' ? 'Cmd' : 'Entrypoint'] = line;
        break;
      }
      case 'ENV': {
        const list = [...((next.Env as readonly string[] | undefined) ?? [])];
        for (const { key, value } of instruction.env) {
          const v = lex.processWord(value, env);
          env[key] = v;
          const at = list.findIndex((kv) => kv.startsWith(`${key}=`));
          if (at >= 0) list[at] = `${key}=${v}`;
          else list.push(`${key}=${v}`);
        }
        next.Env = list;
        break;
      }
      case 'LABEL': {
        const labels = { ...((next.Labels as Record<string, string> | undefined) ?? {}) };
        for (const { key, value } of instruction.labels) labels[lex.processWord(key, env)] = lex.processWord(value, env);
        next.Labels = labels;
        break;
      }
      case 'EXPOSE': {
        const ports = { ...((next.ExposedPorts as Record<string, Record<string, never>> | undefined) ?? {}) };
        for (const p of instruction.ports.flatMap((w) => lex.processWords(w, env))) ports[p.includes('/') ? p.toLowerCase() : `${p}/tcp`] = {};
        next.ExposedPorts = ports;
        break;
      }
      case 'VOLUME': {
        const volumes = { ...((next.Volumes as Record<string, Record<string, never>> | undefined) ?? {}) };
        for (const v of instruction.volumes) volumes[lex.processWord(v, env)] = {};
        next.Volumes = volumes;
        break;
      }
      case 'USER':
        next.User = lex.processWord(instruction.user, env);
        break;
      case 'WORKDIR': {
        const dir = lex.processWord(instruction.path, env);
        const base = (next.WorkingDir as string | undefined) ?? '/';
        next.WorkingDir = dir.startsWith('/') ? dir : `${base.replace(/\/$/, '')}/${dir}`;
        break;
      }
      case 'ONBUILD':
        next.OnBuild = [...((next.OnBuild as readonly string[] | undefined) ?? []), instruction.original.replace(/^\s*onbuild\s+/i, '')];
        break;
    }
  }
  return next as ImageRunConfig;
}
