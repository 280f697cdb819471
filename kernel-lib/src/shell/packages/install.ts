/**
 * What every simulated package manager shares: finding the distribution, resolving a package and
 * its dependencies against the catalog, and writing a package's files — deterministic lazy content
 * of the catalog's sizes, so the layer a `RUN apt-get install` makes has the real size and the same
 * digest on every machine.
 */
import type { Content } from '../../content/Content';
import { randomContent } from '../../content';
import type { CommandContext } from '../CommandContext';
import { parentPath } from '../paths';
import type { CatalogPackage, PackageCatalog, PackageEcosystem } from './PackageCatalog';

export interface Distribution {
  /** os-release ID: "debian", "ubuntu", "alpine" (or "unknown"). */
  readonly id: string;
  readonly codename: string;
  readonly versionId: string;
}

/** The distribution from /etc/os-release (as apt and apk themselves learn it). */
export function readDistribution(ctx: CommandContext): Distribution {
  let text = '';
  for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      text = ctx.fs.readFile(path).text();
      break;
    } catch {
      // try the next one
    }
  }
  const field = (name: string): string => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  return { id: field('ID') || 'unknown', codename: field('VERSION_CODENAME'), versionId: field('VERSION_ID') };
}

/** The catalog, or undefined after saying (on stderr and in the notes) that none is attached. */
export function requireCatalog(ctx: CommandContext, prefix: string): PackageCatalog | undefined {
  const catalog = ctx.runtime.packages;
  if (catalog === undefined) {
    ctx.stderr.write(`${prefix}layerlab: no package catalog is attached to this shell, so ${ctx.name} cannot know package sizes (the engine passes PACKAGE_CATALOG)\n`);
    ctx.runtime.note(`${ctx.name}: no package catalog attached (ShellOptions.packages)`);
  }
  return catalog;
}

/** Sizes used for a package the catalog does not list (and a note says so). */
const DEFAULT_SIZES: Readonly<Record<PackageEcosystem, { installed: number; download: number }>> = {
  apt: { installed: 2 * 1024 * 1024, download: 600 * 1024 },
  apk: { installed: 1024 * 1024, download: 400 * 1024 },
  npm: { installed: 100 * 1024, download: 30 * 1024 },
  pip: { installed: 500 * 1024, download: 150 * 1024 },
};

export function defaultPackage(ecosystem: PackageEcosystem, name: string, version = '0.0.0'): CatalogPackage {
  const d = DEFAULT_SIZES[ecosystem];
  return { name, version, installedBytes: d.installed, downloadBytes: d.download, depends: [], bins: [] };
}

export interface Resolution {
  /** Packages to install, dependencies first. */
  readonly install: readonly CatalogPackage[];
  /** Requested names the catalog does not know (installed with default sizes). */
  readonly unknown: readonly string[];
}

/**
 * The packages to install for `names`: each with its dependencies (depth first, dependencies
 * before dependents), skipping what `installed` says is there. `"?name"` dependencies are
 * recommendations, left out when `recommends` is false.
 */
export function resolvePackages(
  catalog: PackageCatalog,
  ecosystem: PackageEcosystem,
  names: readonly string[],
  installed: (name: string) => boolean,
  recommends = true,
): Resolution {
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const unknown: string[] = [];
  const visit = (name: string, requested: boolean): void => {
    if (seen.has(name)) return;
    seen.add(name);
    if (installed(name)) return;
    const pkg = catalog.lookup(ecosystem, name);
    if (pkg === undefined) {
      if (requested) {
        unknown.push(name);
        order.push(defaultPackage(ecosystem, name));
      }
      return;
    }
    for (const dep of pkg.depends ?? []) {
      if (dep.startsWith('?')) {
        if (recommends) visit(dep.slice(1), false);
      } else visit(dep, false);
    }
    order.push(pkg);
  };
  for (const name of names) visit(name, true);
  return { install: order, unknown };
}

/** A file to write: lazy seeded content of `size` bytes, or real `text`. */
export interface PlannedFile {
  readonly path: string;
  readonly size?: number;
  readonly text?: string;
  readonly mode?: number;
}

/** Deterministic bytes for a package file: the same package gives the same digest everywhere. */
export function packageContent(seed: string, size: number): Content {
  return randomContent(size, `layerlab-package:${seed}`);
}

/** Writes the files (creating directories 0755), returning the bytes written. */
export function writeFiles(ctx: CommandContext, seed: string, files: readonly PlannedFile[]): number {
  let bytes = 0;
  for (const f of files) {
    ensureDir(ctx, parentPath(f.path));
    const data = f.text ?? packageContent(`${seed}:${f.path}`, f.size ?? 0);
    ctx.fs.writeFile(f.path, data, { mode: f.mode ?? 0o644 });
    if (f.mode !== undefined) ctx.fs.chmod(f.path, f.mode);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.size;
  }
  return bytes;
}

export function ensureDir(ctx: CommandContext, path: string): void {
  if (path === '/' || ctx.fs.exists(path)) return;
  ensureDir(ctx, parentPath(path));
  ctx.fs.mkdir(path, { mode: 0o755 });
}

/**
 * How a package's installed bytes are laid out: its commands (15% of the size, shared), a
 * copyright file, and one data file holding the rest — enough for `ls`, `du`, `which` and the
 * layer sizes to be right, without inventing thousands of names.
 */
export function layoutPackage(pkg: CatalogPackage, places: { bin: string; data: string; doc?: string }): PlannedFile[] {
  const files: PlannedFile[] = [];
  const bins = pkg.bins ?? [];
  const docText = `${pkg.name} ${pkg.version}\nInstalled by the layerlab simulator: sizes from the package catalog, contents generated.\n`;
  let remaining = pkg.installedBytes;
  if (places.doc !== undefined) {
    files.push({ path: `${places.doc}/copyright`, text: docText });
    remaining -= Buffer.byteLength(docText);
  }
  if (bins.length > 0) {
    const each = Math.max(4096, Math.floor((pkg.installedBytes * 0.15) / bins.length));
    for (const bin of bins) {
      files.push({ path: `${places.bin}/${bin}`, size: Math.min(each, Math.max(0, remaining)), mode: 0o755 });
      remaining -= Math.min(each, Math.max(0, remaining));
    }
  }
  if (remaining > 0) files.push({ path: `${places.data}/${pkg.name}.data`, size: remaining });
  return files;
}

/** apt's size text: "1,441 kB", "30.5 MB", "512 B" (SI units, as apt prints them). */
export function aptSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 10_000_000) return `${Math.round(bytes / 1000).toLocaleString('en-US')} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
