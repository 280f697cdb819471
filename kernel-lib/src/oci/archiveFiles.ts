/**
 * The files of an image archive, read from its tar, with path rules that keep every lookup inside
 * the archive root (moby tarexport `safePath`: join with the root and follow symlinks in scope).
 * Stricter than docker in one respect: an absolute path in manifest.json is refused rather than
 * read relative to the root.
 */
import { gunzipBytes, isGzip } from '../tar/gzip';
import { readTar } from '../tar/readTar';
import type { TarEntry } from '../tar/TarEntry';
import { TarFormatError, UnsafeTarPathError } from '../tar/TarError';
import { BlobDigestMismatchError, InvalidImageArchiveError, TruncatedImageArchiveError, UnsafeArchivePathError } from './archiveErrors';

export class ArchiveFiles {
  readonly #entries = new Map<string, TarEntry>();
  /** Blob paths (`blobs/sha256/<hex>`) whose bytes were checked against their name. */
  readonly #verified = new Set<string>();

  constructor(entries: readonly TarEntry[]) {
    for (const entry of entries) this.#entries.set(entry.path, entry);
  }

  /** Reads an archive (plain or gzip-compressed tar), mapping tar failures to archive errors. */
  static read(bytes: Uint8Array): ArchiveFiles {
    let archive = bytes;
    if (isGzip(archive)) {
      try {
        archive = gunzipBytes(archive);
      } catch (cause) {
        throw new TruncatedImageArchiveError(`the gzip stream is incomplete or corrupt (${(cause as Error).message})`);
      }
    }
    if (archive.byteLength === 0) throw new InvalidImageArchiveError('the archive is empty');
    let entries: TarEntry[];
    try {
      entries = readTar(archive);
    } catch (error) {
      if (error instanceof UnsafeTarPathError) throw new UnsafeArchivePathError(String(error.data['path']), 'archive entry');
      if (error instanceof TarFormatError) {
        const problem = String(error.data['problem']);
        if (/past the end/.test(problem)) throw new TruncatedImageArchiveError(problem, { offset: error.data['offset'] });
        throw new InvalidImageArchiveError(`not a tar archive (${problem})`, { offset: error.data['offset'] });
      }
      throw error;
    }
    // A complete tar ends with zero blocks (archive/tar's Close writes two); bytes that stop
    // mid-archive end in a header or data instead.
    const tail = archive.subarray(Math.max(0, archive.byteLength - 512));
    if (archive.byteLength % 512 !== 0 || tail.some((b) => b !== 0)) {
      throw new TruncatedImageArchiveError('the end-of-archive marker is missing', { size: archive.byteLength });
    }
    return new ArchiveFiles(entries);
  }

  /**
   * Checks every `blobs/sha256/<hex>` file against its name (an OCI layout names each blob by its
   * digest, image-layout.md "Blobs"); throws `BlobDigestMismatchError` for the first that differs.
   */
  verifyAllBlobs(): void {
    for (const entry of this.#entries.values()) {
      const match = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(entry.path);
      if (entry.type !== 'file' || !match) continue;
      const expected = `sha256:${match[1]}`;
      const actual = entry.content.digest();
      if (actual !== expected) throw new BlobDigestMismatchError('blob', entry.path, expected, actual);
      this.#verified.add(entry.path);
    }
  }

  /** True when `path` is a blob already checked by `verifyAllBlobs`. */
  isVerified(path: string): boolean {
    return this.#verified.has(path);
  }

  has(path: string): boolean {
    return this.resolve(path, 'path') !== undefined;
  }

  /** All regular-file paths. */
  paths(): string[] {
    return [...this.#entries.values()].filter((e) => e.type === 'file').map((e) => e.path);
  }

  /**
   * The entry a path names, following symlinks inside the root; `undefined` when absent.
   * Refuses absolute paths and `..` escapes with `UnsafeArchivePathError`.
   */
  resolve(path: string, where: string): TarEntry | undefined {
    let current = this.#clean(path, path, where);
    for (let hops = 0; hops < 40; hops++) {
      const entry = this.#entries.get(current);
      if (entry === undefined || entry.type !== 'symlink') return entry;
      const base = entry.linkTarget.startsWith('/') ? '' : current.split('/').slice(0, -1).join('/');
      current = this.#clean(`${base}/${entry.linkTarget.replace(/^\/+/, '')}`, path, where);
    }
    throw new UnsafeArchivePathError(path, `${where} (too many symlinks)`);
  }

  /** The bytes of a regular file, or `undefined` when absent. */
  bytes(path: string, where: string): Uint8Array | undefined {
    const entry = this.resolve(path, where);
    if (entry === undefined || entry.type !== 'file') return undefined;
    return entry.content.bytes(Number.MAX_SAFE_INTEGER);
  }

  #clean(path: string, original: string, where: string): string {
    if (original.startsWith('/')) throw new UnsafeArchivePathError(original, where);
    const parts: string[] = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.length === 0) throw new UnsafeArchivePathError(original, where);
        parts.pop();
      } else parts.push(part);
    }
    return parts.join('/');
  }
}
