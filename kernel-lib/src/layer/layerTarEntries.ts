/**
 * Between the model's changes (`LayerEntry`: file, dir, whiteout, opaque …) and the layer's tar
 * (`TarEntry`: `.wh.<name>` files, `.wh..wh..opq` markers), and the order entries are written in.
 */
import { tarEntry, type TarEntry } from '../tar/TarEntry';
import { compareNames } from './FileTree';
import { layerEntry, type LayerEntry } from './LayerEntry';
import { InvalidLayerError } from './LayerError';
import { classifyLayerPath, opaqueMarkerPathFor, whiteoutPathFor } from './whiteout';

/** The tar entry that encodes one change. */
export function toTarEntry(entry: LayerEntry): TarEntry {
  const common = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtimeMs: entry.mtimeMs, xattrs: entry.xattrs };
  switch (entry.kind) {
    case 'whiteout':
      return tarEntry({ ...common, path: whiteoutPathFor(entry.path), type: 'file' });
    case 'opaque':
      return tarEntry({ ...common, path: opaqueMarkerPathFor(entry.path), type: 'file' });
    case 'file':
      return tarEntry({ ...common, path: entry.path, type: 'file', content: entry.content });
    default:
      return tarEntry({ ...common, path: entry.path, type: entry.kind, linkTarget: entry.linkTarget });
  }
}

/** The change one tar entry encodes; undefined for AUFS metadata (`.wh..wh.plnk` …), which is ignored. */
export function fromTarEntry(entry: TarEntry): LayerEntry | undefined {
  const meaning = classifyLayerPath(entry.path);
  const common = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtimeMs: entry.mtimeMs, xattrs: entry.xattrs };
  if (meaning.kind === 'meta') return undefined;
  if (meaning.kind === 'whiteout') return layerEntry({ ...common, kind: 'whiteout', path: meaning.target });
  if (meaning.kind === 'opaque') return layerEntry({ ...common, kind: 'opaque', path: meaning.dir });
  switch (entry.type) {
    case 'file':
      return layerEntry({ ...common, kind: 'file', path: entry.path, content: entry.content });
    case 'dir':
    case 'symlink':
    case 'hardlink':
      return layerEntry({ ...common, kind: entry.type, path: entry.path, linkTarget: entry.linkTarget });
    default:
      throw new InvalidLayerError(
        entry.path,
        `${entry.type} device nodes are not modelled (a container gets /dev from the runtime, not from image layers)`,
      );
  }
}

/**
 * The sort key of a change in a directory walk: the path's components, where a whiteout sorts under
 * the name it deletes (go-archive writes `.wh.x` where the 0/0 device `x` sits in the upper dir),
 * an opaque marker comes right after its directory's header (before any child), and a whiteout
 * comes before a re-added entry of the same name.
 */
function walkKey(entry: LayerEntry): { parts: string[]; rank: number } {
  const parts = entry.path === '' ? [] : entry.path.split('/');
  if (entry.kind === 'opaque') return { parts: [...parts, ''], rank: 0 };
  return { parts, rank: entry.kind === 'whiteout' ? 0 : 1 };
}

function compareWalk(a: LayerEntry, b: LayerEntry): number {
  const ka = walkKey(a);
  const kb = walkKey(b);
  const n = Math.min(ka.parts.length, kb.parts.length);
  for (let i = 0; i < n; i++) {
    const pa = ka.parts[i] as string;
    const pb = kb.parts[i] as string;
    if (pa !== pb) {
      if (pa === '') return -1; // opaque marker first among the children
      if (pb === '') return 1;
      return compareNames(pa, pb);
    }
  }
  if (ka.parts.length !== kb.parts.length) return ka.parts.length - kb.parts.length; // parent before child
  return ka.rank - kb.rank;
}

/** Entries in directory-walk order (Go's filepath.Walk: depth first, names sorted) — Docker's commit order. */
export function sortLayerEntries(entries: readonly LayerEntry[]): LayerEntry[] {
  return [...entries].sort(compareWalk);
}

/** Refuses two entries for one tar path (OCI layer.md: "no duplicate entries"). */
export function checkNoDuplicates(tarEntries: readonly TarEntry[]): void {
  const seen = new Set<string>();
  for (const entry of tarEntries) {
    if (seen.has(entry.path)) {
      throw new InvalidLayerError(entry.path, 'the path appears twice in the layer; a changeset holds each path once (OCI layer.md)');
    }
    seen.add(entry.path);
  }
}
