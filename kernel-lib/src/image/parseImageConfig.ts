/**
 * Reads config bytes written by any tool (Docker, BuildKit, buildah, umoci …). Only what the
 * spec requires is checked (config.md: `architecture`, `os`, `rootfs.type == "layers"`,
 * `rootfs.diff_ids` as digests); unknown fields are kept, `null` means absent.
 */
import { parseDigest, type Digest } from '../digest/Digest';
import { InvalidImageError } from './ImageError';
import type { ImageConfigFile } from './ImageConfig';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops `null` members recursively (config.md: "any optional field may be null, meaning absent"). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== null) out[key] = withoutNulls(member);
    return out;
  }
  return value;
}

export function parseImageConfig(bytes: Uint8Array): ImageConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new InvalidImageError(`the config is not JSON (${(cause as Error).message})`);
  }
  if (!isRecord(parsed)) throw new InvalidImageError('the config is not a JSON object');
  const doc = withoutNulls(parsed) as Record<string, unknown>;
  for (const field of ['architecture', 'os'] as const) {
    if (typeof doc[field] !== 'string') throw new InvalidImageError(`the config has no "${field}" string`, { field });
  }
  const rootfs = doc['rootfs'];
  if (!isRecord(rootfs) || rootfs['type'] !== 'layers') {
    throw new InvalidImageError('the config\'s rootfs.type must be "layers"');
  }
  const rawDiffIds = rootfs['diff_ids'] ?? [];
  if (!Array.isArray(rawDiffIds)) throw new InvalidImageError('the config\'s rootfs.diff_ids is not a list');
  const diffIds: Digest[] = rawDiffIds.map((value) => parseDigest(String(value)));
  if (doc['history'] !== undefined && !Array.isArray(doc['history'])) {
    throw new InvalidImageError('the config\'s history is not a list');
  }
  if (doc['config'] !== undefined && !isRecord(doc['config'])) {
    throw new InvalidImageError('the config\'s "config" member is not an object');
  }
  return { ...doc, rootfs: { type: 'layers', diff_ids: diffIds } } as unknown as ImageConfigFile;
}
