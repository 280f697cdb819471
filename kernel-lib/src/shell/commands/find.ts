/**
 * find: a pre-order walk with busybox's primaries -name -iname -path -type -maxdepth -mindepth
 * -size -newer -perm -empty -user -print -delete -exec … ; / + and the operators ! -not -a -o ( ).
 * A real find lists a directory in the order readdir returns (on ext4, hash order); the model
 * walks names sorted bytewise, so its output order is stable.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import type { FileStat } from '../../unionfs/FileSystem';
import { matchPattern } from '../glob';
import { strerror } from '../fsErrors';
import { joinPath } from '../paths';
import { parseUser } from './accounts';

type Node =
  | { readonly t: 'and' | 'or'; readonly a: Node; readonly b: Node }
  | { readonly t: 'not'; readonly a: Node }
  | { readonly t: 'test'; readonly test: (e: Visit) => boolean; readonly action?: boolean };

interface Visit {
  readonly path: string;
  readonly shown: string;
  readonly name: string;
  readonly stat: FileStat;
  readonly depth: number;
}

class FindError extends Error {}

function sizeTest(spec: string): (st: FileStat) => boolean {
  const m = /^([+-]?)(\d+)([ckMGbw]?)$/.exec(spec);
  if (m === null) throw new FindError(`invalid argument '${spec}' to '-size'`);
  const unit = { c: 1, k: 1024, M: 1048576, G: 1073741824, w: 2, b: 512, '': 512 }[m[3] as 'c'] ?? 512;
  const n = Number(m[2]);
  return (st) => {
    const units = Math.ceil(st.size / unit);
    return m[1] === '+' ? units > n : m[1] === '-' ? units < n : units === n;
  };
}

interface FindSettings {
  readonly limits: { min: number; max: number };
  readonly deleting: { on: boolean };
}

function parseExpression(ctx: CommandContext, args: string[], actions: { printed: boolean; pending: (() => number)[] }, settings: FindSettings): Node {
  let i = 0;
  const peek = (): string | undefined => args[i];
  const need = (primary: string): string => {
    const v = args[++i];
    if (v === undefined) throw new FindError(`${primary}: requires an argument`);
    return v;
  };
  function or(): Node {
    let left = and();
    while (peek() === '-o' || peek() === '-or') {
      i += 1;
      left = { t: 'or', a: left, b: and() };
    }
    return left;
  }
  function and(): Node {
    let left = not();
    for (;;) {
      const p = peek();
      if (p === undefined || p === '-o' || p === '-or' || p === ')') return left;
      if (p === '-a' || p === '-and') i += 1;
      left = { t: 'and', a: left, b: not() };
    }
  }
  function not(): Node {
    const p = peek();
    if (p === '!' || p === '-not') {
      i += 1;
      return { t: 'not', a: not() };
    }
    return primary();
  }
  function primary(): Node {
    const p = peek();
    if (p === undefined) throw new FindError('expression expected');
    if (p === '(') {
      i += 1;
      const inner = or();
      if (peek() !== ')') throw new FindError("missing ')'");
      i += 1;
      return inner;
    }
    let node: Node;
    switch (p) {
      case '-name':
      case '-iname': {
        const pat = need(p);
        const ci = p === '-iname';
        node = { t: 'test', test: (e) => (ci ? matchPattern(pat.toLowerCase(), e.name.toLowerCase()) : matchPattern(pat, e.name)) };
        break;
      }
      case '-path':
      case '-wholename': {
        const pat = need(p);
        node = { t: 'test', test: (e) => matchPattern(pat, e.shown) };
        break;
      }
      case '-type': {
        const t = need(p);
        const kind = { f: 'file', d: 'dir', l: 'symlink' }[t];
        if (kind === undefined && !'bcps'.includes(t)) throw new FindError(`invalid argument '${t}' to '-type'`);
        node = { t: 'test', test: (e) => e.stat.kind === kind };
        break;
      }
      case '-maxdepth':
      case '-mindepth': {
        const n = Number(need(p));
        if (p === '-maxdepth') depthLimits.max = n;
        else depthLimits.min = n;
        node = { t: 'test', test: () => true };
        break;
      }
      case '-size': {
        const test = sizeTest(need(p));
        node = { t: 'test', test: (e) => test(e.stat) };
        break;
      }
      case '-empty':
        node = { t: 'test', test: (e) => (e.stat.kind === 'dir' ? ctx.fs.readdir(e.path).length === 0 : e.stat.kind === 'file' && e.stat.size === 0) };
        break;
      case '-newer': {
        const ref = ctx.fs.stat(ctx.resolve(need(p))).mtimeMs;
        node = { t: 'test', test: (e) => e.stat.mtimeMs > ref };
        break;
      }
      case '-perm': {
        const spec = need(p);
        const m = /^([-/]?)([0-7]+)$/.exec(spec);
        if (m === null) throw new FindError(`invalid mode '${spec}'`);
        const bits = parseInt(m[2] as string, 8);
        node = { t: 'test', test: (e) => (m[1] === '-' ? (e.stat.mode & bits) === bits : m[1] === '/' ? (e.stat.mode & bits) !== 0 : (e.stat.mode & 0o7777) === bits) };
        break;
      }
      case '-user': {
        const uid = parseUser(ctx.fs, need(p));
        node = { t: 'test', test: (e) => e.stat.uid === uid };
        break;
      }
      case '-print':
        actions.printed = true;
        node = { t: 'test', action: true, test: (e) => (ctx.print(`${e.shown}\n`), true) };
        break;
      case '-print0':
        actions.printed = true;
        node = { t: 'test', action: true, test: (e) => (ctx.print(`${e.shown}\u0000`), true) };
        break;
      case '-delete':
        actions.printed = true;
        node = {
          t: 'test',
          action: true,
          test: (e) => {
            ctx.fs.rm(e.path, { recursive: false });
            return true;
          },
        };
        deleteMode.on = true;
        break;
      case '-exec': {
        const command: string[] = [];
        let plus = false;
        for (i += 1; ; i++) {
          const a = args[i];
          if (a === undefined) throw new FindError('-exec: requires an argument');
          if (a === ';') break;
          if (a === '+' && command[command.length - 1] === '{}') {
            plus = true;
            command.pop();
            break;
          }
          command.push(a);
        }
        actions.printed = true;
        const batch: string[] = [];
        if (plus) {
          actions.pending.push(() => (batch.length === 0 ? 0 : ctx.host.runArgv([...command, ...batch], ctx)));
        }
        node = {
          t: 'test',
          action: true,
          test: (e) => {
            if (plus) {
              batch.push(e.shown);
              return true;
            }
            return ctx.host.runArgv(command.map((a) => a.replaceAll('{}', e.shown)), ctx) === 0;
          },
        };
        break;
      }
      default:
        throw new FindError(`unrecognized: ${p}`);
    }
    i += 1;
    return node;
  }
  const depthLimits = settings.limits;
  const deleteMode = settings.deleting;
  const node = args.length === 0 ? ({ t: 'test', test: () => true } as Node) : or();
  if (i < args.length) throw new FindError(`unrecognized: ${args[i] as string}`);
  return node;
}

function evaluate(node: Node, e: Visit): boolean {
  switch (node.t) {
    case 'and':
      return evaluate(node.a, e) && evaluate(node.b, e);
    case 'or':
      return evaluate(node.a, e) || evaluate(node.b, e);
    case 'not':
      return !evaluate(node.a, e);
    case 'test':
      return node.test(e);
  }
}

const find: ShellCommand = {
  name: 'find',
  kind: 'utility',
  summary: 'walk directories (-name -type -maxdepth -size -newer -perm -empty -exec -delete -print)',
  run(ctx) {
    const args = [...ctx.args];
    const paths: string[] = [];
    while (args.length > 0 && !/^[-!(]/.test(args[0] as string)) paths.push(args.shift() as string);
    if (paths.length === 0) paths.push('.');
    const settings: FindSettings = { limits: { min: 0, max: Infinity }, deleting: { on: false } };
    const actions = { printed: false, pending: [] as (() => number)[] };
    let expr: Node;
    try {
      expr = parseExpression(ctx, args, actions, settings);
    } catch (e) {
      if (e instanceof FindError) {
        ctx.error(e.message);
        return 1;
      }
      throw e;
    }
    const { min, max } = settings.limits;
    const depthFirst = settings.deleting.on;
    let status = 0;
    const visit = (path: string, shown: string, depth: number): void => {
      let st: FileStat;
      try {
        st = ctx.fs.lstat(path);
      } catch (e) {
        ctx.error(`${shown}: ${strerror(e)}`);
        status = 1;
        return;
      }
      const e: Visit = { path, shown, name: depth === 0 ? shown.replace(/\/+$/, '').split('/').pop() || shown : (shown.split('/').pop() as string), stat: st, depth };
      const check = (): void => {
        if (depth >= min && evaluate(expr, e) && !actions.printed) ctx.print(`${shown}\n`);
      };
      if (!depthFirst) check();
      if (st.kind === 'dir' && depth < max) {
        for (const name of ctx.fs.readdir(path)) visit(joinPath(path, name), shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`, depth + 1);
      }
      if (depthFirst) check();
    };
    for (const p of paths) visit(ctx.resolve(p), p, 0);
    for (const run of actions.pending) if (run() !== 0) status = 1;
    return status;
  },
};

export const FIND_COMMANDS: readonly ShellCommand[] = [find];
