/**
 * stat, du, realpath, readlink, basename, dirname — what a lesson uses to look at sizes, modes and
 * link targets. Formats are busybox 1.35's; inode and device numbers do not exist in the model and
 * print as 0.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import type { FileStat } from '../../unionfs/FileSystem';
import { strerror } from '../fsErrors';
import { baseName, joinPath, normalizePath, parentPath } from '../paths';
import { groupName, userName } from './accounts';
import { strftime } from './dateFormat';
import { blocksOf, humanSize } from './ls';
import { modeString } from './mode';
import { options, usage } from './options';
import { FIND_COMMANDS } from './find';

const KIND_TEXT: Readonly<Record<FileStat['kind'], string>> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link' };

function statTime(ms: number): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String((ms % 1000) * 1e6).padStart(9, '0')} +0000`;
}

function formatStat(ctx: CommandContext, format: string, shown: string, path: string, st: FileStat): string {
  const octal = (st.mode & 0o7777).toString(8);
  const conv: Record<string, () => string> = {
    a: () => octal,
    A: () => modeString(st.kind, st.mode),
    b: () => String(blocksOf(st) * 2),
    B: () => '512',
    d: () => '0',
    D: () => '0',
    f: () => (st.mode | (st.kind === 'dir' ? 0o40000 : st.kind === 'symlink' ? 0o120000 : 0o100000)).toString(16),
    F: () => (st.kind === 'file' && st.size === 0 ? 'regular empty file' : KIND_TEXT[st.kind]),
    g: () => String(st.gid),
    G: () => groupName(ctx.fs, st.gid),
    h: () => String(st.kind === 'dir' ? 2 : 1),
    i: () => '0',
    n: () => shown,
    N: () => (st.kind === 'symlink' ? `'${shown}' -> '${ctx.fs.readlink(path)}'` : shown),
    o: () => '4096',
    s: () => String(st.size),
    u: () => String(st.uid),
    U: () => userName(ctx.fs, st.uid),
    x: () => statTime(st.mtimeMs),
    X: () => String(Math.floor(st.mtimeMs / 1000)),
    y: () => statTime(st.mtimeMs),
    Y: () => String(Math.floor(st.mtimeMs / 1000)),
    z: () => statTime(st.mtimeMs),
    Z: () => String(Math.floor(st.mtimeMs / 1000)),
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (all, c: string) => conv[c]?.() ?? all);
}

const stat: ShellCommand = {
  name: 'stat',
  kind: 'utility',
  summary: 'file status (-c FORMAT with %s %n %a %A %U %G %u %g %F %Y %y %h %b %N, -L)',
  run(ctx) {
    const o = options(ctx, { flags: 'Lft', values: 'c', long: { 'format=': 'c', dereference: 'L' }, usage: 'stat [-ltf] [-c FMT] FILE...' });
    if (o === undefined) return 1;
    if (o.operands.length === 0) {
      usage(ctx, 'stat [-ltf] [-c FMT] FILE...');
      return 1;
    }
    let status = 0;
    for (const operand of o.operands) {
      const path = ctx.resolve(operand);
      let st: FileStat;
      try {
        st = o.flags.has('L') ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      } catch (e) {
        ctx.error(`can't stat '${operand}': ${strerror(e)}`);
        status = 1;
        continue;
      }
      const format = o.values.get('c')?.at(-1);
      if (format !== undefined) {
        ctx.print(`${formatStat(ctx, format, operand, path, st)}\n`);
        continue;
      }
      if (o.flags.has('t')) {
        ctx.print(`${formatStat(ctx, '%n %s %b %f %u %g 0 0 %h 0 0 %X %Y %Z 4096', operand, path, st)}\n`);
        continue;
      }
      const name = st.kind === 'symlink' ? `'${operand}' -> '${ctx.fs.readlink(path)}'` : operand;
      ctx.print(
        formatStat(
          ctx,
          `  File: ${name.replace(/%/g, '%%')}\n  Size: %-10s\tBlocks: %-10b IO Block: 4096   %F\nDevice: 0h/0d\tInode: 0           Links: %h\nAccess: (%04a/%A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n`
            .replace('%-10s', String(st.size).padEnd(10))
            .replace('%-10b', String(blocksOf(st) * 2).padEnd(10))
            .replace('%04a', (st.mode & 0o7777).toString(8).padStart(4, '0'))
            .replace('%5u', String(st.uid).padStart(5))
            .replace('%8U', userName(ctx.fs, st.uid).padStart(8))
            .replace('%5g', String(st.gid).padStart(5))
            .replace('%8G', groupName(ctx.fs, st.gid).padStart(8)),
          operand,
          path,
          st,
        ),
      );
    }
    return status;
  },
};

/** 1K blocks used by a tree (files counted once). */
function diskUsage(ctx: CommandContext, path: string, shown: string, report: (blocks: number, shown: string, isDir: boolean) => void): number {
  const st = ctx.fs.lstat(path);
  let total = blocksOf(st);
  if (st.kind === 'dir') {
    for (const name of ctx.fs.readdir(path)) total += diskUsage(ctx, joinPath(path, name), `${shown.replace(/\/$/, '')}/${name}`, report);
  }
  report(total, shown, st.kind === 'dir');
  return total;
}

