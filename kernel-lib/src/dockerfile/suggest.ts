/**
 * "Did you mean …?" for unknown instructions, flags and mount options, in the spirit of
 * BuildKit's util/suggest: the known name with the smallest edit distance, offered only when it
 * is close enough to be a typo.
 */

/**
 * Edit distance where inserting, deleting or substituting a character, or swapping two adjacent
 * ones (`form` → `from`), each cost 1 (optimal string alignment).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The option nearest to `value` (case-insensitive), or undefined when none is within
 * max(1, ⌊length/3⌋) edits.
 */
export function suggestNearest(value: string, options: readonly string[]): string | undefined {
  if (value === '') return undefined;
  const limit = Math.max(1, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const option of options) {
    const distance = editDistance(value.toLowerCase(), option.toLowerCase());
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
