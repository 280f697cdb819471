/**
 * `RUN --mount` in the model. A mount is visible at its target only while the step runs and never
 * ends up in the layer (BuildKit mounts it over the rootfs and removes the mount stubs it had to
 * create, so the parent directories are left as they were):
 *
 * - `type=cache`: a directory that persists between builds in the engine (keyed by `id`, default
 *   the target); its contents are copied in before and saved back after the step;
 * - `type=secret`: the secret's bytes at `/run/secrets/<id>` (or `target`), mode 0400;
 * - `type=bind`: files of the context or of another stage/image, read-only;
 * - `type=tmpfs`: an empty directory.
 * After the step, the upper directory is put back under every target: what the step wrote there
 * is dropped from the layer.
 */
import type { Content } from '../content/Content';
import { toContent } from '../content/createContent';
import type { TreeDirNode } from '../layer/FileTree';
import { FsError, type FileSystem } from '../unionfs/FileSystem';
import type { UnionFs } from '../unionfs/UnionFs';
import { copyInto, type ReadableFs } from './copyFiles';

/** A saved directory tree (a cache mount's contents). */
export type SavedTree = ReadonlyMap<string, { kind: 'file' | 'dir' | 'symlink'; mode: number; content: Content; target: string; mtimeMs: number }>;

export interface PreparedMount {
  readonly target: string;
  /** Ancestors of the target that did not exist before (mount stubs). */
  readonly stubs: readonly string[];
  readonly kind: 'cache' | 'secret' | 'bind' | 'tmpfs';
  readonly cacheId?: string;
}

function parentsOf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push('/' + parts.slice(0, i).join('/'));
  return out;
}

function existing(fs: FileSystem, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates the target directory (and records which ancestors were created). */
function makeMountPoint(fs: FileSystem, target: string, dir: boolean): string[] {
  const stubs = parentsOf(target).filter((p) => !existing(fs, p));
  const parent = target.slice(0, target.lastIndexOf('/')) || '/';
  if (!existing(fs, parent)) fs.mkdir(parent, { recursive: true, mode: 0o755 });
  if (dir && !existing(fs, target)) fs.mkdir(target, { mode: 0o755 });
  return stubs;
}

export function mountCache(fs: FileSystem, target: string, saved: SavedTree | undefined, cacheId: string): PreparedMount {
  const stubs = makeMountPoint(fs, target, true);
  for (const [rel, node] of saved ?? new Map()) {
    const path = `${target}/${rel}`;
    if (node.kind === 'dir') {
      if (!existing(fs, path)) fs.mkdir(path, { recursive: true, mode: node.mode });
    } else if (node.kind === 'symlink') fs.symlink(node.target, path);
    else fs.writeFile(path, node.content, { mode: node.mode });
  }
  return { target, stubs, kind: 'cache', cacheId };
}

export function mountSecret(fs: FileSystem, target: string, value: Uint8Array | string, mode: number): PreparedMount {
  const stubs = makeMountPoint(fs, target, false);
  fs.writeFile(target, toContent(value), { mode });
  fs.chmod(target, mode);
  return { target, stubs, kind: 'secret' };
}

export function mountBind(fs: FileSystem, target: string, source: ReadableFs, sourcePath: string, nowMs: number): PreparedMount {
  const isDir = source.stat(sourcePath).kind === 'dir';
  const stubs = makeMountPoint(fs, target, isDir);
  copyInto(source, [sourcePath], fs, target, isDir, { uid: 0, gid: 0, nowMs });
  return { target, stubs, kind: 'bind' };
}

export function mountTmpfs(fs: FileSystem, target: string): PreparedMount {
  return { target, stubs: makeMountPoint(fs, target, true), kind: 'tmpfs' };
}

/** Reads the tree under `target` (for saving a cache mount back). */
export function saveTree(fs: FileSystem, target: string): SavedTree {
  const out = new Map<string, { kind: 'file' | 'dir' | 'symlink'; mode: number; content: Content; target: string; mtimeMs: number }>();
  const walk = (dir: string, rel: string): void => {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch (error) {
      if (error instanceof FsError) return;
      throw error;
    }
    for (const name of names) {
      const path = `${dir}/${name}`;
      const r = rel === '' ? name : `${rel}/${name}`;
      const stat = fs.lstat(path);
      if (stat.kind === 'dir') {
        out.set(r, { kind: 'dir', mode: stat.mode, content: toContent(''), target: '', mtimeMs: stat.mtimeMs });
        walk(path, r);
      } else if (stat.kind === 'symlink') out.set(r, { kind: 'symlink', mode: stat.mode, content: toContent(''), target: fs.readlink(path), mtimeMs: stat.mtimeMs });
      else out.set(r, { kind: 'file', mode: stat.mode, content: fs.readFile(path), target: '', mtimeMs: stat.mtimeMs });
    }
  };
  walk(target, '');
  return out;
}

function upperParent(fs: UnionFs, path: string): { dir: TreeDirNode; name: string } | undefined {
  const slash = path.lastIndexOf('/');
  const dirNode = fs.upper.get(path.slice(0, slash) || '/');
  if (dirNode === undefined || dirNode.kind !== 'dir') return undefined;
  return { dir: dirNode, name: path.slice(slash + 1) };
}

/**
 * Puts the upper directory back as it was under the mount: drops the target's subtree and the
 * stubs, and upper copies of ancestors that now differ from their lower version in nothing.
 */
export function unmount(fs: UnionFs, mount: PreparedMount): void {
  const drop = (path: string): void => {
    const at = upperParent(fs, path);
    if (at === undefined) return;
    at.dir.children.delete(at.name);
  };
  drop(mount.target);
  for (const stub of [...mount.stubs].reverse()) drop(stub);
  for (const ancestor of parentsOf(mount.target).slice(0, -1).reverse()) {
    const upper = fs.upper.get(ancestor);
    const lower = fs.lower.get(ancestor);
    if (upper === undefined || upper.kind !== 'dir' || lower === undefined || lower.kind !== 'dir') continue;
    if (upper.children.size === 0 && !upper.opaque && upper.mode === lower.mode && upper.uid === lower.uid && upper.gid === lower.gid) drop(ancestor);
  }
}
