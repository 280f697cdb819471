/**
 * apk on an Alpine image: `apk add [--no-cache] [--virtual NAME] PKG…`, `apk del`, `apk update`.
 * apk fetches the APKINDEX files first and keeps them in /var/cache/apk — unless `--no-cache`,
 * which is why Alpine Dockerfiles use it: the index (≈ 3 MB for 3.18) never lands in the layer.
 * Installed packages are recorded in /lib/apk/db/installed (apk rewrites the whole file).
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { downloadSeconds, installSeconds, RESOLVE_SECONDS } from './timeModel';
import { ensureDir, layoutPackage, readDistribution, requireCatalog, resolvePackages, writeFiles } from './install';
import type { PackageCatalog } from './PackageCatalog';

const DB = '/lib/apk/db/installed';
/** The packages asked for by name (apk's "world"); everything else stays only while needed. */
const WORLD = '/etc/apk/world';

function readWorld(ctx: CommandContext, db: readonly DbEntry[]): string[] {
  try {
    return ctx.fs.readFile(WORLD).text().split(/\s+/).filter((w) => w !== '');
  } catch {
    return db.map((e) => e.name);
  }
}

function writeWorld(ctx: CommandContext, world: readonly string[]): void {
  ensureDir(ctx, '/etc/apk');
  ctx.fs.writeFile(WORLD, `${[...new Set(world)].sort().join('\n')}\n`, { mode: 0o644 });
}
const CACHE = '/var/cache/apk';

interface DbEntry {
  readonly name: string;
  readonly text: string;
}

function readDb(ctx: CommandContext): DbEntry[] {
  let text = '';
  try {
    text = ctx.fs.readFile(DB).text();
  } catch {
    return [];
  }
  return text
    .split(/\n\n+/)
    .filter((s) => s.trim() !== '')
    .map((s) => ({ name: /^P:(.+)$/m.exec(s)?.[1] ?? '', text: s.replace(/\n+$/, '') }));
}

function writeDb(ctx: CommandContext, entries: readonly DbEntry[]): void {
  ensureDir(ctx, '/lib/apk/db');
  ctx.fs.writeFile(DB, `${entries.map((e) => e.text).join('\n\n')}\n\n`, { mode: 0o644 });
}

function release(ctx: CommandContext): string {
  try {
    const v = ctx.fs.readFile('/etc/alpine-release').text().trim();
    return v.split('.').slice(0, 2).join('.');
  } catch {
    return readDistribution(ctx).versionId.split('.').slice(0, 2).join('.') || '3.18';
  }
}

function fetchIndexes(ctx: CommandContext, catalog: PackageCatalog, keep: boolean): string {
  const r = release(ctx);
  const indexes = catalog.apkIndexes(r);
  const cached = indexes.every((i) => ctx.fs.exists(`${CACHE}/${i.name}`));
  if (cached) return '';
  if (keep) {
    ensureDir(ctx, CACHE);
    writeFiles(ctx, `apkindex:${r}`, indexes.map((i) => ({ path: `${CACHE}/${i.name}`, size: i.bytes })));
  }
  ctx.runtime.spend(downloadSeconds(indexes.reduce((s, i) => s + i.bytes, 0), indexes.length));
  return ['main', 'community'].slice(0, indexes.length).map((repo) => `fetch https://dl-cdn.alpinelinux.org/alpine/v${r}/${repo}/x86_64/APKINDEX.tar.gz\n`).join('');
}

