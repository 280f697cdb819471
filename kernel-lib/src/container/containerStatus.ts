/**
 * The STATUS text of `docker ps` (moby container/state.go `State.String`): "Up 5 minutes",
 * "Up 5 minutes (Paused)", "Exited (0) 2 seconds ago", "Created" — durations in the wording of
 * docker/go-units `HumanDuration`.
 */
import type { ContainerStatus } from './lifecycle';

/** go-units HumanDuration (duration.go): "Less than a second", "About a minute", "3 hours" … */
export function goHumanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(milliseconds / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const exactHours = milliseconds / 3_600_000;
  const hours = Math.trunc(exactHours + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(exactHours) / 24 / 365)} years`;
}

export interface ContainerStatusInput {
  readonly status: ContainerStatus;
  readonly startedAtMs?: number;
  readonly finishedAtMs?: number;
  readonly exitCode: number;
}

/** The STATUS column of `docker ps` at `nowMs`. */
export function containerStatusText(c: ContainerStatusInput, nowMs: number): string {
  switch (c.status) {
    case 'running':
      return `Up ${goHumanDuration(nowMs - (c.startedAtMs ?? nowMs))}`;
    case 'paused':
      return `Up ${goHumanDuration(nowMs - (c.startedAtMs ?? nowMs))} (Paused)`;
    case 'exited':
      return c.finishedAtMs === undefined ? `Exited (${c.exitCode})` : `Exited (${c.exitCode}) ${goHumanDuration(nowMs - c.finishedAtMs)} ago`;
    case 'created':
      return 'Created';
    case 'removed':
      return 'Removed';
  }
}
