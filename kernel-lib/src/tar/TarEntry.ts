/**
 * One entry of a tar archive, as the model holds it. Paths are relative to the archive root, without
 * a leading "./" or "/" and without a trailing "/" ("etc/hosts", "usr/bin"): the form Docker's own
 * layers use (OCI-FACTS §3.1). A file's bytes are a `Content`, so a 1 GB lazy file is an entry of a
 * few hundred bytes that is streamed only when the archive is written.
 */
import type { Content } from '../content/Content';
import { EMPTY_CONTENT, toContent } from '../content/createContent';
import { InvalidTarEntryError, UnsafeTarPathError } from './TarError';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

export interface TarEntry {
  readonly path: string;
  readonly type: TarEntryType;
  /** Permission bits with setuid/setgid/sticky (e.g. 0o755, 0o4755); never the file-type bits. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly uname: string;
  readonly gname: string;
  /** Modification time in ms since the epoch; written as whole seconds (moby truncates likewise). */
  readonly mtimeMs: number;
  /** The bytes of a regular file; empty for every other type. */
  readonly content: Content;
  /** Symlink target, or the archive path a hard link points to; "" otherwise. */
  readonly linkTarget: string;
  readonly devMajor: number;
  readonly devMinor: number;
  /** Extended attributes (PAX `SCHILY.xattr.*` records), e.g. `security.capability`. */
  readonly xattrs: Readonly<Record<string, string>>;
}

export interface TarEntryInput {
  path: string;
  type?: TarEntryType;
  mode?: number;
  uid?: number;
  gid?: number;
  uname?: string;
  gname?: string;
  mtimeMs?: number;
  content?: Content | Uint8Array | string;
  linkTarget?: string;
  devMajor?: number;
  devMinor?: number;
  xattrs?: Record<string, string>;
}

/** The deterministic defaults: what a reproducible build writes (uid/gid 0, no names, epoch mtime). */
const DEFAULT_MODE: Readonly<Record<TarEntryType, number>> = {
  file: 0o644,
  dir: 0o755,
  symlink: 0o777,
  hardlink: 0o644,
  char: 0o600,
  block: 0o600,
  fifo: 0o644,
};

/** A complete, frozen entry from the given fields (defaults filled in, path normalised and checked). */
export function tarEntry(input: TarEntryInput): TarEntry {
  const type = input.type ?? 'file';
  const path = normaliseTarPath(input.path, 'name');
  if (path === '') throw new InvalidTarEntryError(input.path, 'the archive root itself is not an entry');
  const content = type === 'file' ? toContent(input.content ?? EMPTY_CONTENT) : EMPTY_CONTENT;
  const linkTarget =
    type === 'hardlink' ? normaliseTarPath(input.linkTarget ?? '', 'linkname') : type === 'symlink' ? input.linkTarget ?? '' : '';
  if ((type === 'hardlink' || type === 'symlink') && linkTarget === '') {
    throw new InvalidTarEntryError(input.path, `a ${type} needs a linkTarget`);
  }
  for (const [name, value] of [['mode', input.mode], ['uid', input.uid], ['gid', input.gid]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new InvalidTarEntryError(input.path, `${name} must be a non-negative integer, got ${value}`);
    }
  }
  for (const text of [path, linkTarget, input.uname ?? '', input.gname ?? '']) {
    if (text.includes('\0')) throw new InvalidTarEntryError(input.path, 'names cannot contain NUL bytes');
  }
  return Object.freeze({
    path,
    type,
    mode: (input.mode ?? DEFAULT_MODE[type]) & 0o7777,
    uid: input.uid ?? 0,
    gid: input.gid ?? 0,
    uname: input.uname ?? '',
    gname: input.gname ?? '',
    mtimeMs: input.mtimeMs ?? 0,
    content,
    linkTarget,
    devMajor: input.devMajor ?? 0,
    devMinor: input.devMinor ?? 0,
    xattrs: Object.freeze({ ...(input.xattrs ?? {}) }),
  });
}

/**
 * "./a//b/" → "a/b"; "." and "./" → "" (the root). Refuses absolute paths and any path that climbs
 * out of the root; a ".." that stays inside ("a/../b") is resolved, as go-archive does after Clean.
 */
export function normaliseTarPath(raw: string, field: 'name' | 'linkname' = 'name'): string {
  if (raw.startsWith('/')) throw new UnsafeTarPathError(raw, 'absolute', field);
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw new UnsafeTarPathError(raw, 'escapes-root', field);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
