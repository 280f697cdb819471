/**
 * Descriptors, image manifests and indexes (OCI image-spec descriptor.md, manifest.md,
 * image-index.md; Docker image manifest v2 schema 2), and their exact serialisations.
 *
 * The same manifest has different bytes — hence different digests — depending on who wrote it:
 *  - `'buildkit'`: BuildKit's image exporter (exporter/containerimage/writer.go): `mediaType` first,
 *    then `schemaVersion`, `config`, `layers`, `annotations`; two-space indent; OCI descriptor order
 *    (`mediaType, digest, size, …`).
 *  - `'distribution'`: `docker push` from the classic store (distribution manifest/schema2
 *    `FromStruct` → `json.MarshalIndent(m, "", "   ")`): `schemaVersion, mediaType, config, layers`,
 *    three-space indent, descriptors as `mediaType, size, digest`.
 *  - `'compact'`: `json.Marshal` of ocispec structs, as `docker save` writes its synthesized manifest
 *    and index.json (moby tarexport/save.go): `schemaVersion, mediaType, …`, no whitespace.
 */
import type { Digest } from '../digest/Digest';
import { goJsonStringify, goMap, type GoJsonValue } from './goJson';

export interface OciPlatform {
  readonly architecture: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly 'os.features'?: readonly string[];
  readonly variant?: string;
}

export interface OciDescriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly urls?: readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
  /** base64 of the exact content (descriptor.md "data"). */
  readonly data?: string;
  readonly platform?: OciPlatform;
  readonly artifactType?: string;
}

export interface ImageManifest {
  readonly schemaVersion: 2;
  readonly mediaType: string;
  readonly config: OciDescriptor;
  readonly layers: readonly OciDescriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType?: string;
  readonly manifests: readonly OciDescriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export type ManifestStyle = 'buildkit' | 'distribution' | 'compact';

function platformJson(p: OciPlatform | undefined): GoJsonValue {
  if (p === undefined) return undefined;
  return {
    architecture: p.architecture,
    os: p.os,
    'os.version': p['os.version'] || undefined,
    'os.features': p['os.features'] !== undefined && p['os.features'].length > 0 ? p['os.features'] : undefined,
    variant: p.variant || undefined,
  };
}

/** A descriptor in `ocispec.Descriptor` field order. */
export function ociDescriptorJson(d: OciDescriptor): GoJsonValue {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    urls: d.urls !== undefined && d.urls.length > 0 ? d.urls : undefined,
    annotations: goMap(d.annotations),
    data: d.data,
    platform: platformJson(d.platform),
    artifactType: d.artifactType,
  };
}

/** A descriptor in docker/distribution's `distribution.Descriptor` field order (size before digest). */
export function distributionDescriptorJson(d: OciDescriptor): GoJsonValue {
  return {
    mediaType: d.mediaType,
    size: d.size,
    digest: d.digest,
    urls: d.urls !== undefined && d.urls.length > 0 ? d.urls : undefined,
    annotations: goMap(d.annotations),
    platform: platformJson(d.platform),
  };
}

/** The manifest as text in the given writer's style (see the file comment). */
export function imageManifestJson(manifest: ImageManifest, style: ManifestStyle): string {
  if (style === 'distribution') {
    return goJsonStringify(
      {
        schemaVersion: manifest.schemaVersion,
        mediaType: manifest.mediaType,
        config: distributionDescriptorJson(manifest.config),
        layers: manifest.layers.map(distributionDescriptorJson),
      },
      '   ',
    );
  }
  if (style === 'buildkit') {
    return goJsonStringify(
      {
        mediaType: manifest.mediaType,
        schemaVersion: manifest.schemaVersion,
        config: ociDescriptorJson(manifest.config),
        layers: manifest.layers.map(ociDescriptorJson),
        annotations: goMap(manifest.annotations),
      },
      '  ',
    );
  }
  return goJsonStringify({
    schemaVersion: manifest.schemaVersion,
    mediaType: manifest.mediaType,
    config: ociDescriptorJson(manifest.config),
    // `Layers []Descriptor json:"layers"` has no omitempty: an empty list is written as [].
    layers: manifest.layers.map(ociDescriptorJson),
    annotations: goMap(manifest.annotations),
  });
}

export function serializeImageManifest(manifest: ImageManifest, style: ManifestStyle): Uint8Array {
  return new Uint8Array(Buffer.from(imageManifestJson(manifest, style), 'utf8'));
}

/** An index as `json.Marshal(ocispec.Index)` writes it (compact; what `docker save` puts in index.json). */
export function imageIndexJson(index: ImageIndex): string {
  return goJsonStringify({
    schemaVersion: index.schemaVersion,
    mediaType: index.mediaType,
    manifests: index.manifests.map(ociDescriptorJson),
    annotations: goMap(index.annotations),
  });
}
