/**
 * Media types of the OCI image spec and of Docker's image manifest v2 schema 2 (OCI-FACTS §2.1).
 * Docker's and OCI's gzip layer types are declared interchangeable; readers here accept both.
 */
export const MediaTypes = Object.freeze({
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayoutHeader: 'application/vnd.oci.layout.header.v1+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
} as const);

export type MediaType = (typeof MediaTypes)[keyof typeof MediaTypes];

/** True for every layer media type this model can unpack (uncompressed or gzip; OCI or Docker). */
export function isLayerMediaType(mediaType: string): boolean {
  return (
    mediaType === MediaTypes.ociLayer ||
    mediaType === MediaTypes.ociLayerGzip ||
    mediaType === MediaTypes.dockerLayer ||
    mediaType === MediaTypes.dockerLayerGzip ||
    mediaType === MediaTypes.dockerForeignLayerGzip
  );
}

/** True when a layer of this media type is stored gzip-compressed. */
export function isGzipLayerMediaType(mediaType: string): boolean {
  return mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip');
}
