/**
 * ls, in the format busybox 1.35 prints when its output is not a terminal (one name per line):
 * `-l` is `%-10s %4u %-8.8s %-8.8s %9u Mon DD HH:MM name[ -> target]`, "total N" counts 1K blocks,
 * `-h` sizes are 1024-based with one decimal ("1.5K"), `-R` heads each directory with "dir:".
 * Blocks are estimated as whole 4 KiB blocks (the model has no sparse files), link counts as
 * 1 for files and 2 + subdirectories for directories (the model has no hard links).
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import type { FileStat } from '../../unionfs/FileSystem';
import { compareBytes } from '../glob';
import { strerror } from '../fsErrors';
import { joinPath } from '../paths';
import { groups, users } from './accounts';
import { lsTime } from './dateFormat';
import { modeString } from './mode';
import { options } from './options';

/** 1K blocks a file of `size` bytes occupies (whole 4 KiB blocks). */
export function blocksOf(stat: FileStat): number {
  if (stat.kind === 'symlink') return 0;
  return Math.ceil(stat.size / 4096) * 4;
}

/** busybox's make_human_readable_str(size, 1, 0): "1023", "1.0K", "117.7M". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${(Math.round(v * 10) / 10).toFixed(1)}${units[u] as string}`;
}

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly stat: FileStat;
}

interface LsFlags {
  readonly long: boolean;
  readonly all: boolean;
  readonly almostAll: boolean;
  readonly recursive: boolean;
  readonly directory: boolean;
  readonly classify: boolean;
  readonly slash: boolean;
  readonly human: boolean;
  readonly numeric: boolean;
  readonly size: boolean;
  readonly reverse: boolean;
  readonly byTime: boolean;
  readonly bySize: boolean;
  readonly inode: boolean;
}

const ls: ShellCommand = {
  name: 'ls',
  kind: 'utility',
  summary: 'list directories (-l -a -A -1 -R -d -F -p -h -n -s -r -t -S)',
  run(ctx) {
    const o = options(ctx, { flags: '1aAlRdFphnsrtSCxLHieuc', long: { color: 'Z', 'color=': 'Z', 'full-time': 'T', 'group-directories-first': 'G', 'human-readable': 'h', all: 'a', 'almost-all': 'A', recursive: 'R', directory: 'd', classify: 'F' }, usage: 'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...' });
    if (o === undefined) return 1;
    const f: LsFlags = {
      long: o.flags.has('l') || o.flags.has('n'),
      all: o.flags.has('a'),
      almostAll: o.flags.has('A'),
      recursive: o.flags.has('R'),
      directory: o.flags.has('d'),
      classify: o.flags.has('F'),
      slash: o.flags.has('p'),
      human: o.flags.has('h'),
      numeric: o.flags.has('n'),
      size: o.flags.has('s'),
      reverse: o.flags.has('r'),
      byTime: o.flags.has('t'),
      bySize: o.flags.has('S'),
      inode: o.flags.has('i'),
    };
    const names = new Names(ctx);
    const operands = o.operands.length === 0 ? ['.'] : o.operands;
    let status = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const operand of operands) {
      const path = ctx.resolve(operand);
      let stat: FileStat;
      try {
        stat = ctx.fs.lstat(path);
        // A symlink operand is followed unless -l, -d or -F asks about the link itself.
        if (stat.kind === 'symlink' && !f.long && !f.directory && !f.classify) stat = ctx.fs.stat(path);
      } catch (e) {
        ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
        continue;
      }
      if (stat.kind === 'dir' && !f.directory) dirs.push({ name: operand, path, stat });
      else files.push({ name: operand, path, stat });
    }
    let printed = false;
    if (files.length > 0) {
      printEntries(ctx, sortEntries(files, f), f, names);
      printed = true;
    }
    const sortedDirs = sortEntries(dirs, f);
    const header = f.recursive || operands.length > 1 || files.length > 0;
    for (const dir of sortedDirs) {
      if (listDirectory(ctx, dir.name, dir.path, f, names, header, printed) !== 0) status = 1;
      printed = true;
    }
    return status;
  },
};

function listDirectory(ctx: CommandContext, shown: string, path: string, f: LsFlags, names: Names, header: boolean, needBlank: boolean): number {
  if (needBlank) ctx.print('\n');
  if (header) ctx.print(`${shown}:\n`);
  let children: Entry[];
  try {
    const list = ctx.fs.readdir(path).filter((n) => f.all || f.almostAll || !n.startsWith('.'));
    children = list.map((name) => ({ name, path: joinPath(path, name), stat: ctx.fs.lstat(joinPath(path, name)) }));
    if (f.all) {
      children.push({ name: '.', path, stat: ctx.fs.stat(path) });
      const parent = path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/';
      children.push({ name: '..', path: parent, stat: ctx.fs.stat(parent) });
    }
  } catch (e) {
    ctx.error(`${shown}: ${strerror(e)}`);
    return 1;
  }
  const sorted = sortEntries(children, f);
  if (f.long || f.size) {
    const total = sorted.reduce((sum, e) => sum + blocksOf(e.stat), 0);
    ctx.print(f.human ? `total ${humanSize(total * 1024).padEnd(7)}\n` : `total ${total}\n`);
  }
  printEntries(ctx, sorted, f, names);
  let status = 0;
  if (f.recursive) {
    for (const child of sorted) {
      if (child.stat.kind !== 'dir' || child.name === '.' || child.name === '..') continue;
      const childShown = shown.endsWith('/') ? `${shown}${child.name}` : `${shown}/${child.name}`;
      if (listDirectory(ctx, childShown, child.path, f, names, true, true) !== 0) status = 1;
    }
  }
  return status;
}

function sortEntries(entries: Entry[], f: LsFlags): Entry[] {
  const sorted = [...entries].sort((a, b) => {
    if (f.byTime && a.stat.mtimeMs !== b.stat.mtimeMs) return b.stat.mtimeMs - a.stat.mtimeMs;
    if (f.bySize && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return compareBytes(a.name, b.name);
  });
  return f.reverse ? sorted.reverse() : sorted;
}

function printEntries(ctx: CommandContext, entries: readonly Entry[], f: LsFlags, names: Names): void {
  const now = ctx.runtime.clock.now();
  let out = '';
  for (const e of entries) {
    let line = '';
    if (f.size) line += `${String(blocksOf(e.stat)).padStart(6)} `;
    if (f.long) {
      const nlink = e.stat.kind === 'dir' ? dirLinks(ctx, e.path) : 1;
      const owner = f.numeric ? String(e.stat.uid) : names.user(e.stat.uid);
      const group = f.numeric ? String(e.stat.gid) : names.group(e.stat.gid);
      const size = f.human ? humanSize(e.stat.size).padStart(7) : String(e.stat.size).padStart(9);
      line += `${modeString(e.stat.kind, e.stat.mode).padEnd(10)} ${String(nlink).padStart(4)} ${owner.slice(0, 8).padEnd(8)} ${group.slice(0, 8).padEnd(8)} ${size} ${lsTime(e.stat.mtimeMs, now)} `;
    }
    line += e.name;
    if (f.long && e.stat.kind === 'symlink') line += ` -> ${readlinkSafe(ctx, e.path)}`;
    if (f.classify || f.slash) line += indicator(ctx, e, f);
    out += `${line}\n`;
  }
  ctx.print(out);
}

function indicator(ctx: CommandContext, e: Entry, f: LsFlags): string {
  if (e.stat.kind === 'dir') return '/';
  if (!f.classify) return '';
  if (e.stat.kind === 'symlink') return '@';
  return (e.stat.mode & 0o111) !== 0 ? '*' : '';
}

function dirLinks(ctx: CommandContext, path: string): number {
  try {
    let n = 2;
    for (const name of ctx.fs.readdir(path)) {
      if (ctx.fs.lstat(joinPath(path, name)).kind === 'dir') n += 1;
    }
    return n;
  } catch {
    return 2;
  }
}

function readlinkSafe(ctx: CommandContext, path: string): string {
  try {
    return ctx.fs.readlink(path);
  } catch {
    return '?';
  }
}

/** uid/gid → name lookups, reading /etc/passwd and /etc/group once per ls. */
class Names {
  #users: Map<number, string> | undefined;
  #groups: Map<number, string> | undefined;
  readonly #ctx: CommandContext;
  constructor(ctx: CommandContext) {
    this.#ctx = ctx;
  }
  user(id: number): string {
    this.#users ??= new Map(users(this.#ctx.fs).map((u) => [u.id, u.name]));
    return this.#users.get(id) ?? (id === 0 && this.#users.size === 0 ? 'root' : String(id));
  }
  group(id: number): string {
    this.#groups ??= new Map(groups(this.#ctx.fs).map((g) => [g.id, g.name]));
    return this.#groups.get(id) ?? (id === 0 && this.#groups.size === 0 ? 'root' : String(id));
  }
}

export const LS_COMMANDS: readonly ShellCommand[] = [ls];
