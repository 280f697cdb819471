/**
 * The simulated package managers over the package catalog: the files and sizes they leave, the
 * caches a lesson cleans up, the failures a Dockerfile author meets (no `apt-get update`, no `-y`,
 * `npm ci` without a lockfile) and the time they report.
 */
import { describe, expect, it } from 'vitest';
import { runShell, type ShellOptions } from '../../../kernel-lib/src/shell';
import { PACKAGE_CATALOG } from '../../../kernel-lib/src/catalog/packages';
import { containerFs, type MemoryFs } from './MemoryFs';

const OPTIONS: ShellOptions = { packages: PACKAGE_CATALOG, env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' }, hintsOnStderr: false };

function debianFs(id: 'debian' | 'ubuntu' = 'ubuntu', dockerClean = true): MemoryFs {
  const fs = containerFs();
  fs.seed({
    '/etc/os-release': id === 'ubuntu' ? 'ID=ubuntu\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n' : 'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
    '/var/lib/dpkg/status': 'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\nInstalled-Size: 7164\n\n',
    '/var/lib/apt/lists/partial/.keep': '',
  });
  if (dockerClean) fs.seed({ '/etc/apt/apt.conf.d/docker-clean': 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n' });
  return fs;
}

const du = (fs: MemoryFs, path: string): number => Number(runShell(fs, `du -s ${path}`, OPTIONS).stdout.split('\t')[0]);

describe('apt-get', () => {
  it('cannot install before apt-get update: the lists are empty in an image', () => {
    const r = runShell(debianFs(), 'apt-get install -y curl', OPTIONS);
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toBe('E: Unable to locate package curl\n');
  });

  it('update writes the lists (≈ 54 MB on Ubuntu, ≈ 15 MB on Debian) and takes download time', () => {
    const ubuntu = debianFs('ubuntu');
    const r = runShell(ubuntu, 'apt-get update', OPTIONS);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu jammy InRelease \[270 kB\]\n/);
    expect(r.stdout).toMatch(/Fetched 54\.4 MB in 5s/);
    expect(du(ubuntu, '/var/lib/apt/lists')).toBe(53204);
    expect(r.seconds).toBeCloseTo(4.722, 3);
    const debian = debianFs('debian');
    runShell(debian, 'apt-get update', OPTIONS);
    expect(du(debian, '/var/lib/apt/lists')).toBe(14320);
  });

  it('asks "Do you want to continue?" and aborts without -y when dependencies come along', () => {
    const fs = debianFs();
    runShell(fs, 'apt-get update', OPTIONS);
    const r = runShell(fs, 'apt-get install curl', OPTIONS);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/Need to get 6,045 kB of archives\.\nAfter this operation, 15\.6 MB of additional disk space will be used\.\nDo you want to continue\? \[Y\/n\] Abort\.\n$/);
    expect(fs.exists('/usr/bin/curl')).toBe(false);
  });

  it('install -y unpacks files of catalog sizes, records them in dpkg status, and docker-clean removes the .debs', () => {
    const fs = debianFs();
    const r = runShell(fs, 'apt-get update && apt-get install -y curl', OPTIONS);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(fs.stat('/usr/bin/curl').mode).toBe(0o755);
    const status = fs.readFile('/var/lib/dpkg/status').text();
    expect(status).toMatch(/^Package: bash\n/);
    expect(status).toMatch(/Package: curl\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\nVersion: 7\.88\.1-10\+deb12u5\nInstalled-Size: 500\n/);
    expect(fs.readdir('/var/cache/apt/archives').filter((n) => n.endsWith('.deb'))).toEqual([]);
    expect(runShell(fs, 'apt-get install -y curl', OPTIONS).stdout).toMatch(/curl is already the newest version \(7\.88\.1-10\+deb12u5\)\./);
  });

  it('keeps the .debs without docker-clean, until apt-get clean', () => {
    const fs = debianFs('debian', false);
    runShell(fs, 'apt-get update && apt-get install -y --no-install-recommends curl', OPTIONS);
    expect(fs.readdir('/var/cache/apt/archives').filter((n) => n.endsWith('.deb'))).toHaveLength(16);
    expect(fs.exists('/var/cache/apt/pkgcache.bin')).toBe(true);
    runShell(fs, 'apt-get clean', OPTIONS);
    expect(fs.readdir('/var/cache/apt/archives').filter((n) => n.endsWith('.deb'))).toEqual([]);
    expect(fs.exists('/var/cache/apt/pkgcache.bin')).toBe(false);
  });

  it('--no-install-recommends leaves out recommended packages (python3-pip without a compiler)', () => {
    const a = debianFs();
    const b = debianFs();
    runShell(a, 'apt-get update && apt-get install -y python3-pip', OPTIONS);
    runShell(b, 'apt-get update && apt-get install -y --no-install-recommends python3-pip', OPTIONS);
    expect(a.exists('/usr/bin/gcc')).toBe(true);
    expect(b.exists('/usr/bin/gcc')).toBe(false);
    expect(du(a, '/usr')).toBeGreaterThan(du(b, '/usr') + 250_000);
  });

  it("build-essential is about 300 MB, as the seed's lesson says (284 MiB under /usr)", () => {
    const fs = debianFs();
    runShell(fs, 'apt-get update && apt-get install -y build-essential', OPTIONS);
    expect(Math.round(du(fs, '/usr') / 1024)).toBe(284);
  });

  it('rm -rf /var/lib/apt/lists/* empties the lists (the cleanup in the same RUN)', () => {
    const fs = debianFs();
    runShell(fs, 'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*', OPTIONS);
    expect(fs.readdir('/var/lib/apt/lists')).toEqual([]);
  });

  it('remove deletes the files it installed', () => {
    const fs = debianFs();
    runShell(fs, 'apt-get update && apt-get install -y jq', OPTIONS);
    expect(fs.exists('/usr/bin/jq')).toBe(true);
    runShell(fs, 'apt-get remove -y jq', OPTIONS);
    expect(fs.exists('/usr/bin/jq')).toBe(false);
    expect(fs.readFile('/var/lib/dpkg/status').text()).not.toMatch(/Package: jq\n/);
  });

  it('fails clearly when no catalog is attached', () => {
    const r = runShell(debianFs(), 'apt-get update', { hintsOnStderr: false });
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toMatch(/^E: layerlab: no package catalog is attached/);
  });

  it('is deterministic: the same install gives the same bytes', () => {
    const a = debianFs();
    const b = debianFs();
    runShell(a, 'apt-get update && apt-get install -y wget', OPTIONS);
    runShell(b, 'apt-get update && apt-get install -y wget', OPTIONS);
    expect(a.readFile('/usr/bin/wget').digest()).toBe(b.readFile('/usr/bin/wget').digest());
    expect(a.readFile('/usr/bin/wget').lazy).toBe(true);
  });
});

describe('apk', () => {
  function alpineFs(): MemoryFs {
    return containerFs().seed({
      '/etc/os-release': 'ID=alpine\nVERSION_ID=3.18.4\n',
      '/etc/alpine-release': '3.18.4\n',
      '/lib/apk/db/installed': 'P:musl\nV:1.2.4-r2\nA:x86_64\nI:622592\n\n',
    });
  }

  it('apk add keeps the APKINDEX files in /var/cache/apk; --no-cache does not', () => {
    const a = alpineFs();
    const r = runShell(a, 'apk add curl', OPTIONS);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.18/main/x86_64/APKINDEX.tar.gz',
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.18/community/x86_64/APKINDEX.tar.gz',
      '(1/9) Installing brotli-libs (1.0.9-r14)',
    ]);
    expect(du(a, '/var/cache/apk')).toBe(3132);
    const b = alpineFs();
    runShell(b, 'apk add --no-cache curl', OPTIONS);
    expect(b.exists('/var/cache/apk')).toBe(false);
    expect(b.exists('/usr/bin/curl')).toBe(true);
    expect(b.readFile('/lib/apk/db/installed').text()).toMatch(/P:curl\nV:8\.4\.0-r0\n/);
  });

  it('--virtual groups build dependencies that apk del removes again', () => {
    const fs = alpineFs();
    runShell(fs, 'apk add --no-cache --virtual .build-deps build-base', OPTIONS);
    expect(fs.exists('/usr/bin/gcc')).toBe(true);
    const r = runShell(fs, 'apk del .build-deps', OPTIONS);
    expect(r.exitCode).toBe(0);
    expect(fs.exists('/usr/bin/gcc')).toBe(false);
    expect(fs.exists('/usr/bin/make')).toBe(false);
    expect(fs.readFile('/lib/apk/db/installed').text()).toBe('P:musl\nV:1.2.4-r2\nA:x86_64\nI:622592\n\n');
    expect(fs.readFile('/etc/apk/world').text()).toBe('musl\n');
  });
});

