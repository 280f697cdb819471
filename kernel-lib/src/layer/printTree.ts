/**
 * A filesystem state as readable text, for inline snapshots and notebook output:
 *
 *     /
 *     ├── etc/ (opaque)
 *     │   ├── hosts  0644  10 B  "127.0.0.1\n"
 *     │   └── old  (whiteout)
 *     └── bin -> usr/bin
 *
 * Modes are shown when they differ from the usual defaults (0644 files, 0755 dirs), or always with
 * `{ modes: true }`; owners when not 0:0; file content as a short quoted preview when it is small
 * real text, otherwise as its description ("1073741824 zero bytes").
 */
import type { Content } from '../content/Content';
import { compareNames, type FileTree, type TreeDirNode, type TreeNode } from './FileTree';

export interface PrintTreeOptions {
  /** Show every mode, not only unusual ones. */
  modes?: boolean;
  /** Show the layer index each node came from (for the union filesystem's lower index). */
  layers?: boolean;
  /** Show mtimes as seconds (for docker-diff lessons). */
  mtimes?: boolean;
  /** Longest content preview, in characters (default 24). */
  preview?: number;
}

function preview(content: Content, max: number): string {
  if (content.lazy || content.size > 4096) return content.describe();
  const bytes = content.bytes();
  const text = Buffer.from(bytes).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes)) || /[\x00-\x08\x0e-\x1f]/.test(text)) {
    return `${content.size} B binary`;
  }
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `${content.size} B  ${JSON.stringify(shown)}`;
}

function label(name: string, node: TreeNode, options: PrintTreeOptions): string {
  const parts: string[] = [];
  const defaultMode = node.kind === 'dir' ? 0o755 : node.kind === 'symlink' ? 0o777 : 0o644;
  if (node.kind === 'dir') parts.push(`${name}/${node.opaque ? ' (opaque)' : ''}`);
  else if (node.kind === 'symlink') parts.push(`${name} -> ${node.target}`);
  else if (node.kind === 'whiteout') parts.push(`${name}  (whiteout)`);
  else parts.push(name);
  if (node.kind !== 'whiteout' && node.kind !== 'symlink' && (options.modes || node.mode !== defaultMode)) {
    parts.push(node.mode.toString(8).padStart(4, '0'));
  }
  if (node.uid !== 0 || node.gid !== 0) parts.push(`${node.uid}:${node.gid}`);
  if (node.kind === 'file') parts.push(preview(node.content, options.preview ?? 24));
  if (options.mtimes) parts.push(`t=${Math.floor(node.mtimeMs / 1000)}`);
  if (options.layers) parts.push(node.layer < 0 ? '[upper]' : `[L${node.layer}]`);
  return parts.join('  ');
}

function printDir(dir: TreeDirNode, indent: string, options: PrintTreeOptions, out: string[]): void {
  const names = [...dir.children.keys()].sort(compareNames);
  names.forEach((name, i) => {
    const node = dir.children.get(name) as TreeNode;
    const last = i === names.length - 1;
    out.push(`${indent}${last ? '└── ' : '├── '}${label(name, node, options)}`);
    if (node.kind === 'dir') printDir(node, indent + (last ? '    ' : '│   '), options, out);
  });
}

/** The tree as text, one node per line, starting with "/". */
export function printFileTree(tree: FileTree | TreeDirNode, options: PrintTreeOptions = {}): string {
  const root = 'root' in tree ? tree.root : tree;
  const out = [`/${root.opaque ? ' (opaque)' : ''}`];
  printDir(root, '', options, out);
  return out.join('\n');
}
