/**
 * A blob as a registry stores it: a size and a stream of bytes. Blobs are content-addressed and
 * immutable, and the registry checks every upload against its digest. A blob that is the stored
 * form of a layer object keeps a link to it (`layer`), so a pull can hand the same layer back
 * without decompressing a gigabyte; the layer's digest was computed from these very bytes by the
 * layer module, which is why the registry may take it as `knownDigest` instead of hashing again.
 */
import type { Digest } from '../digest/Digest';
import type { RegistryLayer } from './RegistryLayer';

export interface RegistryBlob {
  readonly size: number;
  chunks(): Iterable<Uint8Array>;
  /** The digest its immutable producer computed over exactly these bytes; absent → hash to know. */
  readonly knownDigest?: Digest;
  /** The layer this blob stores, when it came from one. */
  readonly layer?: RegistryLayer;
}

export function blobFromBytes(bytes: Uint8Array): RegistryBlob {
  const copy = bytes.slice();
  return Object.freeze({ size: copy.byteLength, chunks: () => [copy.slice()] });
}

/** The blob of a layer: its gzip stream when it has one, else its tar. */
export function blobFromLayer(layer: RegistryLayer): RegistryBlob {
  const chunks = layer.blobChunks === undefined ? () => layer.tarChunks() : () => layer.blobChunks!();
  return Object.freeze({ size: layer.compressedSize, chunks, knownDigest: layer.digest, layer });
}

/** All bytes of a small blob (configs, manifests) as one buffer. */
export function blobBytes(blob: RegistryBlob): Uint8Array {
  return new Uint8Array(Buffer.concat([...blob.chunks()]));
}

/**
 * The same blob with the byte at `offset` flipped (bit pattern XOR 0xff), streamed: a model of
 * a corrupted disk or a tampering mirror. It has no `knownDigest`, so whoever checks it must hash.
 */
export function flipByte(blob: RegistryBlob, offset: number): RegistryBlob {
  return Object.freeze({
    size: blob.size,
    *chunks() {
      let start = 0;
      for (const chunk of blob.chunks()) {
        const end = start + chunk.byteLength;
        if (offset >= start && offset < end) {
          const copy = chunk.slice();
          copy[offset - start] = (copy[offset - start] ?? 0) ^ 0xff;
          yield copy;
        } else {
          yield chunk;
        }
        start = end;
      }
    },
  });
}