const du: ShellCommand = {
  name: 'du',
  kind: 'utility',
  summary: 'disk usage in 1K blocks (-s summary, -h human, -a all files, -c total)',
  run(ctx) {
    const o = options(ctx, { flags: 'aHLdlsxmhkcb', values: 'd', usage: 'du [-aHLdclsxhmk] [FILE]...' });
    if (o === undefined) return 1;
    const operands = o.operands.length === 0 ? ['.'] : o.operands;
    const fmt = (blocks: number): string => (o.flags.has('h') ? humanSize(blocks * 1024) : o.flags.has('m') ? String(Math.ceil(blocks / 1024)) : String(blocks));
    let status = 0;
    let grand = 0;
    for (const operand of operands) {
      const top = ctx.resolve(operand);
      try {
        const total = diskUsage(ctx, top, operand, (blocks, shown, isDir) => {
          if (o.flags.has('s')) return;
          if (isDir || o.flags.has('a')) {
            if (shown !== operand) ctx.print(`${fmt(blocks)}\t${shown}\n`);
          }
        });
        ctx.print(`${fmt(total)}\t${operand}\n`);
        grand += total;
      } catch (e) {
        ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
      }
    }
    if (o.flags.has('c')) ctx.print(`${fmt(grand)}\ttotal\n`);
    return status;
  },
};

/** Follows every symlink of `path` (realpath(3)); undefined when a component is missing. */
export function canonicalPath(ctx: CommandContext, path: string, depth = 0): string | undefined {
  if (depth > 40) return undefined;
  const parts = normalizePath(path).split('/').filter((p) => p !== '');
  let current = '/';
  for (let i = 0; i < parts.length; i++) {
    const next = joinPath(current, parts[i] as string);
    let st: FileStat;
    try {
      st = ctx.fs.lstat(next);
    } catch {
      return undefined;
    }
    if (st.kind === 'symlink') {
      const target = ctx.fs.readlink(next);
      const resolved = canonicalPath(ctx, target.startsWith('/') ? target : joinPath(current, target), depth + 1);
      if (resolved === undefined) return undefined;
      current = resolved;
    } else current = next;
  }
  return current;
}

const realpath: ShellCommand = {
  name: 'realpath',
  kind: 'utility',
  summary: 'print the resolved absolute path',
  run(ctx) {
    let status = 0;
    for (const operand of ctx.args) {
      const p = canonicalPath(ctx, ctx.resolve(operand));
      if (p === undefined) {
        ctx.error(`${operand}: No such file or directory`);
        status = 1;
      } else ctx.print(`${p}\n`);
    }
    return status;
  },
};

const readlink: ShellCommand = {
  name: 'readlink',
  kind: 'utility',
  summary: 'print a symlink target (-f canonical path)',
  run(ctx) {
    const o = options(ctx, { flags: 'fnve', usage: 'readlink [-fnv] FILE' });
    if (o === undefined) return 1;
    const [operand] = o.operands;
    if (operand === undefined || o.operands.length > 1) {
      usage(ctx, 'readlink [-fnv] FILE');
      return 1;
    }
    const nl = o.flags.has('n') ? '' : '\n';
    if (o.flags.has('f') || o.flags.has('e')) {
      const p = canonicalPath(ctx, ctx.resolve(operand));
      if (p === undefined) return 1;
      ctx.print(`${p}${nl}`);
      return 0;
    }
    try {
      ctx.print(`${ctx.fs.readlink(ctx.resolve(operand))}${nl}`);
      return 0;
    } catch {
      return 1;
    }
  },
};

const basename: ShellCommand = {
  name: 'basename',
  kind: 'utility',
  summary: 'strip directory (and a suffix) from a name',
  run(ctx) {
    const [name, suffix] = ctx.args;
    if (name === undefined) {
      usage(ctx, 'basename FILE [SUFFIX]');
      return 1;
    }
    let base = baseName(name);
    if (suffix !== undefined && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
    ctx.print(`${base}\n`);
    return 0;
  },
};

const dirname: ShellCommand = {
  name: 'dirname',
  kind: 'utility',
  summary: 'strip the last component of a name',
  run(ctx) {
    const [name] = ctx.args;
    if (name === undefined) {
      usage(ctx, 'dirname FILENAME');
      return 1;
    }
    const trimmed = name.replace(/(.)\/+$/, '$1');
    if (!trimmed.includes('/')) ctx.print('.\n');
    else if (trimmed.startsWith('/') && trimmed.lastIndexOf('/') === 0) ctx.print('/\n');
    else ctx.print(`${parentPath(trimmed).replace(/\/+$/, '') || '/'}\n`);
    return 0;
  },
};

export const INFO_COMMANDS: readonly ShellCommand[] = [stat, du, realpath, readlink, basename, dirname, ...FIND_COMMANDS];
