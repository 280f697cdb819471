/**
 * Processes and the system: sh (and bash, run as POSIX sh), env, printenv, sleep, date, id,
 * whoami, hostname, uname, which, xargs, seq, expr, nproc, time, nohup.
 * `sleep` and `time` use the model's clock: sleeping costs simulated seconds, never real ones.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { findOnPath } from '../lookup';
import { consumeAll, contentText } from '../io';
import { groups, userName, groupName, users } from './accounts';
import { DEFAULT_DATE_FORMAT, parseDateText, strftime } from './dateFormat';
import { options, usage } from './options';
import { readOperand, textOf } from './inputs';
import { evaluateExpr, ExprError } from './expr';

function shell(name: string): ShellCommand {
  return {
    name,
    kind: 'utility',
    summary: name === 'sh' ? 'run a shell: sh -c "commands" [arg0 args…], sh FILE, or commands on stdin' : `${name}: runs as POSIX sh (busybox ash) in the simulator`,
    run(ctx) {
      if (name !== 'sh' && name !== 'ash' && name !== 'dash') ctx.runtime.note(`${name} runs as POSIX sh (busybox ash) in the simulator: bash-only syntax is not supported`);
      const args = [...ctx.args];
      const flags: string[] = [];
      let command: string | undefined;
      while (args.length > 0 && /^[-+][a-zA-Z]+$/.test(args[0] as string)) {
        const a = args.shift() as string;
        if (a.includes('c') && a.startsWith('-')) {
          command = args.shift();
          if (command === undefined) {
            ctx.stderr.write(`sh: -c requires an argument\n`);
            return 2;
          }
          const rest = a.replace('c', '');
          if (rest.length > 1) flags.push(rest);
          break;
        }
        flags.push(a);
      }
      const prelude = flags.filter((f) => /^[-+][euxv]+$/.test(f)).map((f) => `set ${f.replace(/v/g, '')}\n`).join('').replace(/set [-+]\n/g, '');
      if (command !== undefined) {
        const [arg0, ...rest] = args;
        return ctx.host.runScript(prelude + command, ctx, { arg0: arg0 ?? name, args: rest, env: ctx.env });
      }
      if (args.length > 0) {
        const file = args[0] as string;
        const content = readOperand({ ...ctx, error: (m: string) => ctx.stderr.write(`${name}: ${m.replace(/^can't open '(.*)': /, "can't open '$1': ")}\n`) }, file, 'cant-open');
        if (content === undefined) return 127;
        return ctx.host.runScript(prelude + textOf(ctx, content), ctx, { arg0: file, args: args.slice(1), env: ctx.env });
      }
      const script = contentText(consumeAll(ctx.stdin));
      return ctx.host.runScript(prelude + script, ctx, { arg0: name, env: ctx.env });
    },
  };
}

const env: ShellCommand = {
  name: 'env',
  kind: 'utility',
  summary: 'print the environment, or run a command with a changed one (-i, -u NAME, NAME=value)',
  run(ctx) {
    const o = options(ctx, { flags: 'i0', values: 'u', long: { ignore: 'i', 'unset=': 'u' }, stopAtOperand: true, usage: 'env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]' });
    if (o === undefined) return 1;
    const operands = [...o.operands];
    let clear = o.flags.has('i');
    if (operands[0] === '-') {
      clear = true;
      operands.shift();
    }
    const vars = clear ? new Map<string, string>() : new Map(ctx.env);
    for (const u of o.values.get('u') ?? []) vars.delete(u);
    while (operands.length > 0 && /^[^=]+=/.test(operands[0] as string)) {
      const a = operands.shift() as string;
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    if (operands.length === 0) {
      let out = '';
      for (const [k, v] of vars) out += `${k}=${v}${o.flags.has('0') ? '\u0000' : '\n'}`;
      ctx.print(out);
      return 0;
    }
    const name = operands[0] as string;
    const known = name.includes('/') || ctx.runtime.registry.get(name) !== undefined || findOnPath(ctx.runtime, ctx.state, name) !== undefined;
    if (!known || ctx.runtime.registry.get(name)?.kind === 'special') {
      ctx.error(`can't execute '${name}': No such file or directory`);
      return 127;
    }
    return ctx.host.runArgv(operands, ctx, vars);
  },
};

const printenv: ShellCommand = {
  name: 'printenv',
  kind: 'utility',
  summary: 'print environment variables',
  run(ctx) {
    if (ctx.args.length === 0) {
      let out = '';
      for (const [k, v] of ctx.env) out += `${k}=${v}\n`;
      ctx.print(out);
      return 0;
    }
    let status = 0;
    for (const name of ctx.args) {
      const v = ctx.env.get(name);
      if (v === undefined) status = 1;
      else ctx.print(`${v}\n`);
    }
    return status;
  },
};

const SLEEP_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

const sleep: ShellCommand = {
  name: 'sleep',
  kind: 'utility',
  summary: 'wait N seconds (s/m/h/d suffixes, fractions) — on the model clock, instantly',
  run(ctx) {
    if (ctx.args.length === 0) {
      usage(ctx, 'sleep [N]...');
      return 1;
    }
    let total = 0;
    for (const arg of ctx.args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
      if (m === null) {
        ctx.error(`invalid number '${arg}'`);
        return 1;
      }
      total += Number(m[1]) * (SLEEP_UNITS[m[2] as string] ?? 1);
    }
    ctx.runtime.spend(total);
    return 0;
  },
};

const date: ShellCommand = {
  name: 'date',
  kind: 'utility',
  summary: 'the model clock: date, date +%s, date +FORMAT, -u, -d DATE, -R, -I (UTC)',
  run(ctx) {
    const o = options(ctx, { flags: 'uRIs', values: 'dr', long: { utc: 'u', 'date=': 'd', rfc2822: 'R', 'iso-8601': 'I', 'reference=': 'r' }, usage: 'date [OPTIONS] [+FMT] [TIME]' });
    if (o === undefined) return 1;
    let time = ctx.runtime.clock.now();
    const d = o.values.get('d')?.at(-1);
    if (d !== undefined) {
      const parsed = parseDateText(d, time);
      if (parsed === undefined) {
        ctx.error(`invalid date '${d}'`);
        return 1;
      }
      time = parsed;
    }
    const ref = o.values.get('r')?.at(-1);
    if (ref !== undefined) time = ctx.fs.stat(ctx.resolve(ref)).mtimeMs;
    const tz = ctx.env.get('TZ');
    if (tz !== undefined && tz !== '' && tz !== 'UTC' && tz !== 'UTC0') ctx.runtime.note(`date: TZ=${tz} is not applied; the simulator shows UTC`);
    const format = o.operands.find((a) => a.startsWith('+'));
    if (o.operands.some((a) => !a.startsWith('+'))) {
      ctx.error("can't set date: Operation not permitted");
      ctx.runtime.note('date: setting the clock is not simulated');
      return 1;
    }
    let text: string;
    if (format !== undefined) text = strftime(format.slice(1), time);
    else if (o.flags.has('R')) text = strftime('%a, %d %b %Y %H:%M:%S +0000', time);
    else if (o.flags.has('I')) text = strftime('%Y-%m-%d', time);
    else text = strftime(DEFAULT_DATE_FORMAT, time);
    ctx.print(`${text}\n`);
    return 0;
  },
};

const id: ShellCommand = {
  name: 'id',
  kind: 'utility',
  summary: 'user and group ids (-u -g -G -n), names from /etc/passwd and /etc/group',
  run(ctx) {
    const o = options(ctx, { flags: 'ugGnr', usage: 'id [-ugGnr] [USER]' });
    if (o === undefined) return 1;
    let uid = ctx.runtime.uid;
    let gid = ctx.runtime.gid;
    const who = o.operands[0];
    if (who !== undefined) {
      const u = users(ctx.fs).find((e) => e.name === who || String(e.id) === who);
      if (u === undefined) {
        ctx.error(`unknown user ${who}`);
        return 1;
      }
      uid = u.id;
      gid = u.gid;
    }
    const name = userName(ctx.fs, uid);
    const supplementary = [gid, ...groups(ctx.fs).filter((g) => g.id !== gid && g.members.includes(name)).map((g) => g.id)];
    const n = o.flags.has('n');
    if (o.flags.has('u')) ctx.print(`${n ? name : uid}\n`);
    else if (o.flags.has('g')) ctx.print(`${n ? groupName(ctx.fs, gid) : gid}\n`);
    else if (o.flags.has('G')) ctx.print(`${supplementary.map((g) => (n ? groupName(ctx.fs, g) : String(g))).join(' ')}\n`);
    else {
      const fmt = (i: number, nm: string): string => (nm === String(i) ? String(i) : `${i}(${nm})`);
      ctx.print(`uid=${fmt(uid, name)} gid=${fmt(gid, groupName(ctx.fs, gid))} groups=${supplementary.map((g) => fmt(g, groupName(ctx.fs, g))).join(',')}\n`);
    }
    return 0;
  },
};

const whoami: ShellCommand = {
  name: 'whoami',
  kind: 'utility',
  summary: 'the user name',
  run(ctx) {
    const name = userName(ctx.fs, ctx.runtime.uid);
    if (name === String(ctx.runtime.uid)) {
      ctx.error(`unknown uid ${ctx.runtime.uid}`);
      return 1;
    }
    ctx.print(`${name}\n`);
    return 0;
  },
};

const hostname: ShellCommand = {
  name: 'hostname',
  kind: 'utility',
  summary: "the container's hostname (its short ID, as Docker sets it)",
  run(ctx) {
    if (ctx.args.some((a) => !a.startsWith('-'))) {
      ctx.error("sethostname: Operation not permitted");
      return 1;
    }
    ctx.print(`${ctx.runtime.hostname}\n`);
    return 0;
  },
};

/** The simulated kernel: fixed, so that output is the same on every machine. */
export const SIMULATED_UNAME = Object.freeze({ sysname: 'Linux', release: '6.1.0-layerlab', version: '#1 SMP PREEMPT_DYNAMIC', machine: 'x86_64', os: 'Linux' });

