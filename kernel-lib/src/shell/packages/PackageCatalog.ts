/**
 * What the simulated package managers need to know about packages: how much they download, how
 * much they install, what else they pull in, which commands they add. The data lives in
 * catalog/packages.ts (with its sources); the engine hands it to the shell (the shell sits below
 * the catalog in the import layers, so it only knows this contract).
 */

export interface CatalogPackage {
  readonly name: string;
  readonly version: string;
  /** Bytes fetched: the .deb / .apk / npm tarball / wheel. */
  readonly downloadBytes: number;
  /** Bytes the package occupies once installed (Debian Installed-Size, npm unpackedSize …). */
  readonly installedBytes: number;
  /** Packages of the same ecosystem it needs (installed first, once); "?name" is only recommended (apt). */
  readonly depends?: readonly string[];
  /** Commands it installs (put in /usr/bin, or node_modules/.bin for npm). */
  readonly bins?: readonly string[];
}

/** An index file a package manager keeps after refreshing its lists. */
export interface IndexFile {
  readonly name: string;
  readonly bytes: number;
}

export type PackageEcosystem = 'apt' | 'apk' | 'npm' | 'pip';

export interface PackageCatalog {
  /** The package, or undefined when the catalog does not list it. */
  lookup(ecosystem: PackageEcosystem, name: string): CatalogPackage | undefined;
  /** Names the catalog lists (for hints). */
  names(ecosystem: PackageEcosystem): readonly string[];
  /** What `apt-get update` leaves in /var/lib/apt/lists for a distribution (`ubuntu`, `debian`) and its codename. */
  aptLists(distribution: string, codename: string): readonly IndexFile[];
  /** What `apk` fetches (APKINDEX.tar.gz files) for an Alpine release ("3.18"). */
  apkIndexes(release: string): readonly IndexFile[];
  /** Size of a file fetched by URL with curl or wget (undefined: unknown, the default is used). */
  downloadSize(url: string): number | undefined;
}
