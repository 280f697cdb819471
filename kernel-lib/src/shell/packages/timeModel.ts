/**
 * How long package work takes in the model: fetching (bytes / bandwidth + a round trip per file)
 * plus installing (bytes / unpack rate + a fixed cost per package). The constants are round figures
 * chosen to be plausible for a laptop or a CI runner, not measurements of one machine:
 *
 * - DOWNLOAD_BYTES_PER_SECOND 20 MB/s: a 160 Mbit/s connection to a CDN mirror (deb.debian.org,
 *   the npm registry and PyPI are all CDN-backed).
 * - REQUEST_SECONDS 0.05: one HTTPS round trip per fetched file (50 ms).
 * - INSTALL_BYTES_PER_SECOND 100 MB/s: unpacking and writing files (dpkg, npm's reify, pip), below
 *   raw disk speed because of many small files and fsyncs.
 * - PACKAGE_SECONDS 0.1 (apt, apk: dpkg/apk triggers and database update per package),
 *   0.02 for npm and pip (no per-package scripts in the common case).
 * - RESOLVE_SECONDS: dependency resolution / "Reading package lists" — 1 s for apt, 0.3 s for npm
 *   and pip, 0.1 s for apk.
 *
 * With these, `apt-get install -y build-essential` on Ubuntu (≈ 70 MB fetched, ≈ 270 MB installed)
 * takes about 3.5 + 2.7 + 2 + 1 ≈ 9 s, and an `npm install` of a small Express app about 2 s.
 */
export const DOWNLOAD_BYTES_PER_SECOND = 20e6;
export const REQUEST_SECONDS = 0.05;
export const INSTALL_BYTES_PER_SECOND = 100e6;
export const PACKAGE_SECONDS: Readonly<Record<'apt' | 'apk' | 'npm' | 'pip', number>> = { apt: 0.1, apk: 0.1, npm: 0.02, pip: 0.02 };
export const RESOLVE_SECONDS: Readonly<Record<'apt' | 'apk' | 'npm' | 'pip', number>> = { apt: 1, apk: 0.1, npm: 0.3, pip: 0.3 };

/** Seconds to fetch `files` files totalling `bytes`. */
export function downloadSeconds(bytes: number, files: number): number {
  return bytes / DOWNLOAD_BYTES_PER_SECOND + files * REQUEST_SECONDS;
}

/** Seconds to install `packages` packages totalling `bytes`. */
export function installSeconds(bytes: number, packages: number, ecosystem: 'apt' | 'apk' | 'npm' | 'pip'): number {
  return bytes / INSTALL_BYTES_PER_SECOND + packages * PACKAGE_SECONDS[ecosystem];
}
