import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../kernel-lib/src/digest/Digest';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import { chainId, chainIds } from '../../../kernel-lib/src/image/chainId';

const L0 = parseDigest('sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1');
const L1 = parseDigest('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');

describe('chainIds (OCI config.md ChainID)', () => {
  it('is the diffID for the base layer', () => {
    expect(chainIds([L0])).toEqual([L0]);
  });

  it('hashes the two prefixed digests joined by one space (the OCI config example)', () => {
    expect(chainIds([L0, L1])).toEqual([L0, 'sha256:c3191d32a37d7159b2e30830937d2e30268ad6c375a773a8994911a3aba9b93f']);
    // Hashing bare hex gives a different (wrong) value.
    expect(chainId([L0, L1])).not.toBe(sha256(`${L0.slice(7)} ${L1.slice(7)}`));
  });

  it('identifies the stack, not the layer: the same diffID on another base has another chain ID', () => {
    expect(chainId([L0, L1])).not.toBe(chainId([L1, L1]));
    expect(chainId([])).toBeUndefined();
  });
});
