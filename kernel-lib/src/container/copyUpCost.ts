/**
 * How long a copy-up takes: the first change to a file of the image copies the whole file into
 * the writable layer before the change is made (unionfs/copyUp.ts says which operations copy data:
 * append, chmod, chown, touch, rename; `>` truncates and copies nothing). A file the container
 * created itself is already in the upper layer: no copy-up, no cost.
 *
 * Measured here (layerlab dev VM, ext4 on a virtio disk, kernel overlayfs, as root, caches dropped
 * before each run): `chmod 600` of a lower file of N MiB on a fresh `mount -t overlay`, three runs
 * per size (seconds): 0 MiB 0.066–0.077 · 1 MiB 0.08–0.24 · 16 MiB 0.12–0.13 · 64 MiB 0.36–0.41 ·
 * 256 MiB 0.47–0.82 · 1 GiB 2.14–2.16. The fixed part is the copy-up's own work (create in the
 * work dir, copy attributes and xattrs, fsync, rename into place); the rest grows with the bytes:
 * 1 GiB in 2.15 s ≈ 500 MB/s, the disk's sequential write speed (the shell's time model uses the
 * same figure, shell/timeModel.ts). Other disks scale the line; its shape — a constant plus a
 * slope — is what the lesson's plot shows. To measure again (as root), per size N:
 *   dd if=/dev/urandom of=L/f bs=1M count=N; sync; echo 3 > /proc/sys/vm/drop_caches
 *   mount -t overlay overlay -o lowerdir=L,upperdir=U,workdir=W M; time chmod 600 M/f
 */

/** Seconds every data copy-up costs whatever its size (measured: 0.066–0.077 s for an empty file). */
export const COPY_UP_FIXED_SECONDS = 0.07;

/** Bytes copied up per second (measured: 1 GiB in 2.14–2.16 s). */
export const COPY_UP_BYTES_PER_SECOND = 500e6;

/** Simulated seconds to copy up a file of `bytes` bytes. */
export function copyUpSeconds(bytes: number): number {
  if (!(bytes >= 0)) throw new RangeError(`copyUpSeconds: bytes must be ≥ 0 (got ${bytes})`);
  // Rounded to the microsecond so sums and plotted values print cleanly.
  return Math.round((COPY_UP_FIXED_SECONDS + bytes / COPY_UP_BYTES_PER_SECOND) * 1e6) / 1e6;
}

/** One point of the first-write cost plot. */
export interface FirstWriteCost {
  readonly bytes: number;
  /** Appending to a file of the image: copy-up of the whole file first. */
  readonly lowerFileSeconds: number;
  /** Appending to a file the container created: written in place, nothing copied. */
  readonly containerFileSeconds: number;
}

/** The first-write cost for each file size (for the notebooks' plot: image file vs container file). */
export function firstWriteCosts(sizes: readonly number[]): FirstWriteCost[] {
  return sizes.map((bytes) => Object.freeze({ bytes, lowerFileSeconds: copyUpSeconds(bytes), containerFileSeconds: 0 }));
}
