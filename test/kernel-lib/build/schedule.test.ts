import { expect, test } from 'vitest';
import { scheduleTasks } from '../../../kernel-lib/src/build/schedule';

// Seed 002 advanced 3: base, then stage1 and stage2 in parallel, then the final stage.
const tasks = [
  { id: 'base', seconds: 3, after: [] },
  { id: 'stage1', seconds: 5, after: ['base'] },
  { id: 'stage2', seconds: 2, after: ['base'] },
  { id: 'final1', seconds: 0.5, after: ['base', 'stage1'] },
  { id: 'final2', seconds: 0.5, after: ['final1', 'stage2'] },
];

test('independent stages overlap: wall time is the critical path, not the sum', () => {
  const schedule = scheduleTasks(tasks);
  expect(schedule.spans.map((s) => [s.id, s.start, s.end])).toEqual([
    ['base', 0, 3],
    ['stage1', 3, 8],
    ['stage2', 3, 5],
    ['final1', 8, 8.5],
    ['final2', 8.5, 9],
  ]);
  expect(schedule.criticalPathSeconds).toBe(9);
  expect(schedule.serialSeconds).toBe(11);
  expect(schedule.criticalPath).toEqual(['base', 'stage1', 'final1', 'final2']);
});

test('sequential (the classic builder) runs one task after another', () => {
  const schedule = scheduleTasks(tasks, { sequential: true });
  expect(schedule.criticalPathSeconds).toBe(11);
  expect(schedule.spans.find((s) => s.id === 'stage2')).toEqual({ id: 'stage2', start: 8, end: 10 });
});

test('a dependency on an unknown task is refused', () => {
  expect(() => scheduleTasks([{ id: 'a', seconds: 1, after: ['b'] }])).toThrow('depends on unknown or later task b');
});
