/**
 * apt-get (and apt) on a Debian or Ubuntu image, as far as a Dockerfile uses it:
 * - `update` writes the index files to /var/lib/apt/lists (sizes from the catalog);
 * - `install [-y] [--no-install-recommends] PKG…` needs those lists ("E: Unable to locate package"
 *   without them — the reason `apt-get update` comes first), resolves dependencies against
 *   /var/lib/dpkg/status, asks "Do you want to continue?" (and aborts, as in a build) when more than
 *   the named packages would be installed without -y, fetches .debs into /var/cache/apt/archives,
 *   unpacks files and rewrites /var/lib/dpkg/status;
 * - the official images' /etc/apt/apt.conf.d/docker-clean makes apt delete the .debs right after
 *   installing (and keep no pkgcache.bin) — honoured when the file is there;
 * - `clean` empties /var/cache/apt; `remove`/`purge` delete a package's files; `upgrade` and
 *   `autoremove` report nothing to do.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { downloadSeconds, installSeconds, RESOLVE_SECONDS } from './timeModel';
import { aptSize, ensureDir, layoutPackage, readDistribution, requireCatalog, resolvePackages, writeFiles, type PlannedFile } from './install';
import type { CatalogPackage, PackageCatalog } from './PackageCatalog';

const LISTS = '/var/lib/apt/lists';
const ARCHIVES = '/var/cache/apt/archives';
const STATUS = '/var/lib/dpkg/status';

interface Stanza {
  readonly name: string;
  readonly text: string;
}

/** The stanzas of /var/lib/dpkg/status. */
function readStatus(ctx: CommandContext): Stanza[] {
  let text = '';
  try {
    text = ctx.fs.readFile(STATUS).text();
  } catch {
    return [];
  }
  return text
    .split(/\n\n+/)
    .filter((s) => s.trim() !== '')
    .map((s) => ({ name: /^Package: (.+)$/m.exec(s)?.[1] ?? '', text: s.replace(/\n+$/, '') }));
}

function writeStatus(ctx: CommandContext, stanzas: readonly Stanza[]): void {
  ensureDir(ctx, '/var/lib/dpkg');
  // dpkg rewrites the whole status file (status-old, then a rename): the new layer holds all of it.
  ctx.fs.writeFile(STATUS, `${stanzas.map((s) => s.text).join('\n\n')}\n\n`, { mode: 0o644 });
}

function stanzaFor(pkg: CatalogPackage): Stanza {
  const kib = Math.max(1, Math.round(pkg.installedBytes / 1024));
  return {
    name: pkg.name,
    text: `Package: ${pkg.name}\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\nVersion: ${pkg.version}\nInstalled-Size: ${kib}\nDescription: ${pkg.name} (installed by the layerlab simulator)`,
  };
}

function debName(pkg: CatalogPackage): string {
  return `${pkg.name}_${pkg.version.replace(/:/g, '%3a')}_amd64.deb`;
}

function listFiles(ctx: CommandContext): string[] {
  try {
    return ctx.fs.readdir(LISTS).filter((n) => n.includes('_Packages'));
  } catch {
    return [];
  }
}

function dockerClean(ctx: CommandContext): boolean {
  return ctx.fs.exists('/etc/apt/apt.conf.d/docker-clean');
}

function removeCache(ctx: CommandContext): void {
  for (const dir of [ARCHIVES, `${ARCHIVES}/partial`]) {
    try {
      for (const name of ctx.fs.readdir(dir)) if (name.endsWith('.deb')) ctx.fs.rm(`${dir}/${name}`);
    } catch {
      // no such directory
    }
  }
  try {
    for (const name of ctx.fs.readdir('/var/cache/apt')) if (name.endsWith('.bin')) ctx.fs.rm(`/var/cache/apt/${name}`);
  } catch {
    // no cache directory
  }
}

function mirror(distribution: string, codename: string): string {
  return distribution === 'ubuntu' ? `http://archive.ubuntu.com/ubuntu ${codename}/main` : `http://deb.debian.org/debian ${codename}/main`;
}

/** "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4" → "http://deb.debian.org/debian bookworm/main amd64 Packages". */
function describeList(name: string): string {
  const parts = name.replace(/\.lz4$/, '').split('_');
  const dists = parts.indexOf('dists');
  const host = parts.slice(0, dists).join('/');
  const rest = parts.slice(dists + 1);
  const suite = rest[0] ?? '';
  if (rest[1] === 'InRelease') return `http://${host} ${suite} InRelease`;
  return `http://${host} ${suite}/${rest[1] ?? ''} amd64 Packages`;
}

