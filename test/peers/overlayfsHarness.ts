/**
 * The real-kernel side of the overlayfs comparison: random layers and operation sequences (seeded),
 * written to real directories with real overlay whiteouts (0/0 character devices) and opaque
 * directories (`trusted.overlay.opaque=y`), mounted with `mount -t overlay`, driven through real
 * syscalls (Node fs), and read back as printable lines to compare with the model's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { flattenLayers, layerFromEntries, type FileTree, type LayerEntryInput } from '../../kernel-lib/src/layer';
import type { UnionFs } from '../../kernel-lib/src/unionfs';

// ── seeded randomness (mulberry32) ──────────────────────────────────────────────────────────────
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

const NAMES = ['a', 'b', 'c'];
/**
 * Symlink targets stay relative and never climb: the mount is not the process's root, so an absolute
 * target or a ".." at the mount's top would leave the overlay (the busybox session test runs
 * chrooted and covers those; the unit tests cover them against the reference model).
 */
const LINK_TARGETS = ['a', 'b', 'c', 'a/b', 'nowhere', '.'];

// ── random layers ───────────────────────────────────────────────────────────────────────────────
/**
 * One layer as a consistent little tree, emitted as entries with every parent directory present.
 * Whiteouts are made only for paths that exist below and not inside a directory this layer makes
 * opaque: overlayfs lists a whiteout device that hides nothing in a non-merged directory (a real
 * layer never holds one, since Docker only writes whiteouts for names that exist below).
 */
function randomLayer(r: Rng, index: number, below: FileTree): LayerEntryInput[] {
  const out: LayerEntryInput[] = [];
  const gen = (dir: string, depth: number, opaque = false) => {
    for (const name of NAMES) {
      const path = dir ? `${dir}/${name}` : name;
      const roll = r.next();
      if (roll < 0.35) continue;
      if (roll < 0.6) out.push({ kind: 'file', path, content: r.pick(['', 'x\n', `${path}@${index}\n`, 'hello world\n']), mode: r.pick([0o644, 0o600, 0o755]) });
      else if (roll < 0.85 || depth >= 3) {
        if (depth >= 3) continue;
        out.push({ kind: 'dir', path, mode: r.pick([0o755, 0o755, 0o700]) });
        const isOpaque = index > 0 && r.chance(0.2);
        if (isOpaque) out.push({ kind: 'opaque', path });
        gen(path, depth + 1, opaque || isOpaque);
      } else if (roll < 0.93) out.push({ kind: 'symlink', path, linkTarget: r.pick(LINK_TARGETS) });
      else if (!opaque && below.get(path) !== undefined) out.push({ kind: 'whiteout', path });
    }
  };
  gen('', 1);
  return out;
}

export function randomLayers(r: Rng): LayerEntryInput[][] {
  const n = 1 + r.int(3);
  const layers: LayerEntryInput[][] = [];
  for (let i = 0; i < n; i++) layers.push(randomLayer(r, i, flattenLayers(layers.map((l) => layerFromEntries(l)))));
  return layers;
}

/** Writes a layer as overlay2 stores it: a directory with whiteout devices and opaque xattrs. */
export function writeLayerDir(root: string, entries: readonly LayerEntryInput[]): string[] {
  const special: string[] = [];
  fs.mkdirSync(root, { recursive: true });
  for (const e of entries) {
    const p = join(root, e.path);
    switch (e.kind) {
      case 'dir':
        fs.mkdirSync(p, { mode: 0o755 });
        fs.chmodSync(p, e.mode ?? 0o755);
        break;
      case 'file':
        fs.writeFileSync(p, e.content as string);
        fs.chmodSync(p, e.mode ?? 0o644);
        break;
      case 'symlink':
        fs.symlinkSync(e.linkTarget as string, p);
        break;
      case 'whiteout':
        special.push(`mknod ${JSON.stringify(p)} c 0 0`);
        break;
      case 'opaque':
        special.push(`setfattr -n trusted.overlay.opaque -v y ${JSON.stringify(p)}`);
        break;
      default:
        throw new Error(`not generated: ${e.kind}`);
    }
  }
  return special;
}