describe('npm', () => {
  function nodeApp(lock = false): MemoryFs {
    const fs = containerFs();
    fs.seed({
      '/app/package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { build: 'tsc -p .', greet: 'echo hello from npm && mkdir -p out' }, dependencies: { express: '^4.18.2' }, devDependencies: { typescript: '^5.3.3' } }),
      '/app/src/index.ts': 'export const x = 1;\n'.repeat(500),
    });
    if (lock) fs.seed({ '/app/package-lock.json': '{"lockfileVersion":3}\n' });
    return fs;
  }
  const at = (cwd: string): ShellOptions => ({ ...OPTIONS, cwd });

  it('npm ci refuses to run without package-lock.json', () => {
    const r = runShell(nodeApp(), 'npm ci', at('/app'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^npm ERR! code EUSAGE\nnpm ERR!\nnpm ERR! The `npm ci` command can only install with an existing package-lock.json or\n/);
  });

  it('npm install writes node_modules (dev dependencies too), a lockfile and the cache', () => {
    const fs = nodeApp();
    const r = runShell(fs, 'npm install', at('/app'));
    expect(r.stdout).toBe('\nadded 26 packages, and audited 27 packages in 3s\n\nfound 0 vulnerabilities\n');
    expect(JSON.parse(fs.readFile('/app/node_modules/express/package.json').text()).version).toBe('4.18.2');
    expect(fs.exists('/app/node_modules/typescript/package.json')).toBe(true);
    expect(fs.exists('/app/package-lock.json')).toBe(true);
    expect(du(fs, '/root/.npm')).toBeGreaterThan(5000);
  });

  it('npm prune --omit=dev removes what only the dev dependencies needed', () => {
    const fs = nodeApp();
    runShell(fs, 'npm install', at('/app'));
    const r = runShell(fs, 'npm prune --omit=dev', at('/app'));
    expect(r.stdout).toBe('\nremoved 1 packages, and audited 26 packages in 1s\n\nfound 0 vulnerabilities\n');
    expect(fs.exists('/app/node_modules/typescript')).toBe(false);
    expect(fs.exists('/app/node_modules/express')).toBe(true);
  });

  it('production installs leave dev dependencies out (the multi-stage lesson)', () => {
    const fs = nodeApp(true);
    const r = runShell(fs, 'npm ci --only=production', at('/app'));
    expect(r.stderr).toBe('npm WARN config only Use `--omit=dev` to omit dev dependencies from the install.\n');
    expect(fs.exists('/app/node_modules/typescript')).toBe(false);
    expect(du(fs, '/app/node_modules')).toBeLessThan(4000);
  });

  it('npm run runs scripts in the shell, and simulates JavaScript build tools into dist/', () => {
    const fs = nodeApp();
    const r = runShell(fs, 'npm run greet && npm run build && ls dist out', at('/app'));
    expect(r.stdout).toBe('\n> app@1.0.0 greet\n> echo hello from npm && mkdir -p out\n\nhello from npm\n\n> app@1.0.0 build\n> tsc -p .\n\ndist:\nindex.js\n\nout:\n');
    expect(fs.stat('/app/dist/index.js').size).toBe(6009);
    expect(r.notes.join()).toMatch(/tsc does not run in the simulator/);
    const missing = runShell(fs, 'npm run nope', at('/app'));
    expect([missing.exitCode, missing.stderr]).toEqual([1, 'npm ERR! Missing script: "nope"\nnpm ERR!\nnpm ERR! To see a list of scripts, run:\nnpm ERR!   npm run\n']);
  });
});

describe('pip, go and downloads', () => {
  it('pip install -r keeps wheels in ~/.cache/pip unless --no-cache-dir', () => {
    const a = containerFs().seed({ '/app/requirements.txt': 'flask==3.0.0\n# web\nrequests>=2.31\n', '/usr/local/lib/python3.11/site-packages/.keep': '' });
    const r = runShell(a, 'pip install -r requirements.txt', { ...OPTIONS, cwd: '/app' });
    expect(r.stdout).toMatch(/\nSuccessfully installed markupsafe-2\.1\.3 werkzeug-3\.0\.1 jinja2-3\.1\.2 itsdangerous-2\.1\.2 click-8\.1\.7 blinker-1\.7\.0 flask-3\.0\.0 urllib3-2\.1\.0 idna-3\.6 certifi-2023\.11\.17 charset-normalizer-3\.3\.2 requests-2\.31\.0\n$/);
    expect(a.exists('/usr/local/lib/python3.11/site-packages/flask-3.0.0.dist-info/METADATA')).toBe(true);
    expect(du(a, '/root/.cache/pip')).toBe(1396);
    const b = containerFs().seed({ '/app/requirements.txt': 'flask\n' });
    runShell(b, 'pip install --no-cache-dir -r requirements.txt', { ...OPTIONS, cwd: '/app' });
    expect(b.exists('/root/.cache/pip')).toBe(false);
    const missing = runShell(b, 'pip install -r nope.txt', { ...OPTIONS, cwd: '/app' });
    expect([missing.exitCode, missing.stderr]).toEqual([1, "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n"]);
  });

  it('go build writes a binary whose size and bytes follow the sources', () => {
    const fs = containerFs().seed({ '/src/go.mod': 'module example.com/hello\n', '/src/main.go': 'package main\n\nfunc main() {}\n' });
    const r = runShell(fs, 'go build -o /out/server . && go build', { ...OPTIONS, cwd: '/src' });
    expect(r.exitCode).toBe(0); // go build creates /out
    expect(fs.stat('/out/server').size).toBe(1_900_000 + 3 * 29);
    expect(fs.stat('/src/hello').mode).toBe(0o755);
    const before = fs.readFile('/out/server').digest();
    fs.writeFile('/src/main.go', 'package main\n\nfunc main() { println(1) }\n');
    runShell(fs, 'go build -o /out/server .', { ...OPTIONS, cwd: '/src' });
    expect(fs.readFile('/out/server').digest()).not.toBe(before);
  });

  it('curl -O and wget save simulated downloads and say there is no network', () => {
    const fs = containerFs();
    const r = runShell(fs, 'curl -fsSL -O https://example.com/file1 && wget -q https://example.com/file2 -O f2 && wc -c file1 f2', { ...OPTIONS, cwd: '/tmp' });
    expect(r.stdout).toBe('     1256 file1\n     1256 f2\n     2512 total\n');
    expect(r.notes[0]).toMatch(/no network in the simulator/);
  });
});
