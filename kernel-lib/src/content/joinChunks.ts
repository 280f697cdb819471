/**
 * The bytes of a chunk stream of known total size, in one buffer: how a streamed tar, a layer blob or
 * a saved archive's member becomes a `Uint8Array` when a caller asks for all of it at once. The size
 * limit is the caller's (each names its own error), so this only copies.
 */
export function joinChunks(chunks: Iterable<Uint8Array>, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