// ── random operations ───────────────────────────────────────────────────────────────────────────
export type Op =
  | { op: 'write' | 'append'; path: string; data: string }
  | { op: 'truncate'; path: string; size: number }
  | { op: 'mkdir' | 'mkdirp' | 'rm' | 'rmr' | 'rmdir'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'symlink'; target: string; path: string };

function randomPath(r: Rng): string {
  const depth = 1 + r.int(3);
  return '/' + Array.from({ length: depth }, () => r.pick(NAMES)).join('/');
}

export function randomOps(r: Rng, count: number): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    const path = randomPath(r);
    switch (r.int(11)) {
      case 0: ops.push({ op: 'write', path, data: r.pick(['', 'new\n', 'written data\n']) }); break;
      case 1: ops.push({ op: 'append', path, data: r.pick(['+\n', 'more\n']) }); break;
      case 2: ops.push({ op: 'truncate', path, size: r.pick([0, 1, 5, 20]) }); break;
      case 3: ops.push({ op: 'mkdir', path }); break;
      case 4: ops.push({ op: 'mkdirp', path }); break;
      case 5: ops.push({ op: 'rm', path }); break;
      case 6: ops.push({ op: 'rmr', path }); break;
      case 7: ops.push({ op: 'rmdir', path }); break;
      case 8: ops.push({ op: 'rename', from: path, to: randomPath(r) }); break;
      case 9: ops.push({ op: 'chmod', path, mode: r.pick([0o600, 0o755, 0o640]) }); break;
      default: ops.push({ op: 'symlink', target: r.pick(LINK_TARGETS), path }); break;
    }
  }
  return ops;
}

export function describeOp(o: Op): string {
  switch (o.op) {
    case 'rename': return `rename ${o.from} ${o.to}`;
    case 'symlink': return `symlink ${o.target} ${o.path}`;
    case 'truncate': return `truncate ${o.path} ${o.size}`;
    case 'chmod': return `chmod ${o.mode.toString(8)} ${o.path}`;
    case 'write': case 'append': return `${o.op} ${o.path} ${JSON.stringify(o.data)}`;
    default: return `${o.op} ${o.path}`;
  }
}

function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    const code = (error as { code?: string; errno?: string }).code;
    return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : `threw ${String(error)}`;
  }
}

/** rm -r as coreutils and busybox do it: children first (unlink / rmdir), then the directory. */
function realRmR(p: string): void {
  const st = fs.lstatSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) realRmR(join(p, name));
    fs.rmdirSync(p);
  } else fs.unlinkSync(p);
}

export function runReal(mount: string, o: Op): string {
  const at = (p: string) => join(mount, p);
  return outcome(() => {
    switch (o.op) {
      case 'write': return fs.writeFileSync(at(o.path), o.data);
      case 'append': return fs.appendFileSync(at(o.path), o.data);
      case 'truncate': return fs.truncateSync(at(o.path), o.size);
      case 'mkdir': return void fs.mkdirSync(at(o.path));
      case 'mkdirp': return void fs.mkdirSync(at(o.path), { recursive: true });
      case 'rm': return fs.unlinkSync(at(o.path));
      case 'rmr': return realRmR(at(o.path));
      case 'rmdir': return fs.rmdirSync(at(o.path));
      case 'rename': return fs.renameSync(at(o.from), at(o.to));
      case 'chmod': return fs.chmodSync(at(o.path), o.mode);
      case 'symlink': return fs.symlinkSync(o.target, at(o.path));
    }
  });
}

