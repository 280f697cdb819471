/**
 * What a stage carries from one instruction to the next: the image so far, the cache key of the
 * last operation, the environment RUN sees (the image's Env plus every ARG with a value, BuildKit's
 * LLB state env), the ARGs declared in the stage, the working directory, user and shell.
 */
import type { Image } from '../image/Image';
import type { ImageRunConfig } from '../image/ImageConfig';
import type { FileSystem } from '../unionfs/FileSystem';

export interface StageState {
  image: Image;
  key: string;
  /** Ordered name → value: the image's Env, then ARG values (BuildKit adds them to the LLB env). */
  env: Map<string, string>;
  /** ARGs declared in this stage, in order, with their values (for `RUN |N K=V …`). */
  args: { key: string; value: string | undefined }[];
  cwd: string;
  user: string;
  shell: readonly string[];
  /** Whether CMD was set in this stage (ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  /** Time of the last layer-producing step (history `created` of later metadata entries). */
  lastLayerMs: number;
}

export const DEFAULT_SHELL: readonly string[] = Object.freeze(['/bin/sh', '-c']);
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function envFromConfig(config: ImageRunConfig): Map<string, string> {
  const env = new Map<string, string>();
  for (const item of config.Env ?? []) {
    const eq = item.indexOf('=');
    env.set(eq < 0 ? item : item.slice(0, eq), eq < 0 ? '' : item.slice(eq + 1));
  }
  return env;
}

/** Replaces `key` in a Docker Env list in place, or appends it (BuildKit addEnv). */
export function setEnvList(list: readonly string[], key: string, value: string): string[] {
  const out = [...list];
  const index = out.findIndex((item) => (item.includes('=') ? item.slice(0, item.indexOf('=')) : item) === key);
  if (index >= 0) out[index] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

/** Cleans an absolute path ("/a/./b/../c/" → "/a/c"). */
export function cleanAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** A path relative to the working directory, made absolute. */
export function resolvePath(cwd: string, path: string): string {
  return cleanAbsolute(path.startsWith('/') ? path : `${cwd}/${path}`);
}

function lookupId(fs: FileSystem, file: string, name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const line of fs.readFile(file).text().split('\n')) {
      const fields = line.split(':');
      if (fields[0] === name && fields[2] !== undefined && /^\d+$/.test(fields[2])) return Number(fields[2]);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** `user[:group]` → uid/gid using the filesystem's /etc/passwd and /etc/group. */
export function resolveOwner(fs: FileSystem, spec: string): { uid: number; gid: number } | undefined {
  if (spec === '') return { uid: 0, gid: 0 };
  const [user, group] = spec.split(':') as [string, string | undefined];
  const uid = lookupId(fs, '/etc/passwd', user);
  if (uid === undefined) return undefined;
  let gid: number | undefined;
  if (group !== undefined) gid = lookupId(fs, '/etc/group', group);
  else {
    // The user's primary group from /etc/passwd, else the same number as the uid.
    try {
      const line = fs.readFile('/etc/passwd').text().split('\n').find((l) => l.split(':')[0] === user || l.split(':')[2] === user);
      const g = line?.split(':')[3];
      gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : uid;
    } catch {
      gid = uid;
    }
  }
  return gid === undefined ? undefined : { uid, gid };
}
