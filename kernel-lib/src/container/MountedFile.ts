/**
 * A host file bind-mounted over a path of the container (`/etc/hostname`, `/etc/hosts`,
 * `/etc/resolv.conf` — moby daemon/container_operations_unix.go mounts them from the container's
 * directory on the host). Writes change the host file: nothing is copied up into the container's
 * writable layer, so `docker diff` and `docker commit` never see them.
 */
import type { Content } from '../content/Content';
import { toContent } from '../content/createContent';
import type { FileStat } from '../unionfs/FileSystem';

export class MountedFile {
  content: Content;
  mode: number;
  uid = 0;
  gid = 0;
  mtimeMs: number;

  constructor(content: Content | string, options: { mode?: number; mtimeMs: number }) {
    this.content = toContent(content);
    this.mode = options.mode ?? 0o644;
    this.mtimeMs = options.mtimeMs;
  }

  stat(): FileStat {
    return Object.freeze({ kind: 'file', mode: this.mode, size: this.content.size, uid: this.uid, gid: this.gid, mtimeMs: this.mtimeMs });
  }
}