export function runModel(ufs: UnionFs, o: Op): string {
  return outcome(() => {
    switch (o.op) {
      case 'write': return ufs.writeFile(o.path, o.data);
      case 'append': return ufs.appendFile(o.path, o.data);
      case 'truncate': return ufs.truncate(o.path, o.size);
      case 'mkdir': return ufs.mkdir(o.path);
      case 'mkdirp': return ufs.mkdir(o.path, { recursive: true });
      case 'rm': return ufs.rm(o.path);
      case 'rmr': return ufs.rm(o.path, { recursive: true });
      case 'rmdir': return ufs.rmdir(o.path);
      case 'rename': return ufs.rename(o.from, o.to);
      case 'chmod': return ufs.chmod(o.path, o.mode);
      case 'symlink': return ufs.symlink(o.target, o.path);
    }
  });
}

// ── reading real trees back ─────────────────────────────────────────────────────────────────────
const perm = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

/** One line per entry of a real merged tree: path, type, mode, size, content or link target. */
export function realMergedLines(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(p);
      if (st.isDirectory()) {
        lines.push(`${r} dir ${perm(st.mode)}`);
        walk(p, r);
      } else if (st.isSymbolicLink()) lines.push(`${r} symlink -> ${fs.readlinkSync(p)}`);
      else if (st.isFile()) lines.push(`${r} file ${perm(st.mode)} ${st.size} ${JSON.stringify(fs.readFileSync(p, 'utf8'))}`);
      else lines.push(`${r} other`);
    }
  };
  walk(root, '');
  return lines;
}

export function modelMergedLines(ufs: UnionFs): string[] {
  const lines: string[] = [];
  for (const [path, node] of ufs.mergedTree().walk()) {
    if (node.kind === 'dir') lines.push(`${path} dir ${perm(node.mode)}`);
    else if (node.kind === 'symlink') lines.push(`${path} symlink -> ${node.target}`);
    else if (node.kind === 'file') lines.push(`${path} file ${perm(node.mode)} ${node.content.size} ${JSON.stringify(node.content.text())}`);
    else lines.push(`${path} other`);
  }
  return lines;
}

/** Directories carrying trusted.overlay.opaque=y below `root` (relative paths). */
function opaqueDirs(root: string): Set<string> {
  // -h: do not follow symlinks (a dangling one would fail); the exit status only reports such misses.
  const out = spawnSync('getfattr', ['-R', '-h', '-d', '-m', '^trusted\\.overlay\\.opaque$', '--absolute-names', root], {
    encoding: 'utf8',
  }).stdout;
  const set = new Set<string>();
  let file = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('# file: ')) file = line.slice(8);
    else if (line === 'trusted.overlay.opaque="y"') set.add(file === root ? '' : file.slice(root.length + 1));
  }
  return set;
}

/**
 * The real upper directory as an OCI changeset (go-archive's overlay → tar conversion, OCI-FACTS
 * §3.3): walk order, 0/0 devices as `.wh.<name>`, opaque directories followed by their marker.
 */
export function realUpperChangeset(upper: string): string[] {
  const opaque = opaqueDirs(upper);
  const lines: string[] = [];
  if (opaque.has('')) lines.push(`.wh..wh..opq file`);
  const walk = (dir: string, rel: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(p);
      if (st.isCharacterDevice() && st.rdev === 0) lines.push(`${rel ? `${rel}/` : ''}.wh.${name} file 0600 0`);
      else if (st.isDirectory()) {
        lines.push(`${r} dir ${perm(st.mode)}`);
        if (opaque.has(r)) lines.push(`${r}/.wh..wh..opq file ${perm(st.mode & 0o777)} 0`);
        walk(p, r);
      } else if (st.isSymbolicLink()) lines.push(`${r} symlink -> ${fs.readlinkSync(p)}`);
      else lines.push(`${r} file ${perm(st.mode)} ${st.size}`);
    }
  };
  walk(upper, '');
  return lines;
}

export function modelUpperChangeset(ufs: UnionFs): string[] {
  return ufs.upperAsLayer().tarEntries.map((e) =>
    e.type === 'symlink' ? `${e.path} symlink -> ${e.linkTarget}` : e.type === 'dir' ? `${e.path} dir ${perm(e.mode)}` : `${e.path} file ${perm(e.mode)} ${e.content.size}`,
  );
}