function update(ctx: CommandContext, catalog: PackageCatalog, quiet: number): number {
  const d = readDistribution(ctx);
  const codename = d.codename || (d.id === 'ubuntu' ? 'jammy' : 'bookworm');
  const lists = catalog.aptLists(d.id === 'ubuntu' ? 'ubuntu' : 'debian', codename);
  ensureDir(ctx, `${LISTS}/partial`);
  const files: PlannedFile[] = lists.map((l) => ({ path: `${LISTS}/${l.name}`, size: l.bytes }));
  const total = writeFiles(ctx, `apt-lists:${d.id}:${codename}`, files);
  if (!dockerClean(ctx)) {
    // Without docker-clean, apt also keeps its binary caches (about a third of the lists' size each).
    writeFiles(ctx, 'apt-pkgcache', [
      { path: '/var/cache/apt/pkgcache.bin', size: Math.round(total * 0.35) },
      { path: '/var/cache/apt/srcpkgcache.bin', size: Math.round(total * 0.34) },
    ]);
  }
  const seconds = downloadSeconds(total, lists.length) + RESOLVE_SECONDS.apt;
  ctx.runtime.spend(seconds);
  if (quiet < 2) {
    let out = '';
    lists.forEach((l, i) => {
      out += `Get:${i + 1} ${describeList(l.name)} [${aptSize(l.bytes)}]\n`;
    });
    out += `Fetched ${aptSize(total)} in ${Math.max(1, Math.round(seconds))}s (${aptSize(Math.round(total / Math.max(seconds, 0.001)))}/s)\nReading package lists...\n`;
    ctx.print(out);
  }
  return 0;
}

interface InstallOptions {
  readonly yes: boolean;
  readonly recommends: boolean;
  readonly quiet: number;
}

function install(ctx: CommandContext, catalog: PackageCatalog, names: readonly string[], o: InstallOptions): number {
  const d = readDistribution(ctx);
  const out: string[] = [];
  if (o.quiet < 2) out.push('Reading package lists...', 'Building dependency tree...', 'Reading state information...');
  const flush = (): void => {
    if (out.length > 0) ctx.print(`${out.join('\n')}\n`);
    out.length = 0;
  };
  if (listFiles(ctx).length === 0) {
    flush();
    for (const name of names) ctx.stderr.write(`E: Unable to locate package ${name}\n`);
    ctx.runtime.note('apt-get install found no package lists in /var/lib/apt/lists: run apt-get update first (in the same RUN)');
    return 100;
  }
  const status = readStatus(ctx);
  const installedNames = new Set(status.filter((s) => /Status: install ok installed/.test(s.text)).map((s) => s.name));
  const plain = names.map((n) => n.replace(/=.*$/, ''));
  const already = plain.filter((n) => installedNames.has(n));
  const { install: toInstall, unknown } = resolvePackages(catalog, 'apt', plain, (n) => installedNames.has(n), o.recommends);
  for (const n of unknown) ctx.runtime.note(`apt-get: ${n} is not in the package catalog; installed with default sizes (${aptSize(toInstall.find((p) => p.name === n)?.installedBytes ?? 0)})`);
  for (const n of already) {
    const version = /^Version: (.+)$/m.exec(status.find((s) => s.name === n)?.text ?? '')?.[1] ?? '';
    out.push(`${n} is already the newest version (${version}).`);
  }
  const extra = toInstall.filter((p) => !plain.includes(p.name));
  const download = toInstall.reduce((s, p) => s + p.downloadBytes, 0);
  const installed = toInstall.reduce((s, p) => s + p.installedBytes, 0);
  if (toInstall.length > 0 && o.quiet < 2) {
    if (extra.length > 0) out.push('The following additional packages will be installed:', `  ${extra.map((p) => p.name).join(' ')}`);
    out.push('The following NEW packages will be installed:', `  ${toInstall.map((p) => p.name).join(' ')}`);
  }
  if (o.quiet < 2) out.push(`0 upgraded, ${toInstall.length} newly installed, 0 to remove and 0 not upgraded.`);
  if (toInstall.length === 0) {
    flush();
    return 0;
  }
  if (o.quiet < 2) out.push(`Need to get ${aptSize(download)} of archives.`, `After this operation, ${aptSize(installed)} of additional disk space will be used.`);
  if (extra.length > 0 && !o.yes) {
    // A build has no terminal: apt reads "no" from an empty stdin.
    out.push('Do you want to continue? [Y/n] Abort.');
    flush();
    ctx.runtime.note('apt-get install asked "Do you want to continue?" and aborted: add -y in a Dockerfile');
    return 1;
  }
  const fetchSeconds = downloadSeconds(download, toInstall.length);
  if (o.quiet < 2) {
    toInstall.forEach((p, i) => out.push(`Get:${i + 1} ${mirror(d.id, d.codename || 'bookworm')} amd64 ${p.name} amd64 ${p.version} [${aptSize(p.downloadBytes)}]`));
    out.push(`Fetched ${aptSize(download)} in ${Math.max(1, Math.round(fetchSeconds))}s (${aptSize(Math.round(download / Math.max(fetchSeconds, 0.001)))}/s)`);
  }
  // Fetch the .debs, unpack every package, then record them in the dpkg database.
  ensureDir(ctx, `${ARCHIVES}/partial`);
  writeFiles(ctx, 'apt-deb', toInstall.map((p) => ({ path: `${ARCHIVES}/${debName(p)}`, size: p.downloadBytes })));
  for (const p of toInstall) {
    if (o.quiet < 2) out.push(`Selecting previously unselected package ${p.name}.`, `Unpacking ${p.name} (${p.version}) ...`);
    const files = layoutPackage(p, { bin: '/usr/bin', data: `/usr/lib/x86_64-linux-gnu/${p.name}`, doc: `/usr/share/doc/${p.name}` });
    writeFiles(ctx, `apt:${p.name}:${p.version}`, files);
    writeFiles(ctx, 'dpkg-info', [{ path: `/var/lib/dpkg/info/${p.name}.list`, text: `${files.map((f) => f.path).join('\n')}\n` }]);
  }
  for (const p of toInstall) if (o.quiet < 2) out.push(`Setting up ${p.name} (${p.version}) ...`);
  writeStatus(ctx, [...status, ...toInstall.map(stanzaFor)]);
  if (dockerClean(ctx)) removeCache(ctx);
  flush();
  if (!installedNames.has('apt-utils') && d.id !== 'unknown') ctx.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  ctx.runtime.spend(RESOLVE_SECONDS.apt + fetchSeconds + installSeconds(installed, toInstall.length, 'apt'));
  return 0;
}

