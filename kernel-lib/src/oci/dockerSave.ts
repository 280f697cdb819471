/**
 * The archive `docker save` writes (Docker ≥ 25, graphdriver store; moby
 * daemon/internal/image/tarexport/save.go, OCI-FACTS §2.7): an OCI image layout —
 * `oci-layout`, `index.json`, `blobs/sha256/…` — with Docker's legacy `manifest.json` and
 * `repositories` beside it, so both `docker load` and OCI tools (skopeo, umoci) read it.
 *
 *  - each layer is stored **uncompressed** as `blobs/sha256/<diffID hex>`, described with media type
 *    `application/vnd.oci.image.layer.v1.tar` (so the saved manifest's layer digests are the diffIDs);
 *  - the config is stored byte-for-byte as `blobs/sha256/<image ID hex>`;
 *  - a new compact OCI manifest is synthesised per image (its digest is not the registry's);
 *  - index.json has one descriptor per tag, annotated with `io.containerd.image.name` (the full
 *    name) and `org.opencontainers.image.ref.name` (the tag alone); an untagged image gets a bare one;
 *  - manifest.json lists `Config`, `RepoTags` (familiar, `null` when untagged), `Layers`,
 *    `Parent` (when the parent is saved too) and `LayerSources`;
 *  - `repositories` maps familiar name → tag → top layer's diffID hex (only when something is tagged);
 *  - times: layer and config blobs carry the image's `created`, every other file the Unix epoch.
 *
 * Left out: the legacy v1 layer-config blobs Docker also drops into blobs/sha256 (unreferenced
 * JSON kept for pre-1.10 clients). Images are written in the order given (Docker's order is a Go
 * map iteration, i.e. random).
 */
import type { Digest } from '../digest/Digest';
import { digestHex } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import type { Image } from '../image/Image';
import { goJsonStringify, type GoJsonValue } from '../image/goJson';
import { imageIndexJson, imageManifestJson, type ImageManifest, type OciDescriptor } from '../image/manifest';
import { MediaTypes } from '../image/mediaTypes';
import type { ImageReference } from '../reference/ImageReference';
import { familiarName, familiarString } from '../reference/familiar';
import { tarEntry, type TarEntry } from '../tar/TarEntry';
import { EmptyExportError } from './archiveErrors';
import { streamContent } from './streamContent';

/** One image to save: the image, the tagged references that name it, and its local parent. */
export interface SaveArchiveImage {
  readonly image: Image;
  /** Tagged references (`docker.io/library/busybox:latest`); empty for an image saved by ID. */
  readonly tags: readonly ImageReference[];
  /** The local parent's image ID; written as `Parent` only when that image is saved too. */
  readonly parent?: Digest;
}

const OCI_LAYOUT = '{"imageLayoutVersion": "1.0.0"}';

function blobPath(digest: Digest): string {
  return `blobs/sha256/${digestHex(digest)}`;
}

/** The entries of the archive, in the order Docker's tar walk writes them (lexical). */
export function dockerSaveEntries(images: readonly SaveArchiveImage[]): TarEntry[] {
  const blobs = new Map<string, TarEntry>();
  const manifestItems: GoJsonValue[] = [];
  const indexDescriptors: OciDescriptor[] = [];
  const repositories = new Map<string, Map<string, string>>();
  const savedIds = new Set(images.map((i) => i.image.id));
  let blobsDirTime = 0;

  for (const { image, tags, parent } of images) {
    if (image.layers.length === 0) throw new EmptyExportError(image.id);
    const created = image.createdMs ?? 0;
    blobsDirTime = created;
    const layerDescriptors: OciDescriptor[] = [];
    const layerSources = new Map<string, GoJsonValue>();
    for (const layer of image.layers) {
      const path = blobPath(layer.diffId);
      if (!blobs.has(path)) {
        blobs.set(
          path,
          tarEntry({ path, mode: 0o644, mtimeMs: created, content: streamContent(layer.size, () => layer.tarChunks(), layer.diffId) }),
        );
      }
      const descriptor: OciDescriptor = { mediaType: MediaTypes.ociLayer, digest: layer.diffId, size: layer.size };
      layerDescriptors.push(descriptor);
      // distribution.Descriptor field order: mediaType, size, digest.
      layerSources.set(layer.diffId, { mediaType: descriptor.mediaType, size: descriptor.size, digest: descriptor.digest });
    }
    const configBytes = image.configBytes();
    const configPath = blobPath(image.id);
    blobs.set(configPath, tarEntry({ path: configPath, mode: 0o644, mtimeMs: created, content: configBytes }));

    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, digest: image.id, size: configBytes.byteLength },
      layers: layerDescriptors,
    };
    const manifestBytes = new TextEncoder().encode(imageManifestJson(manifest, 'compact'));
    const manifestDigest = sha256(manifestBytes);
    const manifestPath = blobPath(manifestDigest);
    blobs.set(manifestPath, tarEntry({ path: manifestPath, mode: 0o644, mtimeMs: 0, content: manifestBytes }));

    const untagged: OciDescriptor = { mediaType: MediaTypes.ociManifest, digest: manifestDigest, size: manifestBytes.byteLength };
    const repoTags: string[] = [];
    const topDiffId = image.diffIds[image.diffIds.length - 1]!;
    for (const ref of tags) {
      const name = familiarName(ref);
      const tag = ref.tag ?? 'latest';
      const byTag = repositories.get(name) ?? new Map<string, string>();
      byTag.set(tag, digestHex(topDiffId));
      repositories.set(name, byTag);
      repoTags.push(familiarString({ domain: ref.domain, path: ref.path, tag }));
      indexDescriptors.push({
        ...untagged,
        annotations: { 'io.containerd.image.name': `${ref.name}:${tag}`, 'org.opencontainers.image.ref.name': tag },
      });
    }
    if (tags.length === 0) indexDescriptors.push(untagged);

    manifestItems.push({
      Config: configPath,
      RepoTags: repoTags.length > 0 ? repoTags : null,
      Layers: image.diffIds.map(blobPath),
      Parent: parent !== undefined && savedIds.has(parent) ? parent : undefined,
      LayerSources: layerSources,
    });
  }

  const text = (path: string, body: string): TarEntry => tarEntry({ path, mode: 0o644, mtimeMs: 0, content: body });
  const entries: TarEntry[] = [
    tarEntry({ path: 'blobs', type: 'dir', mode: 0o755, mtimeMs: blobsDirTime }),
    tarEntry({ path: 'blobs/sha256', type: 'dir', mode: 0o755, mtimeMs: 0 }),
    ...[...blobs.keys()].sort().map((path) => blobs.get(path)!),
    text('index.json', imageIndexJson({ schemaVersion: 2, mediaType: MediaTypes.ociIndex, manifests: indexDescriptors })),
    // json.NewEncoder(f).Encode(…) adds a newline.
    text('manifest.json', goJsonStringify(manifestItems) + '\n'),
    text('oci-layout', OCI_LAYOUT),
  ];
  if (repositories.size > 0) entries.push(text('repositories', goJsonStringify(repositories) + '\n'));
  return entries;
}
