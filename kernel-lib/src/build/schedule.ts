/**
 * When each build step runs: BuildKit solves the graph, so a step starts as soon as everything it
 * needs is done — the previous step of its stage, and for `COPY --from` / `RUN --mount=from` /
 * `FROM <stage>` the whole other stage. Independent stages therefore overlap; the build's wall
 * time is the critical path, while the serial sum is what one-at-a-time execution would take
 * (the classic builder).
 */
export interface ScheduleTask {
  readonly id: string;
  readonly seconds: number;
  /** Ids of tasks that must finish first (must appear earlier in the list). */
  readonly after: readonly string[];
}

export interface ScheduledSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface Schedule {
  readonly spans: readonly ScheduledSpan[];
  /** Wall-clock time: the end of the last task (the critical path's length). */
  readonly criticalPathSeconds: number;
  /** Sum of every task's time (what a sequential builder would take). */
  readonly serialSeconds: number;
  /** The chain of task ids that decides the wall-clock time, first to last. */
  readonly criticalPath: readonly string[];
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Earliest start/end of every task, in list order; `sequential` chains them one after another. */
export function scheduleTasks(tasks: readonly ScheduleTask[], options: { sequential?: boolean } = {}): Schedule {
  const end = new Map<string, number>();
  const cause = new Map<string, string | undefined>();
  const spans: ScheduledSpan[] = [];
  let previous: string | undefined;
  for (const task of tasks) {
    const deps = options.sequential && previous !== undefined ? [...task.after, previous] : task.after;
    let start = 0;
    let from: string | undefined;
    for (const dep of deps) {
      const depEnd = end.get(dep);
      if (depEnd === undefined) throw new Error(`schedule: task ${task.id} depends on unknown or later task ${dep}`);
      if (depEnd > start || from === undefined) {
        if (depEnd >= start) from = dep;
        start = Math.max(start, depEnd);
      }
    }
    const finish = round(start + task.seconds);
    end.set(task.id, finish);
    cause.set(task.id, from);
    spans.push(Object.freeze({ id: task.id, start: round(start), end: finish }));
    previous = task.id;
  }
  let last: string | undefined;
  let total = 0;
  for (const span of spans) {
    if (span.end >= total) {
      total = span.end;
      last = span.id;
    }
  }
  const path: string[] = [];
  for (let id = last; id !== undefined; id = cause.get(id)) path.unshift(id);
  return Object.freeze({
    spans: Object.freeze(spans),
    criticalPathSeconds: round(total),
    serialSeconds: round(tasks.reduce((n, t) => n + t.seconds, 0)),
    criticalPath: Object.freeze(path),
  });
}
