/**
 * dd as busybox 1.35 does it (coreutils/dd.c): operands bs= ibs= obs= count= skip= seek= if= of=
 * conv=notrunc,sync,noerror,fsync iflag=skip_bytes,fullblock status=none|noxfer; number suffixes
 * c w b kB k K MB M GB G. Output from /dev/zero and /dev/urandom is *lazy* content (zeros, or
 * seeded pseudo-random bytes reproducible on every machine), so
 * `dd if=/dev/zero of=/bigfile bs=1M count=1024` makes a 1 GiB file without allocating it.
 *
 * The status report is busybox's two lines ("N+M records in/out") and, as in the default busybox
 * configuration (FEATURE_DD_THIRD_STATUS_LINE, on in Alpine's and the busybox image's builds;
 * Debian's busybox-static leaves it out), a third line with the bytes and the *simulated* time.
 */
import type { Content } from '../../content/Content';
import { concatContent, randomContent, toContent, zeroContent } from '../../content';
import type { CommandContext, ShellCommand } from '../CommandContext';
import { strerror } from '../fsErrors';
import { FsError } from '../../unionfs/FileSystem';
import { EndlessInputError, type ShellInput } from '../io';
import { SimulatorLimitError } from '../SimulatorLimitError';
import { WRITE_BYTES_PER_SECOND } from '../timeModel';
import { humanSize } from './ls';
import { usage } from './options';

const SUFFIXES: Readonly<Record<string, number>> = {
  c: 1, w: 2, b: 512, kB: 1000, kD: 1000, k: 1024, K: 1024, MB: 1000000, MD: 1000000, M: 1048576, GB: 1000000000, GD: 1000000000, G: 1073741824,
};

const USAGE = 'dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N] [conv=notrunc|noerror|sync|fsync] [iflag=skip_bytes|fullblock] [status=noxfer|none]';

/** Largest piece of a file dd copies through memory when it cannot stay lazy. */
const MATERIALIZE_LIMIT = 64 * 1024 * 1024;

class DdError extends Error {}

function number(text: string): number {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(text);
  const mult = m === null ? undefined : m[2] === '' ? 1 : SUFFIXES[m[2] as string];
  if (m === null || mult === undefined) throw new DdError(`invalid number '${text}'`);
  return Number(m[1]) * mult;
}

/** `n` bytes of the input starting at `start`, as content (lazy where the source is). */
function readBytes(input: ShellInput, start: number, n: number | undefined, seed: string): Content {
  if (input.kind === 'device') {
    if (n === undefined) throw new EndlessInputError(input.path);
    return input.device === 'zero' ? zeroContent(n) : randomContent(n, seed);
  }
  const content = input.content;
  const from = Math.min(content.size, input.cursor.offset + start);
  const to = n === undefined ? content.size : Math.min(content.size, from + n);
  if (from === 0 && to === content.size) return content;
  if (from === 0) return content.truncate(to);
  if (to - from > MATERIALIZE_LIMIT) throw new SimulatorLimitError(`dd: skipping into a ${content.size}-byte file and copying ${to - from} bytes is beyond the simulator (it keeps big files lazy only from their start)`);
  return toContent(content.slice(from, to));
}

