/**
 * An exercise: an id ("01-1"), a title, and a checker that turns a learner's answer into a
 * `Verdict`. Checkers are plain functions written next to the lesson that uses them
 * (`exercise/nbNN.ts`), so the tests can run them against the solution *and* against the typical
 * wrong answers, and the notebook calls them as `check01_1(answer)`.
 *
 * A checker must not throw on a malformed answer (a learner's half-finished cell): anything that
 * is not the expected shape becomes a failing verdict that says what shape was expected.
 */
import { failed, type Verdict } from './Verdict';
import { recordVerdict } from './progress';

export interface Exercise<A> {
  readonly id: string;
  readonly title: string;
  check(answer: A): Verdict;
}

export function defineExercise<A>(id: string, title: string, checker: (answer: A) => Verdict): Exercise<A> {
  return Object.freeze({
    id,
    title,
    check(answer: A): Verdict {
      let verdict: Verdict;
      try {
        verdict = checker(answer);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        verdict = failed(id, `답을 확인하다가 오류가 났습니다: ${why}`, '답의 형태(타입)가 문제에서 요구한 것과 같은지 확인하세요.');
      }
      recordVerdict(title, verdict);
      return verdict;
    },
  });
}
