/**
 * ChainIDs (OCI image-spec config.md "ChainID"; identity/chainid.go): the identity of an applied
 * stack of layers, which Docker's local layer store is keyed by (OCI-FACTS §1.3, §12.3).
 *
 *   ChainID(L0)      = DiffID(L0)
 *   ChainID(L0..Ln)  = sha256(ChainID(L0..Ln-1) + " " + DiffID(Ln))
 *
 * Both operands are the full `sha256:…` strings (hashing bare hex gives a different, wrong value).
 */
import type { Digest } from '../digest/Digest';
import { sha256 } from '../digest/sha256';

/** The ChainID of every prefix: `result[i]` identifies layers 0..i. */
export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  for (const diffId of diffIds) {
    const previous = out[out.length - 1];
    out.push(previous === undefined ? diffId : sha256(`${previous} ${diffId}`));
  }
  return out;
}

/** The ChainID of the whole stack, or `undefined` for an image with no layers. */
export function chainId(diffIds: readonly Digest[]): Digest | undefined {
  return chainIds(diffIds).at(-1);
}
