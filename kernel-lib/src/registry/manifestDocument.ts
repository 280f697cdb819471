/**
 * Reads what a registry must understand of a manifest it is given: whether it is an image manifest
 * (config + layers) or an index (manifests), and which blobs or child manifests it references.
 * The bytes themselves are stored verbatim (distribution-spec: a registry MUST NOT re-serialise).
 */
import { parseDigest, type Digest } from '../digest/Digest';
import { RegistryError } from './RegistryError';

export interface RegistryDescriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly platform?: { readonly os: string; readonly architecture: string; readonly variant?: string };
}

export type ManifestDocument =
  | { readonly kind: 'image'; readonly mediaType: string; readonly config: RegistryDescriptor; readonly layers: readonly RegistryDescriptor[] }
  | { readonly kind: 'index'; readonly mediaType: string; readonly manifests: readonly RegistryDescriptor[] };

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

function invalid(reason: string): RegistryError {
  return new RegistryError('MANIFEST_INVALID', `manifest invalid: ${reason}`, { reason }, '매니페스트 형식이 올바르지 않습니다.');
}

function descriptor(value: unknown, where: string): RegistryDescriptor {
  if (typeof value !== 'object' || value === null) throw invalid(`${where} is not a descriptor`);
  const d = value as Record<string, unknown>;
  if (typeof d.digest !== 'string' || typeof d.size !== 'number' || typeof d.mediaType !== 'string') {
    throw invalid(`${where} needs mediaType, digest and size`);
  }
  let digest: Digest;
  try {
    digest = parseDigest(d.digest);
  } catch {
    throw invalid(`${where} has an invalid digest ${JSON.stringify(d.digest)}`);
  }
  const p = d.platform as Record<string, unknown> | undefined;
  const platform =
    p !== undefined && typeof p.os === 'string' && typeof p.architecture === 'string'
      ? { os: p.os, architecture: p.architecture, ...(typeof p.variant === 'string' ? { variant: p.variant } : {}) }
      : undefined;
  return Object.freeze({ mediaType: d.mediaType, digest, size: d.size, ...(platform === undefined ? {} : { platform }) });
}

/** Parses manifest bytes; `mediaType` is the Content-Type sent with them, used when the JSON has none. */
export function readManifestDocument(bytes: Uint8Array, mediaType?: string): ManifestDocument {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalid('not JSON');
  }
  if (typeof json !== 'object' || json === null) throw invalid('not a JSON object');
  const m = json as Record<string, unknown>;
  if (m.schemaVersion !== 2) throw invalid('schemaVersion must be 2');
  const type = typeof m.mediaType === 'string' ? m.mediaType : (mediaType ?? '');
  if (Array.isArray(m.manifests) || INDEX_TYPES.has(type)) {
    if (!Array.isArray(m.manifests)) throw invalid('an index needs "manifests"');
    const manifests = m.manifests.map((d, i) => descriptor(d, `manifests[${i}]`));
    return Object.freeze({ kind: 'index', mediaType: type, manifests: Object.freeze(manifests) });
  }
  const layers = Array.isArray(m.layers) ? m.layers.map((d, i) => descriptor(d, `layers[${i}]`)) : [];
  return Object.freeze({ kind: 'image', mediaType: type, config: descriptor(m.config, 'config'), layers: Object.freeze(layers) });
}
