/**
 * npm, for the Node lessons: `npm install [PKG…]`, `npm ci` (needs package-lock.json, starts from an
 * empty node_modules), `--omit=dev` / `--only=production` / `--production` / NODE_ENV=production,
 * and `npm run SCRIPT` / `npm start` / `npm test`. Scripts made of commands the simulator knows
 * run in the simulated shell; a script that calls a JavaScript build tool (tsc, webpack, vite …)
 * is simulated: it writes dist/ with a size derived from the sources, and says so in the notes.
 * Downloaded tarballs stay in ~/.npm/_cacache, as npm keeps them (a `RUN --mount=type=cache` lesson).
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { sha256 } from '../../digest';
import { digestHex } from '../../digest';
import { joinPath } from '../paths';
import { downloadSeconds, installSeconds, RESOLVE_SECONDS } from './timeModel';
import { ensureDir, layoutPackage, requireCatalog, resolvePackages, writeFiles } from './install';
import type { CatalogPackage } from './PackageCatalog';

export const NPM_VERSION = '10.2.3';

interface PackageJson {
  name?: string;
  version?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function err(ctx: CommandContext, lines: readonly string[]): void {
  ctx.stderr.write(lines.map((l) => `npm ERR! ${l}`.trimEnd()).join('\n') + '\n');
}

function readPackageJson(ctx: CommandContext): PackageJson | undefined {
  const path = joinPath(ctx.cwd, 'package.json');
  let text: string;
  try {
    text = ctx.fs.readFile(path).text();
  } catch {
    err(ctx, ['code ENOENT', 'syscall open', `path ${path}`, 'errno -2', `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'`, 'enoent This is related to npm not being able to find a file.', 'enoent']);
    return undefined;
  }
  try {
    return JSON.parse(text) as PackageJson;
  } catch (e) {
    err(ctx, ['code EJSONPARSE', `path ${path}`, `JSON.parse Invalid package.json: ${(e as Error).message}`]);
    return undefined;
  }
}

const BUILD_TOOLS = new Set(['tsc', 'webpack', 'vite', 'rollup', 'esbuild', 'babel', 'next', 'react-scripts', 'parcel', 'ng', 'vue-cli-service', 'nest', 'tsup']);

function installDeps(ctx: CommandContext, pkg: PackageJson, args: readonly string[], ci: boolean): number {
  const catalog = requireCatalog(ctx, 'npm ERR! ');
  if (catalog === undefined) return 1;
  const cwd = ctx.cwd;
  const production = args.some((a) => a === '--production' || a === '--omit=dev' || /^--only=prod/.test(a)) || ctx.env.get('NODE_ENV') === 'production';
  if (args.some((a) => a.startsWith('--only='))) ctx.stderr.write('npm WARN config only Use `--omit=dev` to omit dev dependencies from the install.\n');
  const added = args.filter((a) => !a.startsWith('-'));
  const nodeModules = joinPath(cwd, 'node_modules');
  if (ci && ctx.fs.exists(nodeModules)) ctx.fs.rm(nodeModules, { recursive: true });
  const wanted: Record<string, string> = { ...(pkg.dependencies ?? {}), ...(production ? {} : (pkg.devDependencies ?? {})) };
  for (const a of added) {
    const name = a.replace(/(.)@.*$/, '$1');
    const known = catalog.lookup('npm', name);
    wanted[name] = `^${known?.version ?? '1.0.0'}`;
  }
  const present = (name: string): boolean => ctx.fs.exists(joinPath(nodeModules, `${name}/package.json`));
  const { install, unknown } = resolvePackages(catalog, 'npm', Object.keys(wanted), present);
  for (const n of unknown) ctx.runtime.note(`npm: ${n} is not in the package catalog; installed with default sizes`);
  const home = ctx.env.get('HOME') ?? '/root';
  for (const p of install) writePackage(ctx, nodeModules, p, home);
  const all = listInstalled(ctx, nodeModules);
  writeFiles(ctx, 'npm-lock', [{ path: joinPath(nodeModules, '.package-lock.json'), text: lockJson(pkg, all) }]);
  const lockPath = joinPath(cwd, 'package-lock.json');
  if (added.length > 0) {
    pkg.dependencies = { ...(pkg.dependencies ?? {}), ...Object.fromEntries(added.map((a) => [a.replace(/(.)@.*$/, '$1'), wanted[a.replace(/(.)@.*$/, '$1')] ?? '*'])) };
    ctx.fs.writeFile(joinPath(cwd, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  if (!ci && (added.length > 0 || !ctx.fs.exists(lockPath))) ctx.fs.writeFile(lockPath, lockJson(pkg, all), { mode: 0o644 });
  const download = install.reduce((s, p) => s + p.downloadBytes, 0);
  const bytes = install.reduce((s, p) => s + p.installedBytes, 0);
  const seconds = RESOLVE_SECONDS.npm + downloadSeconds(download, install.length) + installSeconds(bytes, install.length, 'npm');
  ctx.runtime.spend(seconds);
  const time = seconds < 1 ? `${Math.round(seconds * 1000)}ms` : `${Math.round(seconds)}s`;
  ctx.print(install.length === 0 ? `\nup to date, audited ${all.length + 1} packages in ${time}\n\nfound 0 vulnerabilities\n` : `\nadded ${install.length} packages, and audited ${all.length + 1} packages in ${time}\n\nfound 0 vulnerabilities\n`);
  return 0;
}

/** npm prune [--omit=dev|--production]: remove from node_modules what the dependencies do not need. */
function prune(ctx: CommandContext, pkg: PackageJson, args: readonly string[]): number {
  const catalog = requireCatalog(ctx, 'npm ERR! ');
  if (catalog === undefined) return 1;
  const production = args.some((a) => a === '--production' || a === '--omit=dev' || /^--only=prod/.test(a)) || ctx.env.get('NODE_ENV') === 'production';
  const roots = Object.keys({ ...(pkg.dependencies ?? {}), ...(production ? {} : (pkg.devDependencies ?? {})) });
  const keep = new Set<string>();
  const visit = (name: string): void => {
    if (keep.has(name)) return;
    keep.add(name);
    for (const d of catalog.lookup('npm', name)?.depends ?? []) visit(d.replace(/^\?/, ''));
  };
  roots.forEach(visit);
  const nodeModules = joinPath(ctx.cwd, 'node_modules');
  const installed = listInstalled(ctx, nodeModules);
  const removed = installed.filter((p) => !keep.has(p.name));
  for (const p of removed) ctx.fs.rm(joinPath(nodeModules, p.name), { recursive: true });
  const kept = installed.filter((p) => keep.has(p.name));
  if (ctx.fs.exists(nodeModules)) writeFiles(ctx, 'npm-lock', [{ path: joinPath(nodeModules, '.package-lock.json'), text: lockJson(pkg, kept) }]);
  ctx.runtime.spend(RESOLVE_SECONDS.npm);
  ctx.print(`\nremoved ${removed.length} packages, and audited ${kept.length + 1} packages in 1s\n\nfound 0 vulnerabilities\n`);
  return 0;
}

