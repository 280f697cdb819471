import { inspect } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  defineExercise,
  exerciseChecklist,
  exerciseProgress,
  failed,
  passed,
  resetExerciseProgress,
} from '../../../kernel-lib/src/exercise';

const countLayers = defineExercise<number>('01-9', '레이어 세기', (answer) =>
  answer === 3
    ? passed('01-9', '레이어 3개가 맞습니다.')
    : failed('01-9', '레이어 수가 다릅니다.', 'RootFS.Layers 배열의 길이를 세어 보세요.', { expected: 3, actual: answer }),
);

describe('exercises', () => {
  beforeEach(() => resetExerciseProgress());

  it('confirms a right answer', () => {
    const v = countLayers.check(3);
    expect(v.passed).toBe(true);
    expect(inspect(v)).toBe('✅ 실습 01-9 통과: 레이어 3개가 맞습니다.');
  });

  it('gives a wrong answer a specific Korean hint with both values', () => {
    const v = countLayers.check(4);
    expect(v.passed).toBe(false);
    expect(String(v)).toBe(
      ['❌ 실습 01-9: 레이어 수가 다릅니다.', '   기대한 값: 3', '   지금 값:   4', '   힌트: RootFS.Layers 배열의 길이를 세어 보세요.'].join('\n'),
    );
  });

  it('turns a checker crash on a malformed answer into a failing verdict', () => {
    const lengthOf = defineExercise<string[]>('01-10', '목록', (a) =>
      a.length === 2 ? passed('01-10', 'ok') : failed('01-10', 'no', 'two items'),
    );
    const v = lengthOf.check(undefined as unknown as string[]);
    expect(v.passed).toBe(false);
    expect(v.message).toMatch(/오류가 났습니다: Cannot read properties of undefined/);
    expect(v.hint).toMatch(/타입/);
  });

  it('ticks the wrap-up checklist from the latest verdicts', () => {
    countLayers.check(4);
    expect(exerciseChecklist([{ id: '01-9', title: '레이어 세기' }, { id: '01-10', title: '목록' }])).toBe(
      '[ ] 01-9 레이어 세기 (다시 도전!)\n[ ] 01-10 목록 (아직 실행하지 않음)',
    );
    countLayers.check(3);
    expect(exerciseProgress()).toEqual([{ exercise: '01-9', title: '레이어 세기', passed: true }]);
    expect(exerciseChecklist([{ id: '01-9', title: '레이어 세기' }])).toBe('[x] 01-9 레이어 세기');
  });

  it('verdicts are frozen values', () => {
    const v = countLayers.check(3);
    expect(Object.isFrozen(v)).toBe(true);
    expect(JSON.parse(JSON.stringify(v))).toEqual({ exercise: '01-9', passed: true, message: '레이어 3개가 맞습니다.' });
  });
});