function remove(ctx: CommandContext, names: readonly string[], quiet: number): number {
  const status = readStatus(ctx);
  const removed: string[] = [];
  for (const name of names) {
    if (!status.some((s) => s.name === name)) {
      if (quiet < 2) ctx.print(`Package '${name}' is not installed, so not removed\n`);
      continue;
    }
    try {
      const list = ctx.fs.readFile(`/var/lib/dpkg/info/${name}.list`).text().split('\n').filter((l) => l !== '');
      for (const path of list) if (ctx.fs.exists(path)) ctx.fs.rm(path);
      ctx.fs.rm(`/var/lib/dpkg/info/${name}.list`);
    } catch {
      ctx.runtime.note(`apt-get remove ${name}: the model has no file list for it (a base-image package); only its status entry is removed`);
    }
    removed.push(name);
  }
  if (removed.length > 0) writeStatus(ctx, status.filter((s) => !removed.includes(s.name)));
  if (quiet < 2) ctx.print(`Reading package lists...\n0 upgraded, 0 newly installed, ${removed.length} to remove and 0 not upgraded.\n`);
  return 0;
}

function aptCommand(name: 'apt-get' | 'apt'): ShellCommand {
  return {
    name,
    kind: 'utility',
    summary: `${name} update | install [-y] [--no-install-recommends] PKG… | clean | remove | purge (Debian/Ubuntu; sizes from the package catalog)`,
    run(ctx) {
      if (name === 'apt') ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
      let yes = false;
      let recommends = true;
      let quiet = 0;
      const words: string[] = [];
      for (const a of ctx.args) {
        if (a === '-y' || a === '--yes' || a === '--assume-yes' || a === '-yq' || a === '-qy') yes = true;
        if (a === '--no-install-recommends') recommends = false;
        if (a === '-q' || a === '--quiet' || a === '-yq' || a === '-qy') quiet = Math.max(quiet, 1);
        if (a === '-qq' || a === '-yqq' || a === '-qqy') {
          quiet = 2;
          yes = true;
        }
        if (/^-o$/.test(a)) continue;
        if (!a.startsWith('-')) words.push(a);
      }
      const [sub, ...pkgs] = words;
      if (sub === undefined) {
        ctx.stderr.write(`E: Invalid operation\n`);
        return 100;
      }
      switch (sub) {
        case 'update': {
          const catalog = requireCatalog(ctx, 'E: ');
          return catalog === undefined ? 100 : update(ctx, catalog, quiet);
        }
        case 'install': {
          if (pkgs.length === 0) return 0;
          const catalog = requireCatalog(ctx, 'E: ');
          return catalog === undefined ? 100 : install(ctx, catalog, pkgs, { yes, recommends, quiet });
        }
        case 'clean':
        case 'autoclean':
          removeCache(ctx);
          return 0;
        case 'remove':
        case 'purge':
          return remove(ctx, pkgs, quiet);
        case 'upgrade':
        case 'dist-upgrade':
        case 'full-upgrade':
        case 'autoremove':
          if (quiet < 2) ctx.print('Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
          ctx.runtime.note(`${name} ${sub}: the model's images are current; nothing to do`);
          return 0;
        default:
          ctx.stderr.write(`E: Invalid operation ${sub}\n`);
          return 100;
      }
    },
  };
}

export const APT_COMMANDS: readonly ShellCommand[] = [aptCommand('apt-get'), aptCommand('apt')];
