/**
 * Docker Hub in the model: `docker.io` becomes a pull-through mirror of the catalog. The first time
 * a repository:tag (or a digest) of a catalog image is asked for, its blobs and manifest are
 * published to the registry — without counting that as traffic, it is the registry's own content —
 * and from then on it is an ordinary registry image: pulls move and verify its blobs, a tampered
 * blob is caught, a learner can push over the tag.
 */
import type { Digest } from '../digest/Digest';
import { DEFAULT_DOMAIN } from '../reference/limits';
import { isDigest } from '../digest/Digest';
import type { Image } from '../image/Image';
import type { Registries } from '../registry/Registries';
import type { Registry } from '../registry/Registry';
import { blobFromLayer } from '../registry/RegistryBlob';
import { CATALOG_SPECS, catalogImage, findCatalogSpec } from './catalog';

/** Manifest flavour the catalog is published in: Docker's schema 2, as `docker push` writes it. */
const FORMAT = 'docker' as const;

/** Puts `image` into `registry` under `repository:tag` (blobs first, then the manifest). Returns the manifest digest. */
export function publishImage(registry: Registry, repository: string, tag: string | undefined, image: Image): Digest {
  for (const layer of image.layers) {
    if (!registry.hasBlob(repository, layer.digest)) registry.putBlob(repository, blobFromLayer(layer), layer.digest, { countTraffic: false });
  }
  if (!registry.hasBlob(repository, image.id)) registry.putBlob(repository, image.configBytes(), image.id, { countTraffic: false });
  const manifest = image.manifestFor(FORMAT);
  return registry.putManifest(repository, tag ?? manifest.digest, manifest.bytes, manifest.mediaType, { countTraffic: false });
}

/** The repository digest a catalog image has on the model's Docker Hub (`RepoDigests`). */
export function catalogManifestDigest(reference: string): Digest {
  return catalogImage(reference).manifestFor(FORMAT).digest;
}

/** The catalog image published under `docker.io/<repository>:<reference>` (a tag, or a manifest digest). */
function catalogImageFor(repository: string, reference: string): Image | undefined {
  if (isDigest(reference)) {
    for (const spec of CATALOG_SPECS) {
      if (`library/${spec.reference.split(':')[0]}` !== repository) continue;
      const image = catalogImage(spec.reference);
      if (image.manifestFor(FORMAT).digest === reference) return image;
    }
    return undefined;
  }
  const spec = findCatalogSpec(`${DEFAULT_DOMAIN}/${repository}:${reference}`);
  return spec === undefined ? undefined : catalogImage(spec.reference);
}

/**
 * Makes `registries`' docker.io mirror the catalog: `pullImage({ reference: 'node:18', … })` then
 * finds node:18 there. Idempotent.
 */
export function connectCatalog(registries: Registries): Registry {
  const hub = registries.registry(DEFAULT_DOMAIN);
  hub.setUpstream((registry, repository, reference) => {
    const image = catalogImageFor(repository, reference);
    if (image !== undefined) publishImage(registry, repository, isDigest(reference) ? undefined : reference, image);
    // A repository Docker Hub has, asked for a tag the snapshot lacks: "manifest unknown", not "no such repository".
    else if (CATALOG_SPECS.some((s) => `library/${s.reference.split(':')[0]}` === repository)) registry.createRepository(repository);
  });
  return hub;
}
