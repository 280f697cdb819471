/**
 * A RUN step after `USER app` runs as that user, and what it creates belongs to that user: the
 * kernel gives a new inode the creating process's fsuid/fsgid (open(2) O_CREAT, mkdir(2),
 * symlink(2)). buildah and BuildKit both commit such files as `1000:1000` in the layer.
 *
 * The union filesystem does not know who calls it, so the builder hands the simulated shell this
 * view of it: every call that creates a path chowns the paths it created to the step's user.
 * Existing files keep their owner (writing to or renaming a file does not change it). For root the
 * filesystem is returned as is.
 *
 * Not modelled: the owner of a new symlink (the `FileSystem` contract has no lchown; `chown`
 * follows the link), so a symlink made by a non-root step stays `0:0` in the model.
 */
import type { FileData, FileStat, FileSystem } from '../unionfs/FileSystem';

export interface ProcessOwner {
  readonly uid: number;
  readonly gid: number;
}

/** `fs` as seen by a process running as `owner`; `fs` itself when the owner is root. */
export function fileSystemAsUser(fs: FileSystem, owner: ProcessOwner): FileSystem {
  if (owner.uid === 0 && owner.gid === 0) return fs;
  return new UserFileSystem(fs, owner);
}

class UserFileSystem implements FileSystem {
  readonly #fs: FileSystem;
  readonly #owner: ProcessOwner;

  constructor(fs: FileSystem, owner: ProcessOwner) {
    this.#fs = fs;
    this.#owner = owner;
  }

  /** Runs a creating call, then gives the paths it created to the owner. */
  #creating(paths: readonly string[], create: () => void): void {
    const created = paths.filter((p) => !this.#present(p));
    create();
    for (const p of created) if (this.#present(p) && this.#fs.lstat(p).kind !== 'symlink') this.#fs.chown(p, this.#owner.uid, this.#owner.gid);
  }

  #present(path: string): boolean {
    try {
      this.#fs.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  stat(path: string): FileStat {
    return this.#fs.stat(path);
  }
  lstat(path: string): FileStat {
    return this.#fs.lstat(path);
  }
  exists(path: string): boolean {
    return this.#fs.exists(path);
  }
  readFile(path: string) {
    return this.#fs.readFile(path);
  }
  writeFile(path: string, data: FileData, options?: { mode?: number }): void {
    this.#creating([path], () => this.#fs.writeFile(path, data, options));
  }
  appendFile(path: string, data: FileData): void {
    this.#creating([path], () => this.#fs.appendFile(path, data));
  }
  truncate(path: string, size: number): void {
    this.#fs.truncate(path, size);
  }
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    // `mkdir -p a/b/c` creates every missing ancestor, each owned by the caller.
    const paths = options?.recursive ? ancestorsAndSelf(path) : [path];
    this.#creating(paths, () => this.#fs.mkdir(path, options));
  }
  readdir(path: string): string[] {
    return this.#fs.readdir(path);
  }
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): void {
    this.#fs.rm(path, options);
  }
  rmdir(path: string): void {
    this.#fs.rmdir(path);
  }
  rename(from: string, to: string): void {
    this.#fs.rename(from, to);
  }
  chmod(path: string, mode: number): void {
    this.#fs.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.#fs.chown(path, uid, gid);
  }
  symlink(target: string, path: string): void {
    this.#fs.symlink(target, path);
  }
  readlink(path: string): string {
    return this.#fs.readlink(path);
  }
  utimes(path: string, mtimeMs: number): void {
    this.#fs.utimes(path, mtimeMs);
  }
}

/** "/a/b/c" → ["/a", "/a/b", "/a/b/c"]. */
function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}
