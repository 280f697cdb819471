/**
 * pip / pip3 / `python -m pip`: `install [-r FILE]… [--no-cache-dir] PKG…` into the image's
 * site-packages (/usr/local/lib/python3.X in the python images). Without --no-cache-dir (or
 * PIP_NO_CACHE_DIR), the downloaded wheels stay in ~/.cache/pip — the bytes the seed's
 * `pip install --no-cache-dir` lesson saves.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { digestHex, sha256 } from '../../digest';
import { joinPath } from '../paths';
import { downloadSeconds, installSeconds, RESOLVE_SECONDS } from './timeModel';
import { layoutPackage, requireCatalog, resolvePackages, writeFiles } from './install';

export const PIP_VERSION = '23.2.1';

function sitePackages(ctx: CommandContext): { dir: string; python: string } {
  try {
    const versions = ctx.fs.readdir('/usr/local/lib').filter((n) => /^python3\.\d+$/.test(n)).sort();
    const last = versions[versions.length - 1];
    if (last !== undefined) return { dir: `/usr/local/lib/${last}/site-packages`, python: last };
  } catch {
    // no /usr/local/lib
  }
  return { dir: '/usr/local/lib/python3.11/site-packages', python: 'python3.11' };
}

/** Requirement names from a requirements file (recursing into -r), or undefined after the error. */
function readRequirements(ctx: CommandContext, file: string, depth = 0): string[] | undefined {
  let text: string;
  try {
    text = ctx.fs.readFile(ctx.resolve(file)).text();
  } catch {
    ctx.stderr.write(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
    return undefined;
  }
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const r = /^(?:-r|--requirement)\s+(\S+)/.exec(line);
    if (r !== null && depth < 5) {
      const nested = readRequirements(ctx, r[1] as string, depth + 1);
      if (nested === undefined) return undefined;
      names.push(...nested);
      continue;
    }
    if (line.startsWith('-')) continue;
    names.push(line);
  }
  return names;
}

function pipInstall(ctx: CommandContext, args: readonly string[]): number {
  const specs: string[] = [];
  let noCache = ctx.env.has('PIP_NO_CACHE_DIR') && !['0', 'false', 'no', 'off'].includes((ctx.env.get('PIP_NO_CACHE_DIR') ?? '').toLowerCase());
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--no-cache-dir') noCache = true;
    else if (a === '-r' || a === '--requirement') {
      const reqs = readRequirements(ctx, args[++i] ?? '');
      if (reqs === undefined) return 1;
      specs.push(...reqs);
    } else if (a.startsWith('-r') && a.length > 2) {
      const reqs = readRequirements(ctx, a.slice(2));
      if (reqs === undefined) return 1;
      specs.push(...reqs);
    } else if (!a.startsWith('-')) specs.push(a);
  }
  if (specs.length === 0) {
    ctx.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const catalog = requireCatalog(ctx, 'ERROR: ');
  if (catalog === undefined) return 1;
  const { dir } = sitePackages(ctx);
  const names = specs.map((s) => s.replace(/\[.*?\]/, '').replace(/\s*[<>=!~;].*$/, '').trim().toLowerCase().replace(/_/g, '-'));
  const present = (name: string): boolean => {
    try {
      return ctx.fs.readdir(dir).some((n) => n.toLowerCase().replace(/_/g, '-').startsWith(`${name}-`) && n.endsWith('.dist-info'));
    } catch {
      return false;
    }
  };
  const { install, unknown } = resolvePackages(catalog, 'pip', names, present);
  for (const n of unknown) ctx.runtime.note(`pip: ${n} is not in the package catalog; installed with default sizes`);
  let out = '';
  const home = ctx.env.get('HOME') ?? '/root';
  for (const p of install) {
    const wheel = `${p.name.replace(/-/g, '_')}-${p.version}-py3-none-any.whl`;
    out += `Collecting ${p.name}\n  Downloading ${wheel} (${Math.max(1, Math.round(p.downloadBytes / 1000))} kB)\n`;
    const module = p.name.replace(/-/g, '_');
    const info = `${dir}/${module}-${p.version}.dist-info`;
    const files = layoutPackage(p, { bin: '/usr/local/bin', data: `${dir}/${module}` });
    writeFiles(ctx, `pip:${p.name}:${p.version}`, [
      ...files,
      { path: `${info}/METADATA`, text: `Metadata-Version: 2.1\nName: ${p.name}\nVersion: ${p.version}\nSummary: installed by the layerlab simulator\n` },
      { path: `${info}/RECORD`, text: `${files.map((f) => `${f.path.slice(dir.length + 1)},,`).join('\n')}\n` },
      { path: `${info}/INSTALLER`, text: 'pip\n' },
    ]);
    if (!noCache) {
      const hex = digestHex(sha256(wheel));
      writeFiles(ctx, 'pip-cache', [{ path: `${home}/.cache/pip/http-v2/${hex[0]}/${hex[1]}/${hex[2]}/${hex[3]}/${hex[4]}/${hex.slice(5)}.body`, size: p.downloadBytes }]);
    }
  }
  if (install.length > 0) {
    out += `Installing collected packages: ${install.map((p) => p.name).join(', ')}\nSuccessfully installed ${install.map((p) => `${p.name}-${p.version}`).join(' ')}\n`;
  } else out += specs.map((s) => `Requirement already satisfied: ${s} in ${dir}\n`).join('');
  ctx.print(out);
  if (ctx.runtime.uid === 0 && install.length > 0) {
    ctx.stderr.write(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n",
    );
  }
  const download = install.reduce((s, p) => s + p.downloadBytes, 0);
  const bytes = install.reduce((s, p) => s + p.installedBytes, 0);
  ctx.runtime.spend(RESOLVE_SECONDS.pip + downloadSeconds(download, install.length) + installSeconds(bytes, install.length, 'pip'));
  return 0;
}

function pipMain(ctx: CommandContext, args: readonly string[]): number {
  const [sub, ...rest] = args;
  if (sub === '--version' || sub === '-V') {
    const { dir, python } = sitePackages(ctx);
    ctx.print(`pip ${PIP_VERSION} from ${dir}/pip (python ${python.replace('python', '')})\n`);
    return 0;
  }
  if (sub === 'install') return pipInstall(ctx, rest);
  ctx.stderr.write(`ERROR: pip ${sub ?? ''} is not simulated (install, --version)\n`);
  ctx.runtime.note(`pip ${sub ?? ''} is not simulated`);
  return 1;
}

function pipCommand(name: string): ShellCommand {
  return { name, kind: 'utility', summary: 'pip install [-r FILE] [--no-cache-dir] PKG… (sizes from the package catalog)', run: (ctx) => pipMain(ctx, ctx.args) };
}

function pythonCommand(name: string): ShellCommand {
  return {
    name,
    kind: 'utility',
    summary: `${name} -m pip … and ${name} --version (Python code does not run in the simulator)`,
    run(ctx) {
      const [a, b, ...rest] = ctx.args;
      if (a === '--version' || a === '-V') {
        ctx.print(`Python ${sitePackages(ctx).python.replace('python', '')}.13\n`);
        return 0;
      }
      if (a === '-m' && b === 'pip') return pipMain(ctx, rest);
      ctx.stderr.write(`${name}: the simulator cannot run Python programs (only "${name} -m pip" and "${name} --version")\n`);
      ctx.runtime.note(`${name} ${ctx.args.join(' ')}: Python does not run in the simulator`);
      return 1;
    },
  };
}

export const PIP_COMMANDS: readonly ShellCommand[] = [pipCommand('pip'), pipCommand('pip3'), pythonCommand('python'), pythonCommand('python3')];
