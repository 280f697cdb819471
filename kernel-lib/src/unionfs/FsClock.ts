/**
 * Where the union filesystem's mtimes come from. Injectable (a container passes its engine's model
 * clock, which satisfies this interface) and deterministic by default: never the wall clock, so a
 * notebook shows the same mtimes — and `docker diff` the same answer — on every machine.
 */
export interface FsClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** 2025-06-02T09:00:00Z, the same instant the engine's clock starts at. */
export const FS_CLOCK_EPOCH_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

/**
 * A clock that starts at `startMs` and moves forward by `stepMs` each time it is read, so that
 * successive operations get distinct, increasing mtimes (as on a real machine), deterministically.
 */
export function tickingClock(startMs: number = FS_CLOCK_EPOCH_MS, stepMs = 1000): FsClock {
  let next = startMs;
  return {
    now() {
      const t = next;
      next += stepMs;
      return t;
    },
  };
}
