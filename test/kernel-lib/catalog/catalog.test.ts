import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_SPECS, catalogImage, catalogLayers, findCatalogSpec, hasCatalogImage } from '../../../kernel-lib/src/catalog/catalog';
import { catalogListing } from '../../../kernel-lib/src/catalog/catalogListing';
import { CatalogImageNotFoundError } from '../../../kernel-lib/src/catalog/CatalogError';
import { CatalogLayer } from '../../../kernel-lib/src/catalog/CatalogLayer';
import { flattenLayers } from '../../../kernel-lib/src/layer/applyLayer';
import type { FileTree, TreeNode } from '../../../kernel-lib/src/layer/FileTree';

/** Reads a file in the merged tree, following symlinks like open(2). */
function readFile(tree: FileTree, path: string, hops = 0): string {
  const node = resolve(tree, path, hops);
  if (node?.kind !== 'file') throw new Error(`${path}: not a regular file (${node?.kind})`);
  return node.content.text();
}

function resolve(tree: FileTree, path: string, hops = 0): TreeNode | undefined {
  if (hops > 20) throw new Error('too many symlinks');
  const parts = path.split('/').filter(Boolean);
  let current = '';
  for (let i = 0; i < parts.length; i++) {
    const next = current === '' ? parts[i]! : `${current}/${parts[i]}`;
    const node = tree.get(next);
    if (node?.kind === 'symlink') {
      const base = current;
      const target = node.target.startsWith('/') ? node.target : `${base}/${node.target}`;
      return resolve(tree, normalise([target, ...parts.slice(i + 1)].join('/')), hops + 1);
    }
    current = next;
  }
  return tree.get(current);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const tree = (ref: string): FileTree => flattenLayers(catalogImage(ref).layers as unknown as CatalogLayer[]);
const diffIds = (ref: string): readonly string[] => catalogImage(ref).diffIds;
const shared = (a: string, b: string): number => {
  const x = catalogImage(a).chainIds;
  const y = new Set(catalogImage(b).chainIds);
  return x.filter((c) => y.has(c)).length;
};

describe('catalog sizes', () => {
  it('match the published figure of every real image within 1%', () => {
    for (const row of catalogListing()) {
      expect(Math.abs(row.size / row.publishedSize - 1), row.reference).toBeLessThan(0.01);
    }
  });

  it('give the seeds’ base-image comparison', () => {
    const mb = (ref: string): number => Math.round(catalogImage(ref).size / 1e5) / 10;
    expect([mb('ubuntu:20.04'), mb('node:18'), mb('node:18-alpine'), mb('node:18-slim'), mb('alpine:3.18')]).toEqual([72.8, 993, 174, 244, 7]);
    expect(catalogImage('alpine:3.18').size).toBe(7_040_000);
    // node:18 ≈ 5.7× node:18-alpine, ≈ 4.1× node:18-slim (COVERAGE 02.25).
    expect(catalogImage('node:18').size / catalogImage('node:18-alpine').size).toBeCloseTo(5.71, 1);
    expect(catalogImage('node:18').size / catalogImage('node:18-slim').size).toBeCloseTo(4.07, 1);
  });

  it('compress like real images: each layer’s gzip blob is about its real compressed/uncompressed ratio', () => {
    for (const row of catalogListing()) expect(row.compressedSize, row.reference).toBeLessThan(row.size);
    for (const layer of catalogLayers()) {
      if (layer.diffSize < 1e6) continue;
      const deviation = Math.abs(layer.compressedSize / (layer.spec.ratio * layer.diffSize) - 1);
      // gzip works in 1 MiB blocks here, so a layer of a few MB can only get close.
      expect(deviation, layer.key).toBeLessThan(layer.diffSize > 50e6 ? 0.05 : 0.3);
    }
  });
});

describe('layer sharing follows the real parents, and only them', () => {
  it('node:18, python:3.11 share buildpack-deps:bookworm (4 layers); golang:1.19 shares its -scm part (3)', () => {
    expect(shared('node:18', 'python:3.11')).toBe(4);
    expect(shared('node:18', 'golang:1.19')).toBe(3);
    expect(shared('node:18', 'debian:bookworm')).toBe(1);
    expect(catalogImage('python:3.11').layers.slice(0, 4)).toEqual(catalogImage('buildpack-deps:bookworm').layers);
  });

  it('the slim images share debian:bookworm-slim, the alpine ones alpine:3.18', () => {
    expect(shared('node:18-slim', 'nginx:latest')).toBe(1);
    expect(shared('python:3.11-slim', 'node:18-slim')).toBe(1);
    expect(shared('node:18-alpine', 'nginx:alpine')).toBe(1);
    expect(diffIds('nginx:alpine')[0]).toBe(diffIds('alpine:3.18')[0]);
  });

  it('nginx:alpine and nginx:latest share nothing; debian and its -slim are different rootfs', () => {
    expect(shared('nginx:alpine', 'nginx:latest')).toBe(0);
    expect(shared('debian:bookworm', 'debian:bookworm-slim')).toBe(0);
    expect(shared('ubuntu:20.04', 'ubuntu:22.04')).toBe(0);
    expect(shared('node:18', 'node:18-slim')).toBe(0);
    // Same DiffID of node's entrypoint script on different bases: different chains, not shared.
    expect(diffIds('node:18').at(-1)).toBe(diffIds('node:18-alpine').at(-1));
    expect(catalogImage('node:18').chainIds.at(-1)).not.toBe(catalogImage('node:18-alpine').chainIds.at(-1));
  });

  it('nginx:alpine has the eight layers of the real image', () => {
    expect(catalogImage('nginx:alpine').layers).toHaveLength(8);
  });
});

describe('image configs and history', () => {
  const cfg = (ref: string) => catalogImage(ref).runConfig;

  it('carry what the real images set', () => {
    expect(cfg('debian:bookworm')).toEqual({ Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['bash'] });
    expect(cfg('ubuntu:20.04').Cmd).toEqual(['/bin/bash']);
    expect(cfg('ubuntu:22.04').Labels).toEqual({ 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' });
    expect(cfg('alpine:3.18').Cmd).toEqual(['/bin/sh']);
    expect(cfg('node:18')).toEqual({
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NODE_VERSION=18.18.2', 'YARN_VERSION=1.22.19'],
      Entrypoint: ['docker-entrypoint.sh'],
      Cmd: ['node'],
    });
    expect(cfg('python:3.11').Env?.[0]).toBe('PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(cfg('python:3.11').Cmd).toEqual(['python3']);
    expect(cfg('golang:1.19').WorkingDir).toBe('/go');
    expect(cfg('golang:1.19').Env).toContain('GOPATH=/go');
    expect(cfg('nginx:latest')).toMatchObject({
      Entrypoint: ['/docker-entrypoint.sh'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      ExposedPorts: { '80/tcp': {} },
      StopSignal: 'SIGQUIT',
    });
    expect(cfg('busybox:latest').Cmd).toEqual(['sh']);
  });

  it('history has one non-empty entry per layer, in the classic builder’s wording', () => {
    for (const spec of CATALOG_SPECS) {
      const image = catalogImage(spec.reference);
      expect(image.history.filter((h) => h.empty_layer !== true)).toHaveLength(image.layers.length);
    }
    const node = catalogImage('node:18').history.map((h) => h.created_by ?? '');
    expect(node[0]).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
    expect(node[1]).toBe('/bin/sh -c #(nop)  CMD ["bash"]');
    expect(node).toContain('/bin/sh -c #(nop)  ENV NODE_VERSION=18.18.2');
    expect(node.at(-2)).toBe('/bin/sh -c #(nop)  ENTRYPOINT ["docker-entrypoint.sh"]');
    expect(node.at(-1)).toBe('/bin/sh -c #(nop)  CMD ["node"]');
    expect(catalogImage('nginx:latest').history.at(-1)?.created_by).toBe('/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]');
  });
});

describe('files where a lesson looks', () => {
  it('os-release, issue and passwd hold the real text', () => {
    const ubuntu = tree('ubuntu:20.04');
    expect(readFile(ubuntu, 'etc/os-release')).toContain('PRETTY_NAME="Ubuntu 20.04.6 LTS"');
    expect(readFile(ubuntu, 'etc/issue')).toBe('Ubuntu 20.04.6 LTS \\n \\l\n\n');
    expect(readFile(tree('ubuntu:22.04'), 'etc/os-release')).toContain('VERSION_CODENAME=jammy');
    expect(readFile(tree('debian:bookworm'), 'etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    const alpine = tree('alpine:3.18');
    expect(readFile(alpine, 'etc/alpine-release')).toBe('3.18.4\n');
    expect(readFile(alpine, 'etc/hostname')).toBe('localhost\n');
    expect(readFile(alpine, 'etc/passwd').split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/ash');
    expect(readFile(ubuntu, 'etc/apt/apt.conf.d/docker-clean')).toContain('rm -f /var/cache/apt/archives/*.deb');
  });

  it('a shell at /bin/sh: dash through the merged /usr on Debian, BusyBox on Alpine', () => {
    const debian = tree('debian:bookworm');
    expect(debian.get('bin')).toMatchObject({ kind: 'symlink', target: 'usr/bin' });
    expect(debian.get('usr/bin/sh')).toMatchObject({ kind: 'symlink', target: 'dash' });
    expect(resolve(debian, 'bin/sh')).toMatchObject({ kind: 'file', mode: 0o755 });
    expect(tree('alpine:3.18').get('bin/sh')).toMatchObject({ kind: 'symlink', target: '/bin/busybox' });
    expect(tree('busybox:latest').get('bin/sh')).toMatchObject({ kind: 'file' });
  });

  it('upper layers replace lower files: node’s user layer rewrites /etc/passwd', () => {
    const node = tree('node:18');
    expect(readFile(node, 'etc/passwd').trim().split('\n').at(-1)).toBe('node:x:1000:1000::/home/node:/bin/bash');
    const nodeFile = node.get('usr/local/bin/node');
    expect(nodeFile?.kind === 'file' && nodeFile.content.size).toBe(96_012_888);
    expect(nodeFile?.kind === 'file' && nodeFile.content.lazy).toBe(true);
    expect(readFile(node, 'usr/local/bin/docker-entrypoint.sh')).toMatch(/^#!\/bin\/sh\n/);
    expect(readFile(tree('nginx:latest'), 'usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
    expect(readFile(tree('nginx:alpine'), 'etc/passwd')).toContain('nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin');
  });
});

describe('lookup', () => {
  it('accepts familiar, tagless and fully qualified references and the snapshot’s floating tags', () => {
    expect(catalogImage('nginx')).toBe(catalogImage('nginx:latest'));
    expect(catalogImage('docker.io/library/node:18')).toBe(catalogImage('node:18'));
    expect(catalogImage('alpine')).toBe(catalogImage('alpine:3.18'));
    expect(catalogImage('ubuntu')).toBe(catalogImage('ubuntu:22.04'));
    expect(catalogImage('debian:latest')).toBe(catalogImage('debian:bookworm'));
    expect(findCatalogSpec('node:18-bookworm')).toBeUndefined();
    expect(hasCatalogImage('node:hydrogen-alpine')).toBe(true);
    expect(hasCatalogImage('Not A Ref')).toBe(false);
  });

  it('says what the catalog holds when asked for something else', () => {
    let error: unknown;
    try {
      catalogImage('node:20');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogImageNotFoundError);
    expect((error as CatalogImageNotFoundError).message).toContain('node:18-alpine');
    expect((error as CatalogImageNotFoundError).hint).toMatch(/카탈로그/);
  });

  it('is deterministic: another process, asking in another order, gets the same image IDs', () => {
    const refs = ['alpine:3.18', 'node:18', 'nginx:alpine', 'python:3.11-slim'];
    const script = `const { catalogImage } = require('./kernel-lib/src/catalog/catalog');
const refs = ${JSON.stringify(refs)};
const ids = Object.fromEntries([...refs].reverse().map((r) => [r, catalogImage(r).id]));
process.stdout.write(JSON.stringify(refs.map((r) => ids[r])));`;
    const out = execFileSync('npx', ['tsx', '-e', script], { cwd: join(__dirname, '../../..'), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(refs.map((r) => catalogImage(r).id));
  });
});

describe('package databases', () => {
  it('are text in dpkg’s and apk’s formats, rewritten whole by every install layer', () => {
    const status = readFile(tree('debian:bookworm'), 'var/lib/dpkg/status');
    expect(status).toMatch(/^Package: apt\nStatus: install ok installed\n/);
    expect(status).toContain('Package: bash\nStatus: install ok installed\nPriority: required\nSection: shells\n');
    const node = catalogImage('node:18').layers as unknown as CatalogLayer[];
    const holders = node.filter((l) => l.entries.some((e) => e.path === 'var/lib/dpkg/status'));
    // debian rootfs + the three buildpack-deps layers each carry a full copy.
    expect(holders.map((l) => l.key)).toEqual(['debian:bookworm#0', 'buildpack-deps:bookworm-curl#1', 'buildpack-deps:bookworm-scm#2', 'buildpack-deps:bookworm#3']);
    expect(readFile(tree('node:18'), 'var/lib/dpkg/status')).toContain('Package: git\n');
    const apk = readFile(tree('nginx:alpine'), 'lib/apk/db/installed');
    expect(apk).toMatch(/^P:musl\nV:1\.2\.4-r2\n/m);
    expect(apk).toContain('P:nginx-module-njs\n');
  });
});
