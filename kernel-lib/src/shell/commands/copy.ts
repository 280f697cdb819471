/**
 * cp and mv. A copied file keeps its `Content` value (a 1 GB lazy file is copied without
 * materialising it). mv renames; when the filesystem refuses with EXDEV — what overlayfs does for
 * a directory that comes from a lower layer, unless `redirect_dir` is on (it is off in Docker's
 * overlay2) — mv copies and deletes instead, as busybox's mv does.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { isFsError, strerror } from '../fsErrors';
import { baseName, joinPath } from '../paths';
import { options, usage } from './options';
import { WRITE_BYTES_PER_SECOND } from '../timeModel';

interface CopyOptions {
  readonly recursive: boolean;
  /** Copy symlinks as symlinks (-d/-P, and the default with -R). */
  readonly noDereference: boolean;
  /** -p / -a: keep mode, owner and mtime. */
  readonly preserve: boolean;
  readonly noClobber: boolean;
}

function lstatSafe(ctx: CommandContext, path: string): ReturnType<CommandContext['fs']['lstat']> | undefined {
  try {
    return ctx.fs.lstat(path);
  } catch {
    return undefined;
  }
}

function statSafe(ctx: CommandContext, path: string): ReturnType<CommandContext['fs']['stat']> | undefined {
  try {
    return ctx.fs.stat(path);
  } catch {
    return undefined;
  }
}

/** Copies one tree; returns false after printing an error. */
function copyTree(ctx: CommandContext, src: string, dst: string, shownSrc: string, shownDst: string, o: CopyOptions): boolean {
  const st = o.noDereference ? lstatSafe(ctx, src) : statSafe(ctx, src);
  if (st === undefined) {
    ctx.error(`can't stat '${shownSrc}': No such file or directory`);
    return false;
  }
  const existing = lstatSafe(ctx, dst);
  if (st.kind === 'symlink') {
    try {
      if (existing !== undefined) ctx.fs.rm(dst);
      ctx.fs.symlink(ctx.fs.readlink(src), dst);
    } catch (e) {
      ctx.error(`can't create symlink '${shownDst}': ${strerror(e)}`);
      return false;
    }
    return true;
  }
  if (st.kind === 'dir') {
    if (!o.recursive) {
      ctx.error(`omitting directory '${shownSrc}'`);
      return false;
    }
    if (dst === src || dst.startsWith(`${src}/`)) {
      ctx.error(`recursion detected, omitting directory '${shownDst}'`);
      return false;
    }
    try {
      if (existing === undefined) ctx.fs.mkdir(dst, { mode: st.mode });
      else if (existing.kind !== 'dir') {
        ctx.error(`target '${shownDst}' is not a directory`);
        return false;
      }
    } catch (e) {
      ctx.error(`can't create directory '${shownDst}': ${strerror(e)}`);
      return false;
    }
    let ok = true;
    for (const name of ctx.fs.readdir(src)) {
      if (!copyTree(ctx, joinPath(src, name), joinPath(dst, name), `${shownSrc}/${name}`, `${shownDst}/${name}`, o)) ok = false;
    }
    if (o.preserve) preserveMetadata(ctx, dst, st);
    return ok;
  }
  if (existing !== undefined) {
    if (o.noClobber) return true;
    if (existing.kind === 'dir') {
      ctx.error(`can't create '${shownDst}': Is a directory`);
      return false;
    }
  }
  try {
    const content = ctx.fs.readFile(src);
    ctx.fs.writeFile(dst, content, { mode: o.preserve ? st.mode : st.mode & 0o777 });
    ctx.runtime.spend(content.size / WRITE_BYTES_PER_SECOND);
    if (o.preserve) preserveMetadata(ctx, dst, st);
  } catch (e) {
    ctx.error(`can't create '${shownDst}': ${strerror(e)}`);
    return false;
  }
  return true;
}

function preserveMetadata(ctx: CommandContext, dst: string, st: ReturnType<CommandContext['fs']['stat']>): void {
  ctx.fs.chown(dst, st.uid, st.gid);
  ctx.fs.chmod(dst, st.mode);
  ctx.fs.utimes(dst, st.mtimeMs);
}