function add(ctx: CommandContext, catalog: PackageCatalog, names: readonly string[], noCache: boolean, virtual: string | undefined): number {
  let out = fetchIndexes(ctx, catalog, !noCache);
  const db = readDb(ctx);
  const world = readWorld(ctx, db);
  const installed = new Set(db.map((e) => e.name));
  const plain = names.map((n) => n.replace(/[=~<>].*$/, ''));
  writeWorld(ctx, [...world, ...(virtual === undefined ? plain : [virtual])]);
  const { install, unknown } = resolvePackages(catalog, 'apk', plain, (n) => installed.has(n));
  for (const n of unknown) ctx.runtime.note(`apk: ${n} is not in the package catalog; installed with default sizes`);
  const entries = [...db];
  const steps = install.length + (virtual === undefined ? 0 : 1);
  let step = 0;
  if (virtual !== undefined) {
    out += `(${++step}/${steps}) Installing ${virtual} (20240101.000000)\n`;
    entries.push({ name: virtual, text: `P:${virtual}\nV:20240101.000000\nA:noarch\nI:0\nD:${plain.join(' ')}` });
  }
  for (const p of install) {
    out += `(${++step}/${steps}) Installing ${p.name} (${p.version})\n`;
    const files = layoutPackage(p, { bin: '/usr/bin', data: `/usr/lib/${p.name}` });
    writeFiles(ctx, `apk:${p.name}:${p.version}`, files);
    entries.push({
      name: p.name,
      text: `P:${p.name}\nV:${p.version}\nA:x86_64\nS:${p.downloadBytes}\nI:${p.installedBytes}\nT:${p.name} (installed by the layerlab simulator)${(p.depends ?? []).length > 0 ? `\nD:${(p.depends ?? []).join(' ')}` : ''}\n${files.map((f) => `R:${f.path.slice(1)}`).join('\n')}`,
    });
  }
  if (install.length > 0 || virtual !== undefined) writeDb(ctx, entries);
  const totalBytes = entries.reduce((s, e) => s + Number(/^I:(\d+)$/m.exec(e.text)?.[1] ?? 0), 0);
  out += `OK: ${Math.round(totalBytes / 1048576)} MiB in ${entries.length} packages\n`;
  ctx.print(out);
  const download = install.reduce((s, p) => s + p.downloadBytes, 0);
  const bytes = install.reduce((s, p) => s + p.installedBytes, 0);
  ctx.runtime.spend(RESOLVE_SECONDS.apk + downloadSeconds(download, install.length) + installSeconds(bytes, install.length, 'apk'));
  return 0;
}

/** apk del: drop the names from the world, then purge every package nothing in the world still needs. */
function del(ctx: CommandContext, names: readonly string[]): number {
  const db = readDb(ctx);
  const world = readWorld(ctx, db).filter((w) => !names.includes(w));
  const byName = new Map(db.map((e) => [e.name, e]));
  const needed = new Set<string>();
  const need = (name: string): void => {
    if (needed.has(name)) return;
    needed.add(name);
    const deps = /^D:(.+)$/m.exec(byName.get(name)?.text ?? '')?.[1];
    if (deps !== undefined) for (const d of deps.split(' ')) need(d);
  };
  for (const w of world) need(w);
  const kept = db.filter((e) => needed.has(e.name));
  const removed = db.filter((e) => !needed.has(e.name));
  let out = '';
  removed.forEach((e, i) => {
    out += `(${i + 1}/${removed.length}) Purging ${e.name} (${/^V:(.+)$/m.exec(e.text)?.[1] ?? ''})\n`;
    for (const m of e.text.matchAll(/^R:(.+)$/gm)) {
      const path = `/${m[1] as string}`;
      if (ctx.fs.exists(path)) ctx.fs.rm(path);
    }
  });
  if (removed.length > 0) writeDb(ctx, kept);
  writeWorld(ctx, world);
  const totalBytes = kept.reduce((s, e) => s + Number(/^I:(\d+)$/m.exec(e.text)?.[1] ?? 0), 0);
  ctx.print(`${out}OK: ${Math.round(totalBytes / 1048576)} MiB in ${kept.length} packages\n`);
  return 0;
}

const apk: ShellCommand = {
  name: 'apk',
  kind: 'utility',
  summary: 'apk add [--no-cache] [--virtual NAME] PKG… | del | update (Alpine; sizes from the package catalog)',
  run(ctx) {
    const args = [...ctx.args];
    let noCache = false;
    let virtual: string | undefined;
    const words: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '--no-cache') noCache = true;
      else if (a === '--virtual' || a === '-t') virtual = args[++i];
      else if (a.startsWith('--virtual=')) virtual = a.slice('--virtual='.length);
      else if (!a.startsWith('-')) words.push(a);
    }
    const [sub, ...pkgs] = words;
    const catalog = requireCatalog(ctx, 'ERROR: ');
    if (catalog === undefined) return 1;
    switch (sub) {
      case 'add':
        return add(ctx, catalog, pkgs, noCache, virtual);
      case 'del':
        return del(ctx, pkgs);
      case 'update': {
        const out = fetchIndexes(ctx, catalog, !noCache);
        ctx.print(`${out}v${release(ctx)} [https://dl-cdn.alpinelinux.org/alpine/v${release(ctx)}/main]\nOK: ${catalog.names('apk').length} distinct packages available\n`);
        return 0;
      }
      default:
        ctx.stderr.write(`apk: unsupported command ${sub ?? ''} in the simulator (add, del, update)\n`);
        ctx.runtime.note(`apk ${sub ?? ''} is not simulated`);
        return 1;
    }
  },
};

export const APK_COMMANDS: readonly ShellCommand[] = [apk];
