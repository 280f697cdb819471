/**
 * Lookup cost must not grow with the number of layers: the lowers are indexed once (lowerIndex.ts),
 * so a stat walks the path's components in the merged index and the upper, whatever the depth of
 * the stack. Compare "1 layer" with "100 layers" and "200 layers" — same path, same work.
 */
import { bench, describe } from 'vitest';
import { layerFromEntries, type Layer } from '../../kernel-lib/src/layer';
import { UnionFs } from '../../kernel-lib/src/unionfs';

function stack(n: number): Layer[] {
  const layers: Layer[] = [
    layerFromEntries([
      { kind: 'dir', path: 'usr/lib/app/deep/er/still' },
      { kind: 'file', path: 'usr/lib/app/deep/er/still/target.txt', content: 'found\n' },
    ]),
  ];
  for (let i = 1; i < n; i++) {
    // Each layer touches the same directories and adds files of its own, as a long build does.
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

const PATH = '/usr/lib/app/deep/er/still/target.txt';
const fs1 = new UnionFs({ layers: stack(1) });
const fs100 = new UnionFs({ layers: stack(100) });
const fs200 = new UnionFs({ layers: stack(200) });
for (const fs of [fs1, fs100, fs200]) fs.writeFile('/tmp-upper-file', 'u'); // a non-empty upper too

describe('stat of a 6-deep path', () => {
  bench('1 layer', () => {
    fs1.stat(PATH);
  });
  bench('100 layers', () => {
    fs100.stat(PATH);
  });
  bench('200 layers', () => {
    fs200.stat(PATH);
  });
});

describe('readFile of a 6-deep path', () => {
  bench('1 layer', () => {
    fs1.readFile(PATH);
  });
  bench('100 layers', () => {
    fs100.readFile(PATH);
  });
});

describe('building the lower index once (new layer objects each time)', () => {
  const layers = stack(100);
  bench('index 100 layers (300 entries)', () => {
    // fresh copies defeat the per-layer-stack memo, so this measures the one-time indexing
    new UnionFs({ layers: layers.map((l) => layerFromEntries(l.entries, { order: 'given' })) });
  });
});
