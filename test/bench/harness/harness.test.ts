/**
 * The benchmark harness's own logic (not a benchmark: nothing here is timed against a target):
 * medians, bash `times` parsing, CPU accounting of a real pipeline, verdicts and the printed table.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { verdict, type BenchRow } from './BenchRow';
import { formatMs, formatTable } from './formatTable';
import { alternate, median, parseBashTimes, sideBySide, timeCommand } from './measure';
import { parseBenchArgs } from './parseBenchArgs';

describe('measure', () => {
  test('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  test("bash's times: the second line is the children's user and system time", () => {
    expect(parseBashTimes('0m0.005s 0m0.007s\n0m1.941s 0m0.484s\n')).toEqual({ userMs: 1941, systemMs: 484 });
    expect(parseBashTimes('0m0.000s 0m0.000s\n2m3.500s 0m0.000s')).toEqual({ userMs: 123_500, systemMs: 0 });
    expect(() => parseBashTimes('nonsense')).toThrow('cannot read bash times output');
  });

  test('a pipeline is timed with the CPU of every process in it, and its output is kept', () => {
    const run = timeCommand('head -c 50000000 /dev/zero | sha256sum');
    const expected = createHash('sha256').update(Buffer.alloc(50_000_000)).digest('hex');
    expect(run.stdout.split(' ')[0]).toBe(expected);
    expect(run.cpuMs).toBeGreaterThan(0);
    expect(run.wallMs).toBeGreaterThan(0);
  });

  test('a failing command throws with its stderr', () => {
    expect(() => timeCommand('echo broken >&2; exit 3')).toThrow(/command failed \(3\)[\s\S]*broken/);
  });

  test('side by side alternates which goes first', () => {
    const order: string[] = [];
    const sample = (name: string) => () => (order.push(name), { wallMs: 1, cpuMs: 1 });
    sideBySide(4, sample('ours'), sample('ref'));
    expect(order).toEqual(['ours', 'ref', 'ref', 'ours', 'ours', 'ref', 'ref', 'ours']);
  });

  test('three measurements take turns going first, and each gets its own median', () => {
    const order: string[] = [];
    const sample = (name: string, wallMs: number) => () => (order.push(name), { wallMs, cpuMs: wallMs / 2 });
    const [a, b, c] = alternate(3, [sample('a', 10), sample('b', 20), sample('c', 30)]);
    expect(order.join('')).toBe('abcbcacab');
    expect([a?.wallMs, b?.wallMs, c?.cpuMs]).toEqual([10, 20, 15]);
  });
});

describe('verdicts and the table', () => {
  const ratioRow = (ours: number, reference: number, cpu: [number, number]): BenchRow => ({
    section: 's',
    what: 'thing',
    ours: { value: ours, unit: 'ms', cpuMs: cpu[0] },
    reference: { value: reference, unit: 'ms', cpuMs: cpu[1], label: 'tool' },
    target: { kind: 'ratio', max: 1.2 },
    whyMissed: 'because',
  });

  test('ratio targets compare ours ÷ reference on wall time', () => {
    expect(verdict(ratioRow(110, 100, [50, 50]))).toEqual({ ratio: 1.1, cpuRatio: 1, met: true });
    expect(verdict(ratioRow(130, 100, [50, 50])).met).toBe(false);
  });

  test('limit targets: strict means below', () => {
    const row = (value: number): BenchRow => ({ section: 's', what: 'rss', ours: { value, unit: 'MB' }, target: { kind: 'limit', max: 300, strict: true } });
    expect(verdict(row(299)).met).toBe(true);
    expect(verdict(row(300)).met).toBe(false);
  });

  test('a missed row prints its reason, prefixed by the CPU figure when that one is within the target', () => {
    const table = formatTable([ratioRow(130, 100, [50, 50]), { section: 's', what: 'info', target: { kind: 'none' }, note: 'context' }]);
    expect(table.split('\n')[2]).toBe('thing  130 ms [cpu 50 ms]  tool 100 ms [cpu 50 ms]  1.30×  1.00×      ≤ 1.2×  NO');
    expect(table).toContain('  ✗ thing: on CPU time it is 1.00× (within the target); because');
    expect(table).toContain('  · info: context');
  });

  test('times are printed in a unit that suits them', () => {
    expect([formatMs(0.123), formatMs(4.56), formatMs(45.6), formatMs(4567)]).toEqual(['0.12 ms', '4.6 ms', '46 ms', '4.57 s']);
  });
});

describe('command line', () => {
  test('--only, --skip and --reps', () => {
    const known = ['hashing', 'export', 'save', 'notebooks', 'slides'];
    expect(parseBenchArgs(['--only', 'save,hashing'], known)).toEqual({ sections: ['hashing', 'save'], reps: 3 });
    expect(parseBenchArgs(['--skip', 'notebooks,slides'], known).sections).toEqual(['hashing', 'export', 'save']);
    expect(parseBenchArgs(['--reps', '5'], known).reps).toBe(5);
    expect(() => parseBenchArgs(['--only', 'hashin'], known)).toThrow('unknown: hashin');
    expect(() => parseBenchArgs(['--reps', '0'], known)).toThrow('--reps takes a whole number');
    expect(() => parseBenchArgs(['--fast'], known)).toThrow('unknown argument --fast');
  });
});
