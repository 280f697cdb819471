/**
 * Large lazy content: a 1 GiB file is created, copied up and hashed without ever being one buffer.
 * Hashing streams 1 MiB chunks through SHA-256 (the seeded-random stream is AES-CTR, faster than the
 * hash); copy-up shares the immutable Content and only counts the bytes. Peak memory is measured by
 * scripts in the report (≈ tens of MB RSS), not here.
 */
import { bench, describe } from 'vitest';
import { randomContent, zeroContent } from '../../kernel-lib/src/content';
import { layerFromEntries } from '../../kernel-lib/src/layer';
import { UnionFs } from '../../kernel-lib/src/unionfs';

const GiB = 1 << 30;

describe('1 GiB lazy file', () => {
  bench('create + sha256 of zeros', () => {
    zeroContent(GiB).append('end\n').digest();
  }, { iterations: 2, warmupIterations: 0 });

  bench('create + sha256 of seeded random', () => {
    randomContent(GiB, 'bench').digest();
  }, { iterations: 2, warmupIterations: 0 });

  bench('copy-up by append in a container (no hashing)', () => {
    const base = layerFromEntries([{ kind: 'file', path: 'data/big.bin', content: randomContent(GiB, 'b') }]);
    const fs = new UnionFs({ layers: [base] });
    fs.appendFile('/data/big.bin', 'x');
    if (fs.copiedUpBytes !== GiB) throw new Error('copy-up not counted');
  }, { iterations: 5, warmupIterations: 1 });

  bench('copy-up, then diffID of the committed upper (tar streamed through SHA-256)', () => {
    const base = layerFromEntries([{ kind: 'file', path: 'data/big.bin', content: zeroContent(GiB) }]);
    const fs = new UnionFs({ layers: [base] });
    fs.appendFile('/data/big.bin', 'x');
    void fs.upperAsLayer().diffId;
  }, { iterations: 2, warmupIterations: 0 });
});

describe('64 MiB lazy file', () => {
  bench('gzip blob digest of seeded random (incompressible: stored blocks)', () => {
    void layerFromEntries([{ kind: 'file', path: 'r', content: randomContent(64 << 20, 1) }]).digest;
  }, { iterations: 3, warmupIterations: 0 });
  bench('gzip blob digest of zeros', () => {
    void layerFromEntries([{ kind: 'file', path: 'z', content: zeroContent(64 << 20) }]).digest;
  }, { iterations: 3, warmupIterations: 0 });
});
