/**
 * The engine's clock. Deterministic by default (STYLE.md 6): it starts at a fixed instant and moves
 * only when the model says so (a build step takes its modelled seconds, a lesson advances it), so
 * `created` times — and therefore image IDs — are the same on every machine.
 */
import { formatGoTime } from '../image/goTime';

/** The instant a new engine's clock shows: 2025-06-02T09:00:00Z. */
export const MODEL_EPOCH_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

export class ModelClock {
  #now: number;

  constructor(startMs: number = MODEL_EPOCH_MS) {
    this.#now = startMs;
  }

  /** Milliseconds since the Unix epoch. */
  now(): number {
    return this.#now;
  }

  /** The current time as Go writes it in a config (`2025-06-02T09:00:00Z`). */
  iso(): string {
    return formatGoTime(this.#now);
  }

  /** Moves the clock forward by `ms` (never backwards) and returns the new time. */
  advance(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`the model clock only moves forward (got ${ms} ms)`);
    this.#now += ms;
    return this.#now;
  }

  /** Sets the clock to `ms` (a lesson that wants "three weeks later"). */
  set(ms: number): void {
    this.#now = ms;
  }
}
