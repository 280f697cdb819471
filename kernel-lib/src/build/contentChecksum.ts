/**
 * The content checksum a COPY/ADD (and a bind mount) adds to its cache key, after BuildKit's
 * cache/contenthash (OCI-FACTS §5.2):
 *
 * - a file: a tarsum-like header of mode, uid, gid, size, type and link target — **not** the mtime,
 *   and with uid/gid already reset to 0 for a local context — followed by its content digest;
 * - a directory: its own header, then every child's (relative name, checksum) in sorted order;
 * - a symlink: its header with the target.
 *
 * So `touch` leaves a COPY cached, `chmod +x` or a content edit misses, and so does a rename.
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';

/** What the checksum reads of a file, whatever tree it comes from. */
export interface ChecksumNode {
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly linkTarget: string;
  /** Content digest, for files. */
  digest(): Digest;
}

/** Reads a tree for the checksum: `node(path)` and a directory's sorted `children(path)`. */
export interface ChecksumSource {
  node(path: string): ChecksumNode | undefined;
  children(path: string): readonly string[];
}

const TYPEFLAG = { file: '0', symlink: '2', dir: '5' } as const;

function header(node: ChecksumNode): string {
  // Field names as in the tarsum header BuildKit hashes; mtime deliberately absent.
  return [
    `mode${(node.mode & 0o7777).toString(8)}`,
    `uid${node.uid}`,
    `gid${node.gid}`,
    `size${node.kind === 'file' ? node.size : 0}`,
    `typeflag${TYPEFLAG[node.kind]}`,
    `linkname${node.linkTarget}`,
  ].join('\u0000');
}

/** Checksum of one path (recursively for a directory); undefined when the path does not exist. */
export function checksumPath(source: ChecksumSource, path: string): Digest | undefined {
  const node = source.node(path);
  if (node === undefined) return undefined;
  if (node.kind === 'file') return sha256(`${header(node)}\u0000${node.digest()}`);
  if (node.kind === 'symlink') return sha256(header(node));
  const parts = [header(node)];
  for (const name of source.children(path)) {
    const child = path === '' ? name : `${path}/${name}`;
    parts.push(`${name}\u0000${checksumPath(source, child) ?? ''}`);
  }
  return sha256(parts.join('\u0001'));
}

/** One checksum over several selected paths (order-independent, names included). */
export function checksumSelection(source: ChecksumSource, paths: readonly string[]): Digest {
  const parts = [...new Set(paths)].sort().map((p) => `${p}\u0000${checksumPath(source, p) ?? 'missing'}`);
  return sha256(parts.join('\u0001'));
}
