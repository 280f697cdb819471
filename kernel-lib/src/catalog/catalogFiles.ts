/**
 * A small vocabulary for writing a catalog layer's files: real text where a lesson looks
 * (`/etc/os-release`), lazy payloads of the right size for binaries and data, directories and
 * symlinks. Paths are absolute, as one reads them in the image.
 */
export type CatalogFile =
  | { readonly kind: 'text'; readonly path: string; readonly text: string; readonly mode: number }
  | { readonly kind: 'payload'; readonly path: string; readonly size: number; readonly mode: number }
  | { readonly kind: 'dir'; readonly path: string; readonly mode: number }
  | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
  /** A hard link: `target` is the archive path (no leading "/") of the file it shares. */
  | { readonly kind: 'hardlink'; readonly path: string; readonly target: string }
  | { readonly kind: 'whiteout'; readonly path: string };

/** A real text file. */
export const text = (path: string, content: string, mode = 0o644): CatalogFile => ({ kind: 'text', path, text: content, mode });
/** An executable of `size` bytes (lazy content). */
export const bin = (path: string, size: number, mode = 0o755): CatalogFile => ({ kind: 'payload', path, size, mode });
/** A data file of `size` bytes (lazy content). */
export const data = (path: string, size: number, mode = 0o644): CatalogFile => ({ kind: 'payload', path, size, mode });
export const dir = (path: string, mode = 0o755): CatalogFile => ({ kind: 'dir', path, mode });
export const link = (path: string, target: string): CatalogFile => ({ kind: 'symlink', path, target });
export const whiteout = (path: string): CatalogFile => ({ kind: 'whiteout', path });

/** Bytes a file contributes to the layer's DiffSize (regular files only). */
export function catalogFileBytes(file: CatalogFile): number {
  if (file.kind === 'text') return Buffer.byteLength(file.text);
  if (file.kind === 'payload') return file.size;
  return 0;
}
