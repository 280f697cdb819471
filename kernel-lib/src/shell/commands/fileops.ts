/**
 * touch, mkdir, rm, rmdir, ln, chmod, chown, chgrp — with busybox 1.35's options and messages
 * (`rm: can't remove 'x': No such file or directory`, `mkdir: can't create directory 'a/b': …`).
 * Each acts through the `FileSystem` contract, so on a union filesystem the copy-ups and
 * whiteouts happen exactly where a real overlay would make them.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { isFsError, strerror } from '../fsErrors';
import { baseName, joinPath } from '../paths';
import { parseGroup, parseUser } from './accounts';
import { applyMode } from './mode';
import { options, usage } from './options';
import { COPY_COMMANDS } from './copy';
import { parseDateText } from './dateFormat';

const touch: ShellCommand = {
  name: 'touch',
  kind: 'utility',
  summary: 'create empty files or set their modification time (-c, -d DATE, -r FILE)',
  run(ctx) {
    const o = options(ctx, { flags: 'cham', values: 'dtr', usage: 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...' });
    if (o === undefined) return 1;
    if (o.operands.length === 0) {
      usage(ctx, 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...');
      return 1;
    }
    let time = ctx.runtime.clock.now();
    const d = o.values.get('d')?.at(-1) ?? o.values.get('t')?.at(-1);
    if (d !== undefined) {
      const parsed = parseDateText(d);
      if (parsed === undefined) {
        ctx.error(`invalid date '${d}'`);
        return 1;
      }
      time = parsed;
    }
    const ref = o.values.get('r')?.at(-1);
    if (ref !== undefined) time = ctx.fs.stat(ctx.resolve(ref)).mtimeMs;
    let status = 0;
    for (const operand of o.operands) {
      const path = ctx.resolve(operand);
      try {
        if (!ctx.fs.exists(path)) {
          if (o.flags.has('c')) continue;
          ctx.fs.writeFile(path, '', { mode: 0o644 });
          if (d === undefined && ref === undefined) continue;
        }
        ctx.fs.utimes(path, time);
      } catch (e) {
        ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

const mkdir: ShellCommand = {
  name: 'mkdir',
  kind: 'utility',
  summary: 'create directories (-p parents, -m MODE)',
  run(ctx) {
    const o = options(ctx, { flags: 'pv', values: 'm', long: { parents: 'p', 'mode=': 'm' }, usage: 'mkdir [-m MODE] [-p] DIRECTORY...' });
    if (o === undefined) return 1;
    if (o.operands.length === 0) {
      usage(ctx, 'mkdir [-m MODE] [-p] DIRECTORY...');
      return 1;
    }
    const modeText = o.values.get('m')?.at(-1);
    let mode = 0o755;
    if (modeText !== undefined) {
      const m = applyMode(modeText, 0o777, true, 0);
      if (m === undefined) {
        ctx.error(`invalid mode '${modeText}'`);
        return 1;
      }
      mode = m;
    }
    let status = 0;
    for (const operand of o.operands) {
      const path = ctx.resolve(operand);
      if (o.flags.has('p')) {
        // Create each missing component; an existing non-directory stops it (busybox names the prefix with its slash).
        const parts = operand.split('/');
        let shown = '';
        let failed = false;
        for (let i = 0; i < parts.length && !failed; i++) {
          shown = i === 0 ? (parts[0] as string) : `${shown}/${parts[i] as string}`;
          if (parts[i] === '' || parts[i] === '.') continue;
          const p = ctx.resolve(shown);
          const last = i === parts.length - 1 || parts.slice(i + 1).every((x) => x === '');
          try {
            const st = ctx.fs.stat(p);
            if (st.kind !== 'dir') {
              ctx.error(`can't create directory '${last ? shown : `${shown}/`}': ${last ? 'File exists' : 'Not a directory'}`);
              failed = true;
            }
          } catch {
            try {
              ctx.fs.mkdir(p, { mode: last ? mode : 0o755 });
            } catch (e) {
              ctx.error(`can't create directory '${shown}': ${strerror(e)}`);
              failed = true;
            }
          }
        }
        if (failed) status = 1;
        continue;
      }
      try {
        ctx.fs.mkdir(path, { mode });
      } catch (e) {
        ctx.error(`can't create directory '${operand}': ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

function lstatSafe(ctx: CommandContext, path: string): ReturnType<CommandContext['fs']['lstat']> | undefined {
  try {
    return ctx.fs.lstat(path);
  } catch {
    return undefined;
  }
}

const rm: ShellCommand = {
  name: 'rm',
  kind: 'utility',
  summary: 'remove files (-r recursive, -f force)',
  run(ctx) {
    const o = options(ctx, { flags: 'irRfv', long: { recursive: 'r', force: 'f' }, usage: 'rm [-irf] FILE...' });
    if (o === undefined) return 1;
    const force = o.flags.has('f');
    const recursive = o.flags.has('r') || o.flags.has('R');
    if (o.operands.length === 0) {
      if (force) return 0;
      usage(ctx, 'rm [-irf] FILE...');
      return 1;
    }
    let status = 0;
    for (const operand of o.operands) {
      const base = baseName(operand);
      if (base === '.' || base === '..') {
        ctx.error(`can't remove '.' or '..'`);
        status = 1;
        continue;
      }
      const path = ctx.resolve(operand);
      const st = lstatSafe(ctx, path);
      if (st === undefined) {
        if (!force) {
          ctx.error(`can't remove '${operand}': No such file or directory`);
          status = 1;
        }
        continue;
      }
      if (st.kind === 'dir' && !recursive) {
        ctx.error(`'${operand}' is a directory`);
        status = 1;
        continue;
      }
      try {
        ctx.fs.rm(path, { recursive: st.kind === 'dir' });
      } catch (e) {
        ctx.error(`can't remove '${operand}': ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

const rmdir: ShellCommand = {
  name: 'rmdir',
  kind: 'utility',
  summary: 'remove empty directories (-p parents)',
  run(ctx) {
    const o = options(ctx, { flags: 'pv', long: { parents: 'p', 'ignore-fail-on-non-empty': 'I' }, usage: 'rmdir [-p] DIRECTORY...' });
    if (o === undefined) return 1;
    if (o.operands.length === 0) {
      usage(ctx, 'rmdir [-p] DIRECTORY...');
      return 1;
    }
    let status = 0;
    for (const operand of o.operands) {
      let shown = operand.replace(/(.)\/+$/, '$1');
      for (;;) {
        const path = ctx.resolve(shown);
        try {
          if (path === '/') {
            ctx.error(`'${shown}': Resource busy`);
            status = 1;
            break;
          }
          ctx.fs.rmdir(path);
        } catch (e) {
          if (!(o.flags.has('I') && isFsError(e, 'ENOTEMPTY'))) {
            ctx.error(`'${shown}': ${strerror(e)}`);
            status = 1;
          }
          break;
        }
        if (!o.flags.has('p') || !shown.includes('/')) break;
        shown = shown.slice(0, shown.lastIndexOf('/'));
        if (shown === '') break;
      }
    }
    return status;
  },
};

const ln: ShellCommand = {
  name: 'ln',
  kind: 'utility',
  summary: 'make links (-s symbolic, -f replace, -n no-dereference); hard links are copies in the simulator',
  run(ctx) {
    const o = options(ctx, { flags: 'sfnbTv', values: 'S', usage: 'ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR' });
    if (o === undefined) return 1;
    const ops = o.operands;
    if (ops.length === 0) {
      usage(ctx, 'ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR');
      return 1;
    }
    const targets = ops.length === 1 ? ops : ops.slice(0, -1);
    const last = ops.length === 1 ? '.' : (ops[ops.length - 1] as string);
    const lastPath = ctx.resolve(last);
    const lastIsDir = !o.flags.has('T') && (o.flags.has('n') ? lstatSafe(ctx, lastPath)?.kind === 'dir' : isDir(ctx, lastPath));
    if (targets.length > 1 && !lastIsDir) {
      ctx.error(`'${last}' is not a directory`);
      return 1;
    }
    let status = 0;
    for (const target of targets) {
      const shown = lastIsDir ? `${last.replace(/\/+$/, '')}/${baseName(target)}` : last;
      const linkPath = lastIsDir ? joinPath(lastPath, baseName(target)) : lastPath;
      try {
        if (lstatSafe(ctx, linkPath) !== undefined) {
          if (!o.flags.has('f')) {
            ctx.error(`${shown}: File exists`);
            status = 1;
            continue;
          }
          ctx.fs.rm(linkPath);
        }
        if (o.flags.has('s')) ctx.fs.symlink(target, linkPath);
        else {
          const source = ctx.resolve(target);
          const st = ctx.fs.stat(source);
          ctx.fs.writeFile(linkPath, ctx.fs.readFile(source), { mode: st.mode });
          ctx.runtime.note('ln without -s: hard links are modelled as copies (the model has no inode numbers)');
        }
      } catch (e) {
        ctx.error(`${shown}: ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

function isDir(ctx: CommandContext, path: string): boolean {
  try {
    return ctx.fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}

/** Applies `fn` to `path` and, with -R, to everything below it (symlinks are not followed). */
function walk(ctx: CommandContext, path: string, recursive: boolean, fn: (path: string) => void): void {
  fn(path);
  if (!recursive) return;
  const st = lstatSafe(ctx, path);
  if (st?.kind !== 'dir') return;
  for (const name of ctx.fs.readdir(path)) walk(ctx, joinPath(path, name), true, fn);
}