/** Splits operands into sources and a destination, deciding whether the destination is a directory. */
function targets(ctx: CommandContext, operands: readonly string[], targetDir: string | undefined, noTargetDir: boolean) {
  const dest = targetDir ?? (operands[operands.length - 1] as string);
  const sources = targetDir !== undefined ? [...operands] : operands.slice(0, -1);
  const destPath = ctx.resolve(dest);
  const destIsDir = !noTargetDir && (targetDir !== undefined || sources.length > 1 || statSafe(ctx, destPath)?.kind === 'dir');
  return sources.map((source) => {
    const name = baseName(source);
    return {
      source,
      srcPath: ctx.resolve(source),
      shownDst: destIsDir ? `${dest.replace(/\/+$/, '')}/${name}` : dest,
      dstPath: destIsDir ? joinPath(destPath, name) : destPath,
    };
  });
}

const cp: ShellCommand = {
  name: 'cp',
  kind: 'utility',
  summary: 'copy files (-r/-R recursive, -a archive, -p preserve, -f, -n, -t DIR)',
  run(ctx) {
    const usageLine = 'cp [-arPLHpfinlsTu] SOURCE DEST';
    const o = options(ctx, { flags: 'arRPdLHpfinlsTuv', values: 't', long: { recursive: 'r', archive: 'a', 'target-directory=': 't' }, usage: usageLine });
    if (o === undefined) return 1;
    const targetDir = o.values.get('t')?.at(-1);
    if (o.operands.length < (targetDir === undefined ? 2 : 1)) {
      usage(ctx, usageLine);
      return 1;
    }
    const archive = o.flags.has('a');
    const recursive = archive || o.flags.has('r') || o.flags.has('R');
    const copy: CopyOptions = {
      recursive,
      noDereference: !o.flags.has('L') && (recursive || o.flags.has('d') || o.flags.has('P')),
      preserve: archive || o.flags.has('p'),
      noClobber: o.flags.has('n'),
    };
    let status = 0;
    for (const t of targets(ctx, o.operands, targetDir, o.flags.has('T'))) {
      const src = lstatSafe(ctx, t.srcPath);
      if (src === undefined) {
        ctx.error(`can't stat '${t.source}': No such file or directory`);
        status = 1;
        continue;
      }
      if (t.srcPath === t.dstPath) {
        ctx.error(`'${t.source}' and '${t.shownDst}' are the same file`);
        status = 1;
        continue;
      }
      if (!copyTree(ctx, t.srcPath, t.dstPath, t.source, t.shownDst, copy)) status = 1;
    }
    return status;
  },
};

const mv: ShellCommand = {
  name: 'mv',
  kind: 'utility',
  summary: 'move or rename (-f, -n, -t DIR); across a lower-layer directory it copies and deletes, as on overlayfs',
  run(ctx) {
    const usageLine = 'mv [-finT] SOURCE DEST';
    const o = options(ctx, { flags: 'finTv', values: 't', usage: usageLine });
    if (o === undefined) return 1;
    const targetDir = o.values.get('t')?.at(-1);
    if (o.operands.length < (targetDir === undefined ? 2 : 1)) {
      usage(ctx, usageLine);
      return 1;
    }
    let status = 0;
    for (const t of targets(ctx, o.operands, targetDir, o.flags.has('T'))) {
      if (o.flags.has('n') && lstatSafe(ctx, t.dstPath) !== undefined) continue;
      if (t.srcPath === t.dstPath) continue;
      try {
        ctx.fs.rename(t.srcPath, t.dstPath);
      } catch (e) {
        if (isFsError(e, 'EXDEV')) {
          // rename(2) refused: copy everything (keeping metadata), then remove the source.
          const copied = copyTree(ctx, t.srcPath, t.dstPath, t.source, t.shownDst, { recursive: true, noDereference: true, preserve: true, noClobber: false });
          if (copied) ctx.fs.rm(t.srcPath, { recursive: true });
          else status = 1;
          continue;
        }
        ctx.error(`can't rename '${t.source}': ${strerror(e)}`);
        status = 1;
      }
    }
    return status;
  },
};

export const COPY_COMMANDS: readonly ShellCommand[] = [cp, mv];
