/**
 * The changeset an overlay upper directory holds, as layer entries — what `docker commit` and the
 * builder write (go-archive TarWithOptions with the overlay whiteout converter, OCI-FACTS §3.3):
 * a walk of the upper dir in name order; a whiteout (0/0 device) becomes `.wh.<name>` (mode 0600,
 * the device's owner and mtime); an opaque directory is followed by `<dir>/.wh..wh..opq` carrying
 * the directory's permission bits and owner, and mtime 0 (go-archive sets no ModTime on it).
 * The root itself is not an entry.
 */
import { FileTree, type TreeDirNode } from './FileTree';
import { layerEntry, type LayerEntry } from './LayerEntry';
import { Layer } from './Layer';
import { toTarEntry } from './layerTarEntries';

export function layerEntriesFromTree(tree: FileTree | TreeDirNode): LayerEntry[] {
  const t = tree instanceof FileTree ? tree : new FileTree(tree);
  const out: LayerEntry[] = [];
  if (t.root.opaque) out.push(layerEntry({ kind: 'opaque', path: '', mode: t.root.mode & 0o777, uid: t.root.uid, gid: t.root.gid }));
  for (const [path, node] of t.walk()) {
    const meta = { mode: node.mode, uid: node.uid, gid: node.gid, mtimeMs: node.mtimeMs };
    switch (node.kind) {
      case 'dir':
        out.push(layerEntry({ kind: 'dir', path, ...meta }));
        if (node.opaque) out.push(layerEntry({ kind: 'opaque', path, mode: node.mode & 0o777, uid: node.uid, gid: node.gid, mtimeMs: 0 }));
        break;
      case 'file':
        out.push(layerEntry({ kind: 'file', path, content: node.content, ...meta }));
        break;
      case 'symlink':
        out.push(layerEntry({ kind: 'symlink', path, linkTarget: node.target, ...meta }));
        break;
      case 'whiteout':
        out.push(layerEntry({ kind: 'whiteout', path, ...meta, mode: 0o600 }));
        break;
    }
  }
  return out;
}

/** A layer holding the tree's changeset, entries in walk order. */
export function layerFromTree(tree: FileTree | TreeDirNode): Layer {
  return new Layer(layerEntriesFromTree(tree).map(toTarEntry));
}
