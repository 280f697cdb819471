/**
 * Turns a pulled blob into a layer when the registry holds only bytes (a blob uploaded by
 * another tool, not pushed from a layer object of this model): the tar is the blob itself, or its
 * gunzipped form for a gzip media type, and it must hash to the diffID the config lists.
 */
import { gunzipSync } from 'node:zlib';
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';
import { blobBytes, type RegistryBlob } from './RegistryBlob';
import type { RegistryLayer } from './RegistryLayer';
import { RegistryError } from './RegistryError';

function isGzip(mediaType: string): boolean {
  return mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip');
}

export function layerFromBlob(mediaType: string, digest: Digest, diffId: Digest, blob: RegistryBlob): RegistryLayer {
  const stored = blobBytes(blob);
  const tar = isGzip(mediaType) ? new Uint8Array(gunzipSync(stored)) : stored;
  const actual = sha256(tar);
  if (actual !== diffId) {
    throw new RegistryError(
      'DIFF_ID_MISMATCH',
      `layers from manifest don't match image configuration: blob ${digest} unpacks to ${actual}, the config lists ${diffId}`,
      { digest, expected: diffId, actual },
      '레이어를 풀어 얻은 tar의 다이제스트가 이미지 설정(rootfs.diff_ids)의 값과 다릅니다.',
    );
  }
  const gzip = isGzip(mediaType);
  return Object.freeze({
    diffId,
    digest,
    size: tar.byteLength,
    compressedSize: stored.byteLength,
    mediaType,
    tarChunks: () => [tar.slice()],
    ...(gzip ? { blobChunks: () => [stored.slice()] } : {}),
  });
}
