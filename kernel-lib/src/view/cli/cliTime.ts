import { humanDuration } from './humanDuration';

/** A moment as the model hands it over: Unix seconds (the Engine API), an RFC 3339 string (OCI config) or a Date. */
export type Moment = number | string | Date;

export function toUnixSeconds(m: Moment): number {
  if (typeof m === 'number') return Math.trunc(m);
  const ms = typeof m === 'string' ? Date.parse(m) : m.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(m)}`);
  return Math.floor(ms / 1000);
}

/** "<HumanDuration> ago", relative to the model's clock (never the wall clock: output must be reproducible). */
export function createdSince(created: Moment, now: Moment): string {
  return humanDuration((toUnixSeconds(now) - toUnixSeconds(created)) * 1000) + ' ago';
}

/** Go `time.Format(time.RFC3339)` in UTC: "2023-05-01T12:00:00Z" (the CLI uses local time; the model's zone is UTC). */
export function rfc3339(created: Moment): string {
  return new Date(toUnixSeconds(created) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go `time.Time.String()` in UTC: "2023-05-01 12:00:00 +0000 UTC" (`docker images --format {{.CreatedAt}}`). */
export function goTimeString(created: Moment): string {
  return rfc3339(created).replace('T', ' ').replace('Z', ' +0000 UTC');
}
