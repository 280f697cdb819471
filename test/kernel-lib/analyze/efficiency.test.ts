import { describe, expect, test } from 'vitest';
import { imageEfficiency } from '../../../kernel-lib/src/analyze/efficiency';
import { hiddenFiles } from '../../../kernel-lib/src/analyze/overwrites';
import { diveReportText, humanizeBytes } from '../../../kernel-lib/src/analyze/diveReport';
import type { AnalyzedEntry, AnalyzedLayer } from '../../../kernel-lib/src/analyze/layerFiles';
import { layerFromEntries } from '../../../kernel-lib/src/layer/Layer';

const f = (path: string, size: number): AnalyzedEntry => ({ kind: 'file', path, size });
const dir = (path: string): AnalyzedEntry => ({ kind: 'dir', path });
const wh = (path: string): AnalyzedEntry => ({ kind: 'whiteout', path });
const L = (...entries: AnalyzedEntry[]): AnalyzedLayer => ({ entries });

// Seed 002 scenario 3 ("RUN apt-get update / RUN apt-get install / RUN rm …" in separate layers).
const base = L(dir('bin'), f('bin/sh', 100), dir('etc'), f('etc/hosts', 10));
const update = L(dir('var/lib/apt/lists'), f('var/lib/apt/lists/a', 50), f('var/lib/apt/lists/b', 30));
const install = L(f('usr/bin/gcc', 300), f('var/cache/apt/x', 20));

describe("dive's efficiency (dive/filetree/efficiency.go)", () => {
  test('rm -rf lists/* in a later layer: file whiteouts count 0, each path seen twice', () => {
    const r = imageEfficiency([base, update, install, L(wh('var/lib/apt/lists/a'), wh('var/lib/apt/lists/b'))]);
    expect(r.efficiency).toBeCloseTo(430 / 510, 12);
    expect(r.score).toBe(84);
    expect(r.wastedBytes).toBe(80);
    expect(r.sizeBytes).toBe(510);
    expect(r.userSizeBytes).toBe(400);
    expect(r.wastedUserPercent).toBeCloseTo(0.2, 12);
    expect(r.inefficientPaths).toEqual([
      { path: '/var/lib/apt/lists/a', count: 2, cumulativeSize: 50 },
      { path: '/var/lib/apt/lists/b', count: 2, cumulativeSize: 30 },
    ]);
  });

  test('deleting the whole directory: the whiteout weighs what was under it, but the path is new → no penalty', () => {
    const r = imageEfficiency([base, update, install, L(wh('var/lib/apt/lists'))]);
    // /var/lib/apt/lists was never a leaf before, so it is seen once (80 bytes, min 80): dive's quirk.
    expect(r.efficiency).toBe(1);
    expect(r.wastedBytes).toBe(0);
  });

  test('a file rewritten in a later layer counts both copies as wasted', () => {
    const r = imageEfficiency([base, L(f('data/db.sql', 1000)), L(f('data/db.sql', 1001))]);
    expect(r.inefficientPaths).toEqual([{ path: '/data/db.sql', count: 2, cumulativeSize: 2001 }]);
    expect(r.efficiency).toBeCloseTo((110 + 1000) / (110 + 2001), 12);
  });

  test('no files at all → efficiency 1; the model Layer is accepted as is', () => {
    expect(imageEfficiency([]).efficiency).toBe(1);
    const layer = layerFromEntries([{ kind: 'file', path: 'a.txt', content: 'hello' }, { kind: 'file', path: 'b.txt', content: 'x' }]);
    const again = layerFromEntries([{ kind: 'file', path: 'a.txt', content: 'hello!' }]);
    const r = imageEfficiency([layer, again]);
    expect(r.inefficientPaths).toEqual([{ path: '/a.txt', count: 2, cumulativeSize: 11 }]);
    expect(r.userSizeBytes).toBe(6);
  });

  test('hidden files: what later layers overwrote or deleted, with the layer still holding the bytes', () => {
    expect(hiddenFiles([base, update, install, L(wh('var/lib/apt/lists'))])).toEqual([
      { path: '/var/lib/apt/lists/a', layer: 1, size: 50, fate: 'deleted', byLayer: 3 },
      { path: '/var/lib/apt/lists/b', layer: 1, size: 30, fate: 'deleted', byLayer: 3 },
    ]);
    expect(hiddenFiles([L(f('tmp/secret.key', 32)), L(f('tmp/secret.key', 32)), L(wh('tmp/secret.key'))]).map((h) => [h.layer, h.fate, h.byLayer])).toEqual([[0, 'overwritten', 1], [1, 'deleted', 2]]);
  });
});

describe('dive CI report text', () => {
  test('go-humanize Bytes', () => {
    expect(humanizeBytes(58951134)).toBe('59 MB');
    expect(humanizeBytes(1200)).toBe('1.2 kB');
    expect(humanizeBytes(9)).toBe('9 B');
    expect(humanizeBytes(80)).toBe('80 B');
  });
  test('metrics, files and verdicts with the default rules', () => {
    const r = imageEfficiency([base, update, install, L(wh('var/lib/apt/lists/a'), wh('var/lib/apt/lists/b'))]);
    expect(diveReportText(r)).toBe(
      '  efficiency: 84.3137 %\n' +
      '  wastedBytes: 80 bytes (80 B)\n' +
      '  userWastedPercent: 20.0000 %\n' +
      'Inefficient Files:\n' +
      'Count  Wasted Space  File Path\n' +
      '    2          50 B  /var/lib/apt/lists/a\n' +
      '    2          30 B  /var/lib/apt/lists/b\n' +
      'Results:\n' +
      '  FAIL: highestUserWastedPercent: too many bytes wasted\n' +
      '  SKIP: highestWastedBytes: rule disabled\n' +
      '  FAIL: lowestEfficiency: image efficiency is too low\n' +
      'Result:FAIL [Total:3] [Passed:0] [Failed:2] [Warn:0] [Skipped:1]\n');
  });
});