function writePackage(ctx: CommandContext, nodeModules: string, p: CatalogPackage, home: string): void {
  const dir = joinPath(nodeModules, p.name);
  const manifest = `${JSON.stringify({ name: p.name, version: p.version, description: 'installed by the layerlab simulator' }, null, 2)}\n`;
  const files = layoutPackage({ ...p, installedBytes: Math.max(0, p.installedBytes - manifest.length) }, { bin: `${dir}/bin`, data: `${dir}/lib` });
  writeFiles(ctx, `npm:${p.name}@${p.version}`, [{ path: `${dir}/package.json`, text: manifest }, ...files]);
  for (const bin of p.bins ?? []) {
    ensureDir(ctx, joinPath(nodeModules, '.bin'));
    const link = joinPath(nodeModules, `.bin/${bin}`);
    if (!ctx.fs.exists(link)) ctx.fs.symlink(`../${p.name}/bin/${bin}`, link);
  }
  // The tarball in npm's content-addressed cache.
  const hex = digestHex(sha256(`${p.name}@${p.version}`));
  writeFiles(ctx, 'npm-cache', [{ path: `${home}/.npm/_cacache/content-v2/sha512/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex.slice(4)}`, size: p.downloadBytes }]);
}

function listInstalled(ctx: CommandContext, nodeModules: string): { name: string; version: string }[] {
  try {
    return ctx.fs
      .readdir(nodeModules)
      .filter((n) => !n.startsWith('.'))
      .map((name) => {
        try {
          const m = JSON.parse(ctx.fs.readFile(joinPath(nodeModules, `${name}/package.json`)).text()) as PackageJson;
          return { name, version: m.version ?? '0.0.0' };
        } catch {
          return { name, version: '0.0.0' };
        }
      });
  } catch {
    return [];
  }
}

