import type { ContainerChange } from '../../../kernel-lib/src/container';

/** `docker diff` output: "C /etc" lines. */
export function formatContainerChanges(changes: readonly ContainerChange[]): string {
  return changes.map((c) => `${c.kind} ${c.path}`).join('\n');
}
