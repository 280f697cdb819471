/**
 * Row 4 — union filesystem. Lookup: `stat` and `readFile` of a 6-deep path under 1 and under 100
 * lower layers (each layer touching the same directories, as a long build does; the stack is the one
 * test/bench/unionfs.bench.ts uses). The lowers are indexed once (unionfs/lowerIndex.ts), so the
 * ratio depth 100 ÷ depth 1 should stay near 1. Copy-up: a 1 GiB lazy file appended to in a child
 * process (children/copyUpChild.ts) — its time and the process's peak RSS, then the commit of the
 * upper (1 GiB streamed through SHA-256).
 */
import { join } from 'node:path';
import { layerFromEntries, type Layer } from '../../../kernel-lib/src/layer';
import { UnionFs } from '../../../kernel-lib/src/unionfs';
import type { BenchRow } from '../harness/BenchRow';
import type { BenchContext, BenchSection, SectionResult } from '../harness/BenchSection';
import { median, timeCommand } from '../harness/measure';

const PATH = '/usr/lib/app/deep/er/still/target.txt';
const OPS = 20_000;
const BATCHES = 9;
const RSS_LIMIT_MB = 300;

function stack(n: number): Layer[] {
  const layers: Layer[] = [
    layerFromEntries([
      { kind: 'dir', path: 'usr/lib/app/deep/er/still' },
      { kind: 'file', path: 'usr/lib/app/deep/er/still/target.txt', content: 'found\n' },
    ]),
  ];
  for (let i = 1; i < n; i++) {
    layers.push(
      layerFromEntries([
        { kind: 'dir', path: 'usr/lib/app' },
        { kind: 'file', path: `usr/lib/app/file${i}.txt`, content: `layer ${i}\n` },
        { kind: 'file', path: `etc/conf${i}`, content: 'x' },
      ]),
    );
  }
  return layers;
}

/** ns per call of `op`, median over batches, the two stacks measured in alternation. */
function perOp(shallow: UnionFs, deep: UnionFs, op: (fs: UnionFs) => unknown): { depth1: number; depth100: number } {
  const time = (fs: UnionFs): number => {
    const t0 = performance.now();
    for (let i = 0; i < OPS; i++) op(fs);
    return ((performance.now() - t0) * 1e6) / OPS;
  };
  time(shallow); // warm-up: let the JIT settle on both before measuring
  time(deep);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < BATCHES; i++) {
    if (i % 2 === 0) {
      a.push(time(shallow));
      b.push(time(deep));
    } else {
      b.push(time(deep));
      a.push(time(shallow));
    }
  }
  return { depth1: median(a), depth100: median(b) };
}

interface CopyUpReport {
  baselineRssMb: number;
  copyUp: { wallMs: number; cpuMs: number; peakRssMb: number; copiedUpBytes: number };
  commit: { wallMs: number; cpuMs: number; peakRssMb: number; diffId: string };
}

export const unionfsSection: BenchSection = {
  name: 'unionfs',
  title: 'union filesystem',
  async run(context: BenchContext): Promise<SectionResult> {
    const shallow = new UnionFs({ layers: stack(1) });
    const deep = new UnionFs({ layers: stack(100) });
    for (const fs of [shallow, deep]) fs.writeFile('/tmp-upper-file', 'u'); // a non-empty upper too
    const stat = perOp(shallow, deep, (fs) => fs.stat(PATH));
    const read = perOp(shallow, deep, (fs) => fs.readFile(PATH));

    const child = join(context.root, 'test/bench/children/copyUpChild.ts');
    const run = timeCommand(`node --import tsx ${JSON.stringify(child)}`, { cwd: context.root });
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as CopyUpReport;

    const lookupWhy = 'lookup walks the merged index of the lowers; growth with depth means a per-layer scan crept back in';
    const rows: BenchRow[] = [
      {
        section: 'unionfs',
        what: `stat of a 6-deep path, 100 layers vs 1`,
        ours: { value: stat.depth100, unit: 'ns/op', label: 'depth 100' },
        reference: { value: stat.depth1, unit: 'ns/op', label: 'depth 1' },
        target: { kind: 'ratio', max: 1.5 },
        whyMissed: lookupWhy,
      },
      {
        section: 'unionfs',
        what: `readFile of a 6-deep path, 100 layers vs 1`,
        ours: { value: read.depth100, unit: 'ns/op', label: 'depth 100' },
        reference: { value: read.depth1, unit: 'ns/op', label: 'depth 1' },
        target: { kind: 'ratio', max: 1.5 },
        whyMissed: lookupWhy,
      },
      {
        section: 'unionfs',
        what: 'copy-up of a 1 GiB lazy file: time',
        ours: { value: report.copyUp.wallMs, unit: 'ms', cpuMs: report.copyUp.cpuMs },
        target: { kind: 'none' },
        note: `the copied-up file shares the immutable lazy content (${report.copyUp.copiedUpBytes} bytes counted as copied, none moved); the kernel's overlayfs copies the data`,
      },
      {
        section: 'unionfs',
        what: 'copy-up of a 1 GiB lazy file: peak RSS',
        ours: { value: report.copyUp.peakRssMb, unit: 'MB' },
        reference: { value: RSS_LIMIT_MB, unit: 'MB', label: 'limit' },
        target: { kind: 'limit', max: RSS_LIMIT_MB, strict: true },
        whyMissed: 'a copy-up that materialises the file instead of sharing its Content',
        note: `whole child process (Node + tsx + the library); ${report.baselineRssMb.toFixed(0)} MB before the file was made`,
      },
      {
        section: 'unionfs',
        what: 'commit after the copy-up (diffID of a 1 GiB upper): time',
        ours: { value: report.commit.wallMs, unit: 'ms', cpuMs: report.commit.cpuMs },
        target: { kind: 'none' },
      },
      {
        section: 'unionfs',
        what: 'commit after the copy-up: peak RSS',
        ours: { value: report.commit.peakRssMb, unit: 'MB' },
        reference: { value: RSS_LIMIT_MB, unit: 'MB', label: 'limit' },
        target: { kind: 'limit', max: RSS_LIMIT_MB, strict: true },
        whyMissed: 'the tar stream of the upper is held whole instead of hashed chunk by chunk',
      },
    ];
    return { rows, details: { opsPerBatch: OPS, batches: BATCHES, statNs: stat, readFileNs: read, copyUp: report } };
  },
};