const chmod: ShellCommand = {
  name: 'chmod',
  kind: 'utility',
  summary: 'change permissions: octal (755) or symbolic (u+x, go-w, a=rX); -R',
  run(ctx) {
    // A mode like -w looks like an option: take the first non-option-looking operand as the mode.
    const args = [...ctx.args];
    let recursive = false;
    let quiet = false;
    while (args.length > 0 && /^-[Rcvf]+$/.test(args[0] as string)) {
      const a = args.shift() as string;
      if (a.includes('R')) recursive = true;
      if (a.includes('f')) quiet = true;
    }
    if (args[0] === '--') args.shift();
    const [modeText, ...files] = args;
    if (modeText === undefined || files.length === 0) {
      usage(ctx, 'chmod [-Rcvf] MODE[,MODE]... FILE...');
      return 1;
    }
    let status = 0;
    for (const operand of files) {
      const path = ctx.resolve(operand);
      try {
        walk(ctx, path, recursive, (p) => {
          const st = ctx.fs.lstat(p);
          if (st.kind === 'symlink' && p !== path) return; // -R does not follow links inside the tree
          const real = ctx.fs.stat(p);
          const mode = applyMode(modeText, real.mode, real.kind === 'dir');
          if (mode === undefined) throw new InvalidMode(modeText);
          ctx.fs.chmod(p, mode);
        });
      } catch (e) {
        if (e instanceof InvalidMode) {
          ctx.error(`invalid mode '${modeText}'`);
          return 1;
        }
        if (!quiet) ctx.error(`${operand}: ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

class InvalidMode extends Error {}

function chownLike(name: 'chown' | 'chgrp'): ShellCommand {
  const usageLine = name === 'chown' ? 'chown [-RhLHPcvf]... USER[:[GRP]] FILE...' : 'chgrp [-RhLHPcvf]... GROUP FILE...';
  return {
    name,
    kind: 'utility',
    summary: name === 'chown' ? 'change owner (USER[:GROUP], names from /etc/passwd); -R' : 'change group; -R',
    run(ctx) {
      const o = options(ctx, { flags: 'RhLHPcvf', usage: usageLine });
      if (o === undefined) return 1;
      const [spec, ...files] = o.operands;
      if (spec === undefined || files.length === 0) {
        usage(ctx, usageLine);
        return 1;
      }
      let uid: number | undefined;
      let gid: number | undefined;
      const [userText, groupText] = name === 'chgrp' ? ['', spec] : spec.split(/[:.]/, 2);
      if (userText !== undefined && userText !== '') {
        uid = parseUser(ctx.fs, userText);
        if (uid === undefined) {
          ctx.error(`unknown user ${userText}`);
          return 1;
        }
      }
      if (groupText !== undefined && groupText !== '') {
        gid = parseGroup(ctx.fs, groupText);
        if (gid === undefined) {
          ctx.error(`unknown group ${groupText}`);
          return 1;
        }
      }
      let status = 0;
      for (const operand of files) {
        try {
          walk(ctx, ctx.resolve(operand), o.flags.has('R'), (p) => {
            const st = ctx.fs.stat(p);
            ctx.fs.chown(p, uid ?? st.uid, gid ?? st.gid);
          });
        } catch (e) {
          if (!o.flags.has('f')) ctx.error(`${operand}: ${strerror(e)}`);
          status = 1;
        }
      }
      return status;
    },
  };
}

export const FILE_COMMANDS: readonly ShellCommand[] = [touch, mkdir, rm, rmdir, ln, chmod, chownLike('chown'), chownLike('chgrp'), ...COPY_COMMANDS];

