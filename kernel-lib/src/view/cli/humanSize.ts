import { goFormatG } from './goFloat';

/**
 * docker/go-units `size.go`: decimal units (1 kB = 1000 B) with the abbreviations the docker CLI
 * prints — "B", "kB", "MB", "GB", … — no space between number and unit.
 */
const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/**
 * go-units `HumanSizeWithPrecision(size, precision)`: divide by 1000 while ≥ 1000 (as a double,
 * exactly like Go), then `%.*g`. `docker images`, `docker history` and a container's size use
 * precision 3 ("72.8MB", "7.04MB", "0B"); quirk kept: 999,600 B prints "1e+03kB".
 */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL_UNITS.length - 1) {
    size = size / 1000;
    i++;
  }
  return goFormatG(size, precision) + DECIMAL_UNITS[i];
}

/** go-units `HumanSize`: 4 significant digits — `docker system df` (summary, SHARED SIZE, UNIQUE SIZE). */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}

/** The precision the CLI uses for image, history and container sizes. */
export function dockerSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}
