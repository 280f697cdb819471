/**
 * The familiar (short) forms the docker CLI prints (normalize.go `familiarizeName`): drop
 * `docker.io/`, and drop `library/` only when a single component remains — so
 * `docker.io/library/foo/bar` stays `library/foo/bar`.
 */
import { DEFAULT_DOMAIN, OFFICIAL_REPOSITORY_PREFIX } from './limits';
import { formatReference, joinName } from './parseRawReference';

export function familiarizeName(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return joinName(domain, path);
  if (path.startsWith(OFFICIAL_REPOSITORY_PREFIX)) {
    const rest = path.slice(OFFICIAL_REPOSITORY_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return path;
}

/** `FamiliarName`: `docker.io/library/nginx:1.25` → `nginx`. */
export function familiarName(reference: { readonly domain: string; readonly path: string }): string {
  return familiarizeName(reference.domain, reference.path);
}

/** `FamiliarString`: the familiar name with the tag and digest kept: `nginx:1.25`. */
export function familiarString(reference: {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string | undefined;
  readonly digest?: string | undefined;
}): string {
  return formatReference(familiarName(reference), reference.tag, reference.digest);
}
