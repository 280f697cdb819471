/**
 * `go build` and network downloads (curl, wget).
 *
 * go build: a static Go binary is about 1.9 MB for "hello world" (Go 1.21, linux/amd64, not
 * stripped) and grows with the code; the model writes `1.9 MB + 3 × the .go sources` of content
 * seeded by the sources' digest, so a source change gives a new binary (and a cache miss later).
 *
 * curl / wget: there is no network in the simulator; the file's size comes from the catalog
 * (`downloadSize`), else 1 KiB, and its bytes are generated from the URL. A note says so.
 */
import type { CommandContext, ShellCommand } from '../CommandContext';
import { sha256Chunks, digestHex } from '../../digest';
import { baseName, joinPath, parentPath } from '../paths';
import { downloadSeconds } from './timeModel';
import { ensureDir, packageContent } from './install';
import { textContent } from '../../content';

const GO_HELLO_BYTES = 1_900_000;
export const GO_VERSION = 'go1.21.5';

function goSources(ctx: CommandContext, dir: string, out: string[], depth = 0): void {
  if (depth > 10) return;
  for (const name of ctx.fs.readdir(dir)) {
    const path = joinPath(dir, name);
    const st = ctx.fs.lstat(path);
    if (st.kind === 'dir' && name !== 'vendor' && !name.startsWith('.')) goSources(ctx, path, out, depth + 1);
    else if (st.kind === 'file' && name.endsWith('.go') && !name.endsWith('_test.go')) out.push(path);
  }
}

const go: ShellCommand = {
  name: 'go',
  kind: 'utility',
  summary: 'go build [-o OUT] [./...] (binary size modelled from the sources), go version, go mod download',
  run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub === 'version') {
      ctx.print(`go version ${GO_VERSION} linux/amd64\n`);
      return 0;
    }
    if (sub === 'mod' && (rest[0] === 'download' || rest[0] === 'tidy' || rest[0] === 'verify')) {
      ctx.runtime.note(`go mod ${rest[0]}: modules are not fetched in the simulator (no network); the build uses only the sources`);
      return 0;
    }
    if (sub !== 'build' && sub !== 'install') {
      ctx.stderr.write(`go ${sub ?? ''}: not simulated (build, version, mod download)\n`);
      ctx.runtime.note(`go ${sub ?? ''} is not simulated`);
      return 2;
    }
    let output: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '-o') output = rest[++i];
      else if (rest[i]?.startsWith('-o=')) output = rest[i]?.slice(3);
    }
    const files: string[] = [];
    goSources(ctx, ctx.cwd, files);
    if (files.length === 0) {
      ctx.stderr.write(`no Go files in ${ctx.cwd}\n`);
      return 1;
    }
    files.sort();
    const digest = sha256Chunks(files.flatMap((f) => [...textContent(`${f}\n`).chunks(), ...ctx.fs.readFile(f).chunks()]));
    const sourceBytes = files.reduce((s, f) => s + ctx.fs.stat(f).size, 0);
    let module = baseName(ctx.cwd);
    try {
      const mod = /^module\s+(\S+)/m.exec(ctx.fs.readFile(joinPath(ctx.cwd, 'go.mod')).text());
      if (mod !== null) module = baseName(mod[1] as string);
    } catch {
      // no go.mod: the directory name
    }
    const target = output === undefined ? joinPath(ctx.cwd, module) : ctx.resolve(output.endsWith('/') ? `${output}${module}` : output);
    const size = GO_HELLO_BYTES + 3 * sourceBytes;
    ensureDir(ctx, parentPath(target)); // go build creates the output file's directory
    ctx.fs.writeFile(target, packageContent(`go-build:${digestHex(digest)}`, size), { mode: 0o755 });
    ctx.fs.chmod(target, 0o755);
    ctx.runtime.spend(2 + sourceBytes / 200_000);
    ctx.runtime.note(`go build: the compiler does not run in the simulator; ${target} is ${size} bytes of generated content (1.9 MB + 3 × the sources)`);
    return 0;
  },
};

/** What the simulated download of `url` contains. */
function download(ctx: CommandContext, url: string): { size: number; data: ReturnType<typeof packageContent> } {
  const known = ctx.runtime.packages?.downloadSize(url);
  const size = known ?? 1024;
  ctx.runtime.note(`${ctx.name} ${url}: there is no network in the simulator; ${size} bytes of generated content${known === undefined ? ' (size not in the catalog: default 1 KiB)' : ''}`);
  ctx.runtime.spend(downloadSeconds(size, 1));
  return { size, data: packageContent(`download:${url}`, size) };
}

function urlFileName(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/, '').replace(/[?#].*$/, '');
  const name = baseName(path);
  return name === '' || name === '/' ? 'index.html' : name;
}

const curl: ShellCommand = {
  name: 'curl',
  kind: 'utility',
  summary: 'curl [-fsSL] [-o FILE|-O] URL (simulated download: size from the catalog)',
  run(ctx) {
    let output: string | undefined;
    let remoteName = false;
    const urls: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i] as string;
      if (a === '-o' || a === '--output') output = ctx.args[++i];
      else if (a === '-O' || a === '--remote-name') remoteName = true;
      else if (/^-[a-zA-Z]*O[a-zA-Z]*$/.test(a)) remoteName = true;
      else if (a === '-H' || a === '-X' || a === '-d' || a === '--data' || a === '-u' || a === '-A' || a === '--retry' || a === '-m' || a === '--max-time') i += 1;
      else if (!a.startsWith('-')) urls.push(a);
    }
    if (urls.length === 0) {
      ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    for (const url of urls) {
      const { data } = download(ctx, url);
      if (output !== undefined || remoteName) ctx.fs.writeFile(ctx.resolve(output ?? urlFileName(url)), data, { mode: 0o644 });
      else ctx.stdout.write(data);
    }
    return 0;
  },
};

const wget: ShellCommand = {
  name: 'wget',
  kind: 'utility',
  summary: 'wget [-q] [-O FILE|-O -] URL (simulated download: size from the catalog)',
  run(ctx) {
    let output: string | undefined;
    let quiet = false;
    const urls: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i] as string;
      if (a === '-O') output = ctx.args[++i];
      else if (a === '-qO' || a === '-qO-') {
        quiet = true;
        output = a === '-qO-' ? '-' : ctx.args[++i];
      } else if (a.startsWith('-O') && a.length > 2) output = a.slice(2);
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (!a.startsWith('-')) urls.push(a);
    }
    for (const url of urls) {
      const { size, data } = download(ctx, url);
      const name = output ?? urlFileName(url);
      const host = /^[a-z]+:\/\/([^/]+)/.exec(url)?.[1] ?? url;
      if (name === '-') ctx.stdout.write(data);
      else ctx.fs.writeFile(ctx.resolve(name), data, { mode: 0o644 });
      if (!quiet) ctx.stderr.write(`Connecting to ${host}\nsaving to '${name}'\n${name} 100% |********************************| ${size}  0:00:00 ETA\n'${name}' saved\n`);
    }
    return 0;
  },
};

export const GO_AND_DOWNLOAD_COMMANDS: readonly ShellCommand[] = [go, curl, wget];
