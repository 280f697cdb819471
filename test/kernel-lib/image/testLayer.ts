/**
 * A real layer for the image and engine tests: a tar written by the tar module from the given
 * files, gzip-compressed, with its digests computed — the `ImageLayer` shape, built the way the
 * layer module builds one (used until tests need that module's richer `Layer`).
 */
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import type { ImageLayer } from '../../../kernel-lib/src/image/ImageLayer';
import { MediaTypes } from '../../../kernel-lib/src/image/mediaTypes';
import { gzipBytes, tarEntry, writeTar, type TarEntryInput } from '../../../kernel-lib/src/tar';

export function testLayer(files: Readonly<Record<string, string>> | readonly TarEntryInput[]): ImageLayer {
  const inputs: TarEntryInput[] = Array.isArray(files)
    ? [...(files as readonly TarEntryInput[])]
    : Object.entries(files as Record<string, string>).map(([path, content]) =>
        path.endsWith('/') ? { path, type: 'dir' as const } : { path, content },
      );
  const entries = inputs.map(tarEntry);
  const tar = writeTar(entries);
  const blob = gzipBytes(tar);
  const diffSize = entries.reduce((sum, e) => sum + (e.type === 'file' ? e.content.size : e.type === 'symlink' ? e.linkTarget.length : 0), 0);
  return Object.freeze({
    diffId: sha256(tar),
    digest: sha256(blob),
    size: tar.byteLength,
    compressedSize: blob.byteLength,
    mediaType: MediaTypes.ociLayerGzip,
    diffSize,
    tarChunks: () => [tar],
    blobChunks: () => [blob],
  });
}
