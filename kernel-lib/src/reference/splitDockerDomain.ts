/**
 * `splitDockerDomain` of distribution/reference (normalize.go): decide whether the first component
 * of what the user typed is a registry host, and apply Docker Hub's defaults.
 *
 * The first component is a domain when it is `localhost`, `index.docker.io` (rewritten to
 * `docker.io`), contains `.` or `:`, or contains an uppercase letter (upstream treats that as a
 * domain because namespaces cannot be uppercase). A text without `/` is always a Docker Hub name,
 * so `localhost` alone is `docker.io/library/localhost` and `host:80` is `library/host` tagged `80`.
 */
import { DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN, LOCALHOST, OFFICIAL_REPOSITORY_PREFIX } from './limits';

export interface DockerDomainSplit {
  readonly domain: string;
  /** The rest of the text: path, and any `:tag` / `@digest` still attached. */
  readonly remainder: string;
}

export function splitDockerDomain(text: string): DockerDomainSplit {
  const slash = text.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPOSITORY_PREFIX + text };
  const first = text.slice(0, slash);
  const rest = text.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === LOCALHOST) {
    [domain, remainder] = [first, rest];
  } else if (first === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (first.includes('.') || first.includes(':')) {
    [domain, remainder] = [first, rest];
  } else if (first.toLowerCase() !== first) {
    [domain, remainder] = [first, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, text];
  }
  // Only Docker Hub gets the official-images namespace, and only for one-component paths.
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPOSITORY_PREFIX + remainder;
  return { domain, remainder };
}
