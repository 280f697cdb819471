/**
 * Shared by the skopeo and umoci peer tests: an image made in the model (three layers with files,
 * directories, a symlink, a whiteout and an opaque directory; a run config using every field),
 * helpers to run the real tools, and a canonical listing of a directory tree (from the model's
 * flattened layers or from a real directory on disk) so both sides print the same lines.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { zeroContent } from '../../kernel-lib/src/content';
import { Engine } from '../../kernel-lib/src/engine';
import { addImageHistory, appendImageLayer, scratchImage, setImageCreated, setImageRunConfig, type Image } from '../../kernel-lib/src/image';
import { flattenLayers, layerFromEntries, type Layer } from '../../kernel-lib/src/layer';

export function run(command: string, args: readonly string[], options: { cwd?: string } = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `layerlab-${prefix}-`));
}

const BUILDKIT = 'buildkit.dockerfile.v0';

/** The model image, tagged `peer-demo:1.0` in a fresh engine. */
export function modelImage(): { engine: Engine; image: Image } {
  const engine = new Engine();
  const t = engine.clock.now();
  const base = layerFromEntries([
    { kind: 'dir', path: 'bin' },
    { kind: 'file', path: 'bin/tool', content: '#!/bin/sh\necho tool\n', mode: 0o755 },
    { kind: 'symlink', path: 'bin/sh', linkTarget: 'tool' },
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/os-release', content: 'ID=layerlab\nVERSION_ID=1\n' },
    { kind: 'file', path: 'etc/motd', content: 'welcome\n' },
    { kind: 'dir', path: 'app' },
    { kind: 'dir', path: 'app/data' },
    { kind: 'file', path: 'app/data/old.txt', content: 'old\n' },
  ]);
  const app = layerFromEntries([
    { kind: 'dir', path: 'app' },
    { kind: 'file', path: 'app/server.js', content: 'console.log("a && b < c");\n' },
    { kind: 'file', path: 'app/big.bin', content: zeroContent(2 << 20) },
    { kind: 'whiteout', path: 'etc/motd' },
  ]);
  const data = layerFromEntries([
    { kind: 'opaque', path: 'app/data' },
    { kind: 'file', path: 'app/data/new.txt', content: 'new\n', mode: 0o600 },
  ]);
  let image = setImageCreated(scratchImage(), t);
  image = appendImageLayer(image, base, { createdBy: 'ADD rootfs.tar / # buildkit', comment: BUILDKIT, created: t });
  image = addImageHistory(image, { createdBy: 'CMD ["/bin/sh"]', comment: BUILDKIT, created: t });
  image = setImageRunConfig(image, {
    User: '1000:1000',
    ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
    Env: ['PATH=/bin', 'GREETING=a && b <c>'],
    Entrypoint: ['/bin/sh', '-c'],
    Cmd: ['exec /bin/tool'],
    Volumes: { '/data': {} },
    WorkingDir: '/app',
    Labels: { 'org.opencontainers.image.title': 'peer-demo', version: '1.0' },
    StopSignal: 'SIGTERM',
  });
  image = addImageHistory(image, { createdBy: 'ENV GREETING=a && b <c>', comment: BUILDKIT, created: t + 1000 });
  image = appendImageLayer(image, app, { createdBy: 'COPY . /app # buildkit', comment: BUILDKIT, created: t + 2000 });
  image = appendImageLayer(image, data, { createdBy: 'RUN /bin/sh -c rm -rf /app/data && mkdir /app/data # buildkit', comment: BUILDKIT, created: t + 3000 });
  image = setImageCreated(image, t + 3000);
  engine.addImage(image, { tags: ['peer-demo:1.0'] });
  return { engine, image };
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** `path kind mode size sha|target` lines of the tree the model's layers flatten to. */
export function modelTreeListing(image: Image): string[] {
  const tree = flattenLayers(image.layers as unknown as Layer[]);
  const lines: string[] = [];
  for (const [path, node] of tree.walk()) {
    const mode = (node.mode & 0o7777).toString(8);
    if (node.kind === 'file') lines.push(`${path} file ${mode} ${node.content.size} ${createHash('sha256').update(node.content.bytes(1 << 30)).digest('hex').slice(0, 16)}`);
    else if (node.kind === 'dir') lines.push(`${path} dir ${mode}`);
    else if (node.kind === 'symlink') lines.push(`${path} symlink -> ${node.target}`);
    else lines.push(`${path} ${node.kind}`);
  }
  return lines;
}

/** The same listing of a real directory (byte-order walk, lstat). */
export function diskTreeListing(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    const names = readdirSync(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const name of names) {
      const full = join(dir, name);
      const path = prefix === '' ? name : `${prefix}/${name}`;
      const st = lstatSync(full);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) lines.push(`${path} symlink -> ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        lines.push(`${path} dir ${mode}`);
        walk(full, path);
      } else if (st.isFile()) lines.push(`${path} file ${mode} ${st.size} ${sha(readFileSync(full))}`);
      else lines.push(`${path} other`);
    }
  };
  walk(root, '');
  return lines;
}
