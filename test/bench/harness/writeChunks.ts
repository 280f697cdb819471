/** Streams chunks to a file (never one big buffer: a 1 GB layer stays a 1 MiB-at-a-time affair). */
import { closeSync, openSync, writeSync } from 'node:fs';

export function writeChunks(path: string, chunks: Iterable<Uint8Array>): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      let at = 0;
      while (at < chunk.byteLength) at += writeSync(fd, chunk, at);
      bytes += chunk.byteLength;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
