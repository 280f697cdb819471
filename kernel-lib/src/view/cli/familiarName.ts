/**
 * The familiar (short) form the CLI prints in REPOSITORY columns: `docker.io/library/nginx` →
 * `nginx`, `docker.io/user/app` → `user/app`, other registries unchanged (distribution/reference
 * FamiliarName). Only what the tables need; full parsing lives in `reference`.
 */
export function familiarRepository(name: string): string {
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/']) {
    if (name.startsWith(prefix) && !name.slice(prefix.length).includes('/')) return name.slice(prefix.length);
  }
  for (const prefix of ['docker.io/', 'index.docker.io/']) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

/** Split "repo:tag" (the tag is after the last ':' that follows the last '/'). */
export function splitRepoTag(ref: string): { repository: string; tag: string | undefined } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repository: ref, tag: undefined };
}

/** Split "repo@sha256:…". */
export function splitRepoDigest(ref: string): { repository: string; digest: string | undefined } {
  const at = ref.indexOf('@');
  return at >= 0 ? { repository: ref.slice(0, at), digest: ref.slice(at + 1) } : { repository: ref, digest: undefined };
}