function lockJson(pkg: PackageJson, installed: readonly { name: string; version: string }[]): string {
  const packages: Record<string, unknown> = { '': { name: pkg.name, version: pkg.version, dependencies: pkg.dependencies ?? {} } };
  for (const p of installed) packages[`node_modules/${p.name}`] = { version: p.version, resolved: `https://registry.npmjs.org/${p.name}/-/${p.name.split('/').pop() ?? p.name}-${p.version}.tgz` };
  return `${JSON.stringify({ name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

/** Source bytes a build reads: .js/.ts/.jsx/.tsx/.css/.html outside node_modules and dist. */
function sourceBytes(ctx: CommandContext, dir: string, depth = 0): number {
  if (depth > 12) return 0;
  let total = 0;
  for (const name of ctx.fs.readdir(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'build' || name.startsWith('.')) continue;
    const path = joinPath(dir, name);
    const st = ctx.fs.lstat(path);
    if (st.kind === 'dir') total += sourceBytes(ctx, path, depth + 1);
    else if (st.kind === 'file' && /\.(m?[jt]sx?|css|html|vue|svelte)$/.test(name)) total += st.size;
  }
  return total;
}

function runScript(ctx: CommandContext, pkg: PackageJson, script: string, extra: readonly string[]): number {
  const body = pkg.scripts?.[script];
  if (body === undefined) {
    if (script === 'start' && ctx.fs.exists(joinPath(ctx.cwd, 'server.js'))) return runScript(ctx, { ...pkg, scripts: { ...pkg.scripts, start: 'node server.js' } }, script, extra);
    err(ctx, [`Missing script: "${script}"`, '', 'To see a list of scripts, run:', '  npm run']);
    return 1;
  }
  const command = [body, ...extra].join(' ');
  ctx.print(`\n> ${pkg.name ?? ''}@${pkg.version ?? ''} ${script}\n> ${command}\n\n`);
  const tool = command.trim().split(/\s+/)[0] ?? '';
  if (BUILD_TOOLS.has(tool)) {
    const src = sourceBytes(ctx, ctx.cwd);
    const size = Math.max(1024, Math.round(src * 0.6));
    const outDir = joinPath(ctx.cwd, tool === 'next' ? '.next' : tool === 'react-scripts' ? 'build' : 'dist');
    const header = `// built by the layerlab simulator: ${tool} over ${src} bytes of sources\n`;
    ensureDir(ctx, outDir);
    ctx.fs.writeFile(joinPath(outDir, 'index.js'), header + '/* bundle */\n'.repeat(Math.max(0, Math.ceil((size - header.length) / 13))), { mode: 0o644 });
    ctx.runtime.spend(1 + src / 1e6);
    ctx.runtime.note(`npm run ${script}: ${tool} does not run in the simulator; it wrote ${outDir}/index.js (≈ 0.6 × the sources' size)`);
    return 0;
  }
  const path = `${joinPath(ctx.cwd, 'node_modules/.bin')}:${ctx.env.get('PATH') ?? ''}`;
  const env = new Map(ctx.env);
  env.set('PATH', path);
  env.set('npm_lifecycle_event', script);
  return ctx.host.runScript(command, ctx, { env });
}

const npm: ShellCommand = {
  name: 'npm',
  kind: 'utility',
  summary: 'npm install [PKG…] | ci | prune | run SCRIPT | start | test (node_modules sizes from the package catalog)',
  run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub === '--version' || sub === '-v') {
      ctx.print(`${NPM_VERSION}\n`);
      return 0;
    }
    switch (sub) {
      case 'install':
      case 'i':
      case 'add': {
        const pkg = readPackageJson(ctx);
        if (pkg === undefined) return 254;
        return installDeps(ctx, pkg, rest, false);
      }
      case 'ci':
      case 'clean-install': {
        const hasLock = ctx.fs.exists(joinPath(ctx.cwd, 'package-lock.json')) || ctx.fs.exists(joinPath(ctx.cwd, 'npm-shrinkwrap.json'));
        const pkg = readPackageJson(ctx);
        if (pkg === undefined) return 254;
        if (!hasLock) {
          err(ctx, [
            'code EUSAGE',
            '',
            'The `npm ci` command can only install with an existing package-lock.json or',
            'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
            'later to generate a package-lock.json file, then try again.',
          ]);
          return 1;
        }
        return installDeps(ctx, pkg, rest, true);
      }
      case 'run':
      case 'run-script': {
        const pkg = readPackageJson(ctx);
        if (pkg === undefined) return 254;
        const [script, ...extra] = rest;
        if (script === undefined) {
          ctx.print(Object.entries(pkg.scripts ?? {}).map(([k, v]) => `  ${k}\n    ${v}\n`).join(''));
          return 0;
        }
        return runScript(ctx, pkg, script, extra.filter((a) => a !== '--'));
      }
      case 'start':
      case 'test': {
        const pkg = readPackageJson(ctx);
        if (pkg === undefined) return 254;
        return runScript(ctx, pkg, sub, rest);
      }
      case 'prune': {
        const pkg = readPackageJson(ctx);
        if (pkg === undefined) return 254;
        return prune(ctx, pkg, rest);
      }
      case 'cache':
        if (rest[0] === 'clean') {
          const home = ctx.env.get('HOME') ?? '/root';
          if (ctx.fs.exists(`${home}/.npm/_cacache`)) ctx.fs.rm(`${home}/.npm/_cacache`, { recursive: true });
          return 0;
        }
        break;
      default:
        break;
    }
    ctx.stderr.write(`npm ${sub ?? ''}: not simulated (install, ci, prune, run, start, test, cache clean)\n`);
    ctx.runtime.note(`npm ${sub ?? ''} is not simulated`);
    return 1;
  },
};

export const NPM_COMMANDS: readonly ShellCommand[] = [npm];
