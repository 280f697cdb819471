/**
 * All of the OCI whiteout naming rules in one place (image-spec layer.md "Whiteouts"; go-archive
 * whiteouts.go), as umoci keeps them in one module:
 * - `.wh.<name>` in a directory deletes `<name>` from the layers below (a directory with one entry);
 * - `<dir>/.wh..wh..opq` makes `<dir>` opaque: every child from the layers below is hidden;
 * - other `.wh..wh.` names are AUFS metadata (e.g. `.wh..wh.plnk`) and are ignored on import;
 * - `.wh.` with no name (and `.wh..`, `.wh...`) is invalid;
 * - a real file cannot have a name starting with `.wh.`.
 */
import { InvalidWhiteoutError } from './LayerError';

export const WHITEOUT_PREFIX = '.wh.';
export const WHITEOUT_META_PREFIX = '.wh..wh.';
export const WHITEOUT_OPAQUE = '.wh..wh..opq';

export type WhiteoutName =
  | { readonly kind: 'plain' }
  /** deletes `target` (a path relative to the root) */
  | { readonly kind: 'whiteout'; readonly target: string }
  /** makes `dir` opaque ("" is the root) */
  | { readonly kind: 'opaque'; readonly dir: string }
  /** AUFS metadata, not a change */
  | { readonly kind: 'meta' };

function split(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
}

/** What a layer path means: a plain entry, a whiteout, an opaque marker or AUFS metadata. */
export function classifyLayerPath(path: string): WhiteoutName {
  const [dir, base] = split(path);
  if (!base.startsWith(WHITEOUT_PREFIX)) return { kind: 'plain' };
  if (base === WHITEOUT_OPAQUE) return { kind: 'opaque', dir };
  if (base.startsWith(WHITEOUT_META_PREFIX)) return { kind: 'meta' };
  const name = base.slice(WHITEOUT_PREFIX.length);
  if (name === '' || name === '.' || name === '..') throw new InvalidWhiteoutError(path);
  return { kind: 'whiteout', target: dir === '' ? name : `${dir}/${name}` };
}

/** The tar path of the whiteout that deletes `path`: "a/b" → "a/.wh.b". */
export function whiteoutPathFor(path: string): string {
  const [dir, base] = split(path);
  return dir === '' ? `${WHITEOUT_PREFIX}${base}` : `${dir}/${WHITEOUT_PREFIX}${base}`;
}

/** The tar path of the opaque marker of `dir`: "a" → "a/.wh..wh..opq". */
export function opaqueMarkerPathFor(dir: string): string {
  return dir === '' ? WHITEOUT_OPAQUE : `${dir}/${WHITEOUT_OPAQUE}`;
}

/** True when a real file could not be stored under this name in an image. */
export function isReservedWhiteoutName(base: string): boolean {
  return base.startsWith(WHITEOUT_PREFIX);
}
