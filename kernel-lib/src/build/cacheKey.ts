/**
 * Cache keys of build steps.
 *
 * BuildKit (OCI-FACTS §5.2): a step's key is the digest of its operation's definition combined
 * with the keys of its inputs and, for content-based inputs (COPY/ADD sources, bind mounts), a
 * checksum of the selected content. RUN's definition holds argv, env (every ARG with a value is in
 * it), cwd, user, network, security and mounts — but not a cache mount's contents nor a secret's
 * value; COPY's holds dest, owner, mode and the source checksum (which ignores mtime and owner).
 * Metadata instructions (LABEL, EXPOSE, CMD …) have no operation, so they change no key.
 *
 * The classic builder (§5.1): a step is keyed by its parent image and the whole resulting config,
 * whose Cmd embeds the instruction text — so any change, metadata included, misses every later
 * step.
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';

/** JSON with object keys sorted, so equal definitions hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The key of a step: its operation over its parent's key (and other inputs' keys). */
export function stepCacheKey(parent: string, op: Readonly<Record<string, unknown>>, inputs: readonly string[] = []): Digest {
  return sha256(canonicalJson({ parent, op, inputs }));
}

/** The key of a stage's starting point: the base image pinned by its ID (name@digest in BuildKit). */
export function baseCacheKey(imageId: string, platform = 'linux/amd64'): Digest {
  return sha256(canonicalJson({ op: 'source', image: imageId, platform }));
}
