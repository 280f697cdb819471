/**
 * One change in a layer, as the model reads it: a file, directory, symlink or hard link that the
 * layer adds or replaces, a whiteout (the path it deletes) or an opaque directory. In the layer's
 * tar a whiteout is the empty file `.wh.<name>` and an opaque directory the file
 * `<dir>/.wh..wh..opq` (see whiteout.ts); here they are named for what they do.
 */
import type { Content } from '../content/Content';
import { EMPTY_CONTENT, toContent } from '../content/createContent';
import { normaliseTarPath } from '../tar/TarEntry';
import { InvalidLayerError } from './LayerError';
import { isReservedWhiteoutName } from './whiteout';

export type LayerEntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';

export interface LayerEntry {
  readonly kind: LayerEntryKind;
  /** Relative to the root, no leading "/" ("etc/hosts"). For a whiteout: the deleted path; for opaque: the directory ("" = root). */
  readonly path: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtimeMs: number;
  /** File bytes (empty for other kinds). */
  readonly content: Content;
  /** Symlink target, or the path a hard link shares its file with. */
  readonly linkTarget: string;
  /** Extended attributes carried in the tar (e.g. security.capability). */
  readonly xattrs: Readonly<Record<string, string>>;
}

export interface LayerEntryInput {
  kind: LayerEntryKind;
  path: string;
  mode?: number;
  uid?: number;
  gid?: number;
  mtimeMs?: number;
  content?: Content | Uint8Array | string;
  linkTarget?: string;
  xattrs?: Record<string, string>;
}

const DEFAULT_MODE: Readonly<Record<LayerEntryKind, number>> = {
  file: 0o644,
  dir: 0o755,
  symlink: 0o777,
  hardlink: 0o644,
  // go-archive's overlay→tar conversion writes whiteouts as mode 0600 regular files.
  whiteout: 0o600,
  opaque: 0o755,
};

/** A complete, frozen entry; refuses names reserved for whiteouts and the root as a non-directory. */
export function layerEntry(input: LayerEntryInput): LayerEntry {
  const path = normaliseTarPath(input.path.replace(/^\/+/, ''));
  if (path === '' && input.kind !== 'opaque' && input.kind !== 'dir') {
    throw new InvalidLayerError(input.path, `the root can only be a directory or opaque, not a ${input.kind}`);
  }
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (path !== '' && isReservedWhiteoutName(base)) {
    throw new InvalidLayerError(input.path, `names starting with ".wh." are reserved for whiteouts (OCI layer.md); use kind 'whiteout' to delete a path`);
  }
  if ((input.kind === 'symlink' || input.kind === 'hardlink') && !input.linkTarget) {
    throw new InvalidLayerError(input.path, `a ${input.kind} needs a linkTarget`);
  }
  return Object.freeze({
    kind: input.kind,
    path,
    mode: (input.mode ?? DEFAULT_MODE[input.kind]) & 0o7777,
    uid: input.uid ?? 0,
    gid: input.gid ?? 0,
    mtimeMs: input.mtimeMs ?? 0,
    content: input.kind === 'file' ? toContent(input.content ?? EMPTY_CONTENT) : EMPTY_CONTENT,
    linkTarget:
      input.kind === 'hardlink'
        ? normaliseTarPath((input.linkTarget ?? '').replace(/^\/+/, ''), 'linkname')
        : input.kind === 'symlink'
          ? input.linkTarget ?? ''
          : '',
    xattrs: Object.freeze({ ...(input.xattrs ?? {}) }),
  });
}
