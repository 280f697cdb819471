/**
 * What the runtime mounts into a container's root filesystem (the `Mounts` of `docker inspect`):
 * single-file bind mounts and directory mounts (a named volume, the tmpfs on /dev, proc, sysfs).
 * A mount's content lives outside the container's writable layer: `docker diff`, `export` and
 * `commit` do not see it, and it outlives the container when it is a named volume.
 */
import type { FileSystem } from '../unionfs/FileSystem';
import type { MountedFile } from './MountedFile';

export interface FileBindMount {
  readonly kind: 'file';
  /** Where it appears in the container ("/etc/hostname"). */
  readonly path: string;
  readonly file: MountedFile;
  /** Where it comes from (docker: a file in /var/lib/docker/containers/<id>/). */
  readonly source: string;
}

export interface DirMount {
  readonly kind: 'dir';
  readonly path: string;
  readonly fs: FileSystem;
  /** `volume`, `tmpfs`, `proc`, `sysfs` … (the `Type` / filesystem type). */
  readonly type: 'volume' | 'tmpfs' | 'proc' | 'sysfs';
  /** The volume name, or the filesystem type for the kernel's own filesystems. */
  readonly source: string;
  /** Writes fail with EROFS (sysfs in a container, a volume mounted `:ro`). */
  readonly readOnly: boolean;
}

export type ContainerMount = FileBindMount | DirMount;