const dd: ShellCommand = {
  name: 'dd',
  kind: 'utility',
  summary: 'copy blocks: if=/dev/zero|/dev/urandom|FILE of=FILE bs= count= skip= seek= conv=notrunc (large output stays lazy)',
  run(ctx) {
    let ibs = 512;
    let obs = 512;
    let count: number | undefined;
    let skip = 0;
    let seek = 0;
    let infile: string | undefined;
    let outfile: string | undefined;
    const conv = new Set<string>();
    const iflag = new Set<string>();
    let status = '';
    try {
      for (const arg of ctx.args) {
        if (arg === '--') continue;
        const eq = arg.indexOf('=');
        if (eq < 0) throw new UsageSignal();
        const key = arg.slice(0, eq);
        const val = arg.slice(eq + 1);
        switch (key) {
          case 'bs':
            ibs = obs = number(val);
            break;
          case 'ibs':
            ibs = number(val);
            break;
          case 'obs':
            obs = number(val);
            break;
          case 'count':
            count = number(val);
            break;
          case 'skip':
            skip = number(val);
            break;
          case 'seek':
            seek = number(val);
            break;
          case 'if':
            infile = val;
            break;
          case 'of':
            outfile = val;
            break;
          case 'conv':
          case 'iflag':
            for (const w of val.split(',')) {
              const allowed = key === 'conv' ? ['notrunc', 'sync', 'noerror', 'fsync', 'swab'] : ['skip_bytes', 'fullblock'];
              if (!allowed.includes(w)) throw new DdError(`invalid argument '${w}' to '${key}'`);
              (key === 'conv' ? conv : iflag).add(w);
            }
            break;
          case 'status':
            if (val !== 'none' && val !== 'noxfer' && val !== 'progress') throw new DdError(`invalid argument '${val}' to 'status'`);
            status = val;
            break;
          default:
            throw new UsageSignal();
        }
      }
      if (ibs < 1 || obs < 1) throw new DdError(`number ${ibs < 1 ? ibs : obs} is not in 1..${2 ** 62} range`);
    } catch (e) {
      if (e instanceof UsageSignal) {
        usage(ctx, USAGE);
        return 1;
      }
      if (e instanceof DdError) {
        ctx.error(e.message);
        return 1;
      }
      throw e;
    }

    let input: ShellInput;
    try {
      input = infile === undefined ? ctx.stdin : ctx.openInput(infile);
    } catch (e) {
      ctx.error(`can't open '${infile ?? ''}': ${strerror(e)}`);
      return 1;
    }
    const skipBytes = iflag.has('skip_bytes') ? skip : skip * ibs;
    const seed = `dd:${outfile ?? '-'}:${ctx.runtime.clock.now()}`;
    let data = readBytes(input, skipBytes, count === undefined ? undefined : count * ibs, seed);
    if (input.kind === 'content' && infile === undefined) input.cursor.offset = Math.min(input.content.size, input.cursor.offset + skipBytes + data.size);
    const inFull = Math.floor(data.size / ibs);
    const inPart = data.size % ibs === 0 ? 0 : 1;
    if (conv.has('sync') && inPart === 1) data = data.truncate((inFull + 1) * ibs);
    const outFull = Math.floor(data.size / obs);
    const outPart = data.size % obs === 0 ? 0 : 1;

    if (outfile === undefined) ctx.stdout.write(data);
    else {
      const path = ctx.resolve(outfile);
      try {
        writeOutput(ctx, path, data, seek * obs, conv.has('notrunc'));
      } catch (e) {
        if (e instanceof SimulatorLimitError) throw e;
        ctx.error(`can't open '${outfile}': ${strerror(e)}`);
        return 1;
      }
    }
    const seconds = outfile === undefined ? 0 : data.size / WRITE_BYTES_PER_SECOND;
    ctx.runtime.spend(seconds);
    if (status !== 'none') {
      let report = `${inFull}+${inPart} records in\n${outFull}+${outPart} records out\n`;
      if (status !== 'noxfer') {
        const s = Math.max(seconds, 1e-6);
        report += `${data.size} bytes (${humanSize(data.size)}B) copied, ${s.toFixed(6)} seconds, ${humanSize(Math.floor(data.size / s))}B/s\n`;
      }
      ctx.stderr.write(report);
    }
    return 0;
  },
};

class UsageSignal extends Error {}

/** O_TRUNC unless seek or conv=notrunc; with seek the file is cut (or zero-extended) to the offset first. */
function writeOutput(ctx: CommandContext, path: string, data: Content, offset: number, notrunc: boolean): void {
  const fs = ctx.fs;
  const exists = fs.exists(path);
  if (!exists) {
    fs.writeFile(path, offset === 0 ? data : concatContent(zeroContent(offset), data), { mode: 0o644 });
    return;
  }
  if (fs.stat(path).kind === 'dir') throw new FsError('EISDIR', 'open', path);
  if (offset === 0 && !notrunc) {
    fs.writeFile(path, data);
    return;
  }
  const old = fs.readFile(path);
  const prefix = old.truncate(offset);
  const end = offset + data.size;
  let result = concatContent(prefix, data);
  if (notrunc && old.size > end) {
    if (old.size - end > MATERIALIZE_LIMIT) throw new SimulatorLimitError(`dd: conv=notrunc inside a ${old.size}-byte file is beyond the simulator`);
    result = concatContent(result, old.slice(end));
  }
  fs.writeFile(path, result);
}

export const DD_COMMANDS: readonly ShellCommand[] = [dd];