const uname: ShellCommand = {
  name: 'uname',
  kind: 'utility',
  summary: 'system information (a fixed simulated kernel: Linux 6.1.0-layerlab x86_64)',
  run(ctx) {
    const o = options(ctx, { flags: 'asnrvmpio', usage: 'uname [-amnrspvio]' });
    if (o === undefined) return 1;
    const u = SIMULATED_UNAME;
    const all = o.flags.has('a');
    const parts: string[] = [];
    if (all || o.flags.has('s') || o.flags.size === 0) parts.push(u.sysname);
    if (all || o.flags.has('n')) parts.push(ctx.runtime.hostname);
    if (all || o.flags.has('r')) parts.push(u.release);
    if (all || o.flags.has('v')) parts.push(u.version);
    if (all || o.flags.has('m')) parts.push(u.machine);
    if (o.flags.has('p') || o.flags.has('i')) parts.push('unknown');
    if (all || o.flags.has('o')) parts.push(u.os);
    ctx.print(`${parts.join(' ')}\n`);
    return 0;
  },
};

const which: ShellCommand = {
  name: 'which',
  kind: 'utility',
  summary: 'where a command is on $PATH (in the image filesystem)',
  run(ctx) {
    let status = 0;
    for (const name of ctx.args.filter((a) => a !== '-a')) {
      const path = name.includes('/') ? ctx.resolve(name) : findOnPath(ctx.runtime, ctx.state, name);
      if (path === undefined || !ctx.fs.exists(path)) status = 1;
      else ctx.print(`${name.includes('/') ? name : path}\n`);
    }
    return status;
  },
};

