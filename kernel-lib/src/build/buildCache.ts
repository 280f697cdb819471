/**
 * The build cache: records kept in the engine across builds (key → the layer the step made, its
 * output and time), and their export to / import from a registry (`--cache-to` / `--cache-from
 * type=registry`), so that a clean engine — a CI runner — can reuse another's results.
 *
 * The registry form follows BuildKit's registry cache: an OCI manifest whose config blob
 * (`application/vnd.buildkit.cacheconfig.v0`) lists the records and whose layers are the
 * records' layer blobs.
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import { layerFromBlob, type Layer } from '../layer/Layer';
import { blobBytes, blobFromLayer } from '../registry/RegistryBlob';
import type { Registries } from '../registry/Registries';

export interface CacheRecord {
  readonly layer: Layer;
  /** When the step ran (history `created` of its entry). */
  createdMs: number;
  readonly createdBy: string;
  readonly output: readonly string[];
  /** Seconds it took when it ran. */
  readonly seconds: number;
}

const PREFIX = 'step:';
export const CACHE_CONFIG_MEDIA_TYPE = 'application/vnd.buildkit.cacheconfig.v0';

export function readRecord(cache: ReadonlyMap<string, unknown>, key: string): CacheRecord | undefined {
  return cache.get(PREFIX + key) as CacheRecord | undefined;
}

export function writeRecord(cache: Map<string, unknown>, key: string, record: CacheRecord): void {
  cache.set(PREFIX + key, record);
}

/** Number of step records in a cache (for `docker builder du`-like views). */
export function cacheRecordCount(cache: ReadonlyMap<string, unknown>): number {
  let n = 0;
  for (const key of cache.keys()) if (key.startsWith(PREFIX)) n++;
  return n;
}

/** Pushes the records `keys` to `ref` (`localhost:5000/app:buildcache`). Returns bytes uploaded. */
export function exportCache(registries: Registries, ref: string, cache: ReadonlyMap<string, unknown>, keys: readonly string[]): number {
  const { registry, repository, reference } = registries.locate(ref);
  let bytes = 0;
  const records: { key: string; layer: Digest; diffId: Digest; createdMs: number; createdBy: string; output: readonly string[]; seconds: number }[] = [];
  const layers: { mediaType: string; digest: Digest; size: number }[] = [];
  for (const key of [...new Set(keys)]) {
    const record = readRecord(cache, key);
    if (record === undefined) continue;
    if (!registry.hasBlob(repository, record.layer.digest)) bytes += registry.putBlob(repository, blobFromLayer(record.layer), record.layer.digest).size;
    if (!layers.some((l) => l.digest === record.layer.digest)) layers.push({ mediaType: record.layer.mediaType, digest: record.layer.digest, size: record.layer.compressedSize });
    records.push({ key, layer: record.layer.digest, diffId: record.layer.diffId, createdMs: record.createdMs, createdBy: record.createdBy, output: record.output, seconds: record.seconds });
  }
  const config = new TextEncoder().encode(JSON.stringify({ records }));
  const configDigest = sha256(config);
  bytes += registry.putBlob(repository, config, configDigest).size;
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: CACHE_CONFIG_MEDIA_TYPE, digest: configDigest, size: config.byteLength },
      layers,
    }),
  );
  registry.putManifest(repository, reference.tag ?? 'latest', manifest, 'application/vnd.oci.image.manifest.v1+json');
  return bytes + manifest.byteLength;
}

/** Pulls the records at `ref` into `cache` (missing reference: nothing imported, as BuildKit warns and goes on). */
export function importCache(registries: Registries, ref: string, cache: Map<string, unknown>): number {
  const { registry, repository, reference } = registries.locate(ref);
  const tag = reference.tag ?? 'latest';
  if (registry.resolveManifest(repository, tag) === undefined) return 0;
  const stored = registry.getManifest(repository, tag);
  const manifest = JSON.parse(new TextDecoder().decode(stored.bytes)) as { config: { digest: Digest } };
  const config = JSON.parse(new TextDecoder().decode(blobBytes(registry.getBlob(repository, manifest.config.digest)))) as {
    records: { key: string; layer: Digest; createdMs: number; createdBy: string; output: string[]; seconds: number }[];
  };
  let imported = 0;
  for (const r of config.records) {
    if (readRecord(cache, r.key) !== undefined) continue;
    const blob = registry.getBlob(repository, r.layer);
    const layer = (blob.layer as Layer | undefined) ?? layerFromBlob(blobBytes(blob));
    writeRecord(cache, r.key, { layer, createdMs: r.createdMs, createdBy: r.createdBy, output: r.output, seconds: r.seconds });
    imported++;
  }
  return imported;
}
