/** One entry of `docker diff`: the API sends Kind 0/1/2, the model 'C'/'A'/'D'. */
export interface ChangeItem {
  readonly kind?: 'A' | 'C' | 'D';
  readonly Kind?: 0 | 1 | 2;
  readonly path?: string;
  readonly Path?: string;
}

const KIND = ['C', 'A', 'D'] as const; // moby archive.ChangeType: Modify=0, Add=1, Delete=2

/** `docker diff CONTAINER`: "C /etc", one change per line, in the order given. */
export function formatDiff(changes: readonly ChangeItem[]): string {
  return changes.map((c) => `${c.kind ?? KIND[c.Kind ?? 0]} ${c.path ?? c.Path ?? ''}\n`).join('');
}
