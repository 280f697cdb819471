/**
 * The init layer: a read-only layer docker puts between the image and the container's writable
 * layer (moby daemon/initlayer/setup_unix.go, "the top-most ro layer"). It holds the mount points
 * the runtime needs — /dev/pts, /dev/shm, /proc, /sys (directories), /.dockerenv, /etc/hosts,
 * /etc/hostname, /etc/resolv.conf, /dev/console (empty files, mode 0755 as `os.OpenFile(…, 0755)`
 * leaves them under umask 022) and /etc/mtab → /proc/mounts.
 *
 * Setup runs on the merged view: on the way to each path it unlinks whatever is not a directory
 * (so an image's own /etc/hosts file or /etc/mtab symlink is replaced), keeps what then exists,
 * and creates what is missing, parents with mode 0755. Because `docker diff` compares the
 * container with its parent (the init layer), none of this shows as a change — an untouched
 * container has an empty diff.
 */
import type { FileTree, TreeDirNode, TreeNode } from '../layer/FileTree';
import { Layer, layerFromEntries } from '../layer/Layer';
import type { LayerEntryInput } from '../layer/LayerEntry';

const INIT_PATHS: ReadonlyArray<readonly [string, 'dir' | 'file' | { symlink: string }]> = [
  ['/dev/pts', 'dir'],
  ['/dev/shm', 'dir'],
  ['/proc', 'dir'],
  ['/sys', 'dir'],
  ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'],
  ['/etc/hosts', 'file'],
  ['/etc/hostname', 'file'],
  ['/dev/console', 'file'],
  ['/etc/mtab', { symlink: '/proc/mounts' }],
];

/** The paths the init layer provides (the runtime bind-mounts some of them). */
export const INIT_LAYER_PATHS: readonly string[] = INIT_PATHS.map(([p]) => p);

const cache = new WeakMap<FileTree, Map<number, Layer>>();

/**
 * The init layer over an image whose merged tree is `image` (the layers' lower index), with
 * `timeMs` as the mtime of what it creates. Shared per (image tree, time): every container of an
 * image gets the same layer object, so the union's lower index is built once.
 */
export function containerInitLayer(image: FileTree, timeMs: number): Layer {
  let byTime = cache.get(image);
  if (byTime === undefined) cache.set(image, (byTime = new Map()));
  const hit = byTime.get(timeMs);
  if (hit !== undefined) return hit;

  const entries = new Map<string, LayerEntryInput>();
  const existing = (path: string): TreeNode | undefined => {
    // Look through what this setup has already decided first, then the image.
    const e = entries.get(path);
    if (e !== undefined) return e.kind === 'dir' ? ({ kind: 'dir' } as TreeNode) : ({ kind: e.kind } as TreeNode);
    return image.get(path);
  };
  const keepDir = (path: string, node: TreeDirNode): void => {
    if (!entries.has(path)) entries.set(path, { kind: 'dir', path, mode: node.mode, uid: node.uid, gid: node.gid, mtimeMs: node.mtimeMs });
  };

  for (const [path, type] of INIT_PATHS) {
    const parts = path.split('/').filter(Boolean);
    // Parents: a directory is kept (with its attributes: the overlay copies it up unchanged);
    // anything else is unlinked and a 0755 directory made instead.
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const node = existing(prefix);
      if (node?.kind !== 'dir') entries.set(prefix, { kind: 'dir', path: prefix, mode: 0o755, mtimeMs: timeMs });
      else if ('children' in node) keepDir(prefix, node);
    }
    const rel = parts.join('/');
    const node = existing(rel);
    if (node?.kind === 'dir') {
      // Exists (as a directory) after the unlinks: left alone, as os.Stat finds it.
      if ('children' in node) keepDir(rel, node);
      continue;
    }
    if (type === 'dir') entries.set(rel, { kind: 'dir', path: rel, mode: 0o755, mtimeMs: timeMs });
    else if (type === 'file') entries.set(rel, { kind: 'file', path: rel, mode: 0o755, content: '', mtimeMs: timeMs });
    else entries.set(rel, { kind: 'symlink', path: rel, linkTarget: type.symlink, mtimeMs: timeMs });
  }
  const layer = layerFromEntries([...entries.values()]);
  byTime.set(timeMs, layer);
  return layer;
}
