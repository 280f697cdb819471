/**
 * Times as Go's `time.Time.MarshalJSON` writes them (RFC 3339 with nanoseconds, trailing zeros of
 * the fraction dropped): `2024-01-01T00:00:00Z`, `2024-01-01T00:00:00.5Z`. Config `created` and
 * history `created` use this form, so it is part of the bytes an image ID covers.
 */
export function formatGoTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // always "…:ss.sssZ"
  const [whole, fraction] = iso.slice(0, -1).split('.');
  const trimmed = (fraction ?? '').replace(/0+$/, '');
  return trimmed === '' ? `${whole}Z` : `${whole}.${trimmed}Z`;
}

/** Milliseconds since the epoch for an RFC 3339 time (fractions beyond milliseconds are dropped). */
export function parseGoTime(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`not an RFC 3339 time: ${JSON.stringify(text)}`);
  return ms;
}
