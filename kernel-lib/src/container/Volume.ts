/**
 * A named volume (`docker volume create`, `-v name:/path`): a directory the engine keeps outside
 * every container. It outlives `docker rm`, and a new container that mounts it sees what the old
 * one wrote — the lesson's answer to "the writable layer is ephemeral".
 *
 * When an empty, new volume is first mounted where the image has files, docker copies them in
 * (moby volume "copy-up" on mount, unless `nocopy`); the model does too.
 */
import { cloneNode, type TreeDirNode } from '../layer/FileTree';
import type { FsClock } from '../unionfs/FsClock';
import { UnionFs } from '../unionfs/UnionFs';

export class Volume {
  readonly name: string;
  /** The volume's files (a filesystem without lower layers). */
  readonly fs: UnionFs;
  readonly createdMs: number;
  #populated = false;

  constructor(name: string, clock: FsClock) {
    this.name = name;
    this.fs = new UnionFs({ clock });
    this.createdMs = clock.now();
  }

  /** Copies an image directory into the volume the first time it is mounted, when it is still empty. */
  populateFrom(dir: TreeDirNode | undefined): void {
    if (this.#populated) return;
    this.#populated = true;
    if (dir === undefined || this.fs.readdir('/').length > 0) return;
    const root = this.fs.upper.root;
    for (const [name, child] of dir.children) if (child.kind !== 'whiteout') root.children.set(name, { ...cloneNode(child), layer: -1 });
    root.mode = dir.mode;
    root.uid = dir.uid;
    root.gid = dir.gid;
  }

  /** Bytes of the files in the volume (`docker system df -v` VOLUMES SIZE). */
  get size(): number {
    let n = 0;
    for (const [, node] of this.fs.upper.walk()) if (node.kind === 'file') n += node.content.size;
    return n;
  }
}

/** The engine's named volumes, by name. */
export class VolumeStore {
  readonly #volumes = new Map<string, Volume>();

  get(name: string): Volume | undefined {
    return this.#volumes.get(name);
  }

  /** The volume `name`, created when missing (as `docker run -v name:/path` does); `created` says which. */
  ensure(name: string, clock: FsClock): { volume: Volume; created: boolean } {
    const found = this.#volumes.get(name);
    if (found) return { volume: found, created: false };
    const volume = new Volume(name, clock);
    this.#volumes.set(name, volume);
    return { volume, created: true };
  }

  remove(name: string): boolean {
    return this.#volumes.delete(name);
  }

  list(): Volume[] {
    return [...this.#volumes.values()];
  }
}