const xargs: ShellCommand = {
  name: 'xargs',
  kind: 'utility',
  summary: 'build command lines from stdin (-n N, -I STR, -0, -r, -t)',
  run(ctx) {
    const o = options(ctx, { flags: 'rt0xpe', values: 'nIsdLP', stopAtOperand: true, usage: 'xargs [OPTIONS] [PROG ARGS]' });
    if (o === undefined) return 1;
    const command = o.operands.length > 0 ? o.operands : ['echo'];
    const text = contentText(consumeAll(ctx.stdin));
    const replace = o.values.get('I')?.at(-1);
    let items: string[];
    if (o.flags.has('0')) items = text.split('\u0000').filter((s) => s !== '');
    else if (replace !== undefined) items = text.split('\n').map((l) => l.replace(/^\s+/, '')).filter((l) => l !== '');
    else items = (text.match(/(?:[^\s'"\\]|\\.|'[^']*'|"[^"]*")+/g) ?? []).map((w) => w.replace(/\\(.)|'([^']*)'|"([^"]*)"/g, (_m, a?: string, b?: string, c?: string) => a ?? b ?? c ?? ''));
    if (items.length === 0 && (o.flags.has('r') || replace !== undefined)) return 0;
    const n = o.values.has('n') ? Number(o.values.get('n')?.at(-1)) : replace !== undefined ? 1 : Infinity;
    let status = 0;
    const batches: string[][] = [];
    if (items.length === 0) batches.push([]);
    for (let i = 0; i < items.length; i += Number.isFinite(n) ? n : items.length) batches.push(items.slice(i, i + (Number.isFinite(n) ? n : items.length)));
    for (const batch of batches) {
      const argv = replace !== undefined ? command.map((a) => a.replaceAll(replace, batch[0] ?? '')) : [...command, ...batch];
      if (o.flags.has('t')) ctx.stderr.write(`${argv.join(' ')}\n`);
      const rc = ctx.host.runArgv(argv, ctx);
      if (rc === 255) return 124;
      if (rc !== 0) status = 123;
    }
    return status;
  },
};

const seq: ShellCommand = {
  name: 'seq',
  kind: 'utility',
  summary: 'print a sequence of numbers (-s SEP, -w)',
  run(ctx) {
    // Negative numbers are operands, so only leading -w / -s SEP / -sSEP are options.
    const args = [...ctx.args];
    const flags = new Set<string>();
    const values = new Map<string, string[]>();
    while (args.length > 0 && /^-[ws]/.test(args[0] as string)) {
      const a = args.shift() as string;
      if (a === '-w') flags.add('w');
      else if (a === '-s') values.set('s', [args.shift() ?? '']);
      else if (a.startsWith('-s')) values.set('s', [a.slice(2)]);
    }
    const o = { flags, values, operands: args };
    const nums = o.operands.map(Number);
    if (nums.length === 0 || nums.length > 3 || nums.some((x) => Number.isNaN(x))) {
      const bad = o.operands.find((a) => Number.isNaN(Number(a)));
      if (bad !== undefined) ctx.error(`invalid number '${bad}'`);
      else usage(ctx, 'seq [-w] [-s SEP] [FIRST [INC]] LAST');
      return 1;
    }
    const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0] as number] : nums.length === 2 ? [nums[0] as number, 1, nums[1] as number] : (nums as [number, number, number]);
    const decimals = Math.max(...o.operands.map((a) => (a.includes('.') ? a.length - a.indexOf('.') - 1 : 0)));
    const out: string[] = [];
    for (let i = 0, x = first; inc > 0 ? x <= last + 1e-9 : x >= last - 1e-9; i++, x = first + i * inc) {
      if (inc === 0 || out.length > 1_000_000) break;
      out.push(x.toFixed(decimals));
    }
    const width = o.flags.has('w') ? Math.max(...out.map((s) => s.length)) : 0;
    const sep = o.values.get('s')?.at(-1) ?? '\n';
    if (out.length > 0) ctx.print(`${out.map((s) => s.padStart(width, '0')).join(sep)}\n`);
    return 0;
  },
};

const expr: ShellCommand = {
  name: 'expr',
  kind: 'utility',
  summary: 'evaluate an expression (arithmetic, comparison, length, substr, index, match, :)',
  run(ctx) {
    try {
      const value = evaluateExpr(ctx.args);
      ctx.print(`${value}\n`);
      return value === '' || value === '0' ? 1 : 0;
    } catch (e) {
      if (e instanceof ExprError) {
        ctx.error(e.message);
        return 2;
      }
      throw e;
    }
  },
};

const nproc: ShellCommand = { name: 'nproc', kind: 'utility', summary: 'number of CPUs (the simulated machine has 2)', run: (ctx) => (ctx.print('2\n'), 0) };

const time: ShellCommand = {
  name: 'time',
  kind: 'utility',
  summary: 'run a command and report its simulated time',
  run(ctx) {
    if (ctx.args.length === 0) return 0;
    const before = ctx.runtime.seconds;
    const rc = ctx.host.runArgv(ctx.args, ctx);
    const real = ctx.runtime.seconds - before;
    const fmt = (s: number): string => `${Math.floor(s / 60)}m ${(s % 60).toFixed(2)}s`;
    ctx.stderr.write(`real\t${fmt(real)}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`);
    return rc;
  },
};

const nohup: ShellCommand = {
  name: 'nohup',
  kind: 'utility',
  summary: 'run a command (no hangups to ignore in the simulator)',
  run: (ctx) => (ctx.args.length === 0 ? (usage(ctx, 'nohup PROG ARGS'), 1) : ctx.host.runArgv(ctx.args, ctx)),
};

export const SYSTEM_COMMANDS: readonly ShellCommand[] = [
  shell('sh'), shell('ash'), shell('bash'), shell('dash'), env, printenv, sleep, date, id, whoami, hostname, uname, which, xargs, seq, expr, nproc, time, nohup,
];

