/**
 * The learner's progress in this kernel session: which exercises have passed. The wrap-up cell of a
 * notebook prints it as a checklist, so the checklist is ticked by passing checks, not by hand.
 */
import type { Verdict } from './Verdict';

interface ProgressEntry {
  readonly exercise: string;
  readonly title: string;
  readonly passed: boolean;
}

const latest = new Map<string, ProgressEntry>();

export function recordVerdict(title: string, verdict: Verdict): void {
  latest.set(verdict.exercise, { exercise: verdict.exercise, title, passed: verdict.passed });
}

/** The latest verdict per exercise id, in id order. */
export function exerciseProgress(): readonly ProgressEntry[] {
  return [...latest.values()].sort((a, b) => a.exercise.localeCompare(b.exercise, 'en', { numeric: true }));
}

/**
 * A checklist for the wrap-up cell: one line per exercise the notebook lists, ticked when its latest
 * check passed in this session.
 */
export function exerciseChecklist(items: ReadonlyArray<{ id: string; title: string }>): string {
  return items
    .map(({ id, title }) => {
      const entry = latest.get(id);
      const mark = entry?.passed ? '[x]' : '[ ]';
      const note = entry === undefined ? ' (아직 실행하지 않음)' : entry.passed ? '' : ' (다시 도전!)';
      return `${mark} ${id} ${title}${note}`;
    })
    .join('\n');
}

/** Forgets all verdicts (tests use it; a learner never needs to). */
export function resetExerciseProgress(): void {
  latest.clear();
}
