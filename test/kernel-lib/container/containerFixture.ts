/** A small image for the container tests: a base rootfs and an app layer, real layers, fixed times. */
import { Engine } from '../../../kernel-lib/src/engine';
import { appendImageLayer, addImageHistory, scratchImage, setImageCreated, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries } from '../../../kernel-lib/src/layer';
import { zeroContent } from '../../../kernel-lib/src/content';

const T = Date.UTC(2025, 0, 15, 12, 0, 0);

export function fixtureImage(): Image {
  const rootfs = layerFromEntries([
    { kind: 'dir', path: 'bin', mtimeMs: T },
    { kind: 'file', path: 'bin/busybox', content: 'ELF', mode: 0o755, mtimeMs: T },
    { kind: 'dir', path: 'etc', mtimeMs: T },
    { kind: 'file', path: 'etc/os-release', content: 'ID=layerlab\n', mtimeMs: T },
    { kind: 'file', path: 'etc/hosts', content: '127.0.0.1 image-hosts\n', mtimeMs: T },
    { kind: 'symlink', path: 'etc/mtab', linkTarget: '../proc/self/mounts', mtimeMs: T },
    { kind: 'dir', path: 'tmp', mode: 0o1777, mtimeMs: T },
    { kind: 'dir', path: 'var/lib/data', mtimeMs: T },
    { kind: 'file', path: 'var/lib/data/seed.txt', content: 'seed\n', mtimeMs: T },
    { kind: 'file', path: 'var/big.bin', content: zeroContent(8 << 20), mtimeMs: T },
  ]);
  const app = layerFromEntries([
    { kind: 'dir', path: 'app', mtimeMs: T },
    { kind: 'file', path: 'app/server.js', content: 'listen(80)\n', mtimeMs: T },
    { kind: 'dir', path: 'app/lib', mtimeMs: T },
    { kind: 'file', path: 'app/lib/util.js', content: 'module.exports = {}\n', mtimeMs: T },
  ]);
  let image = setImageCreated(scratchImage(), T);
  image = appendImageLayer(image, rootfs, { createdBy: 'ADD rootfs.tar / # buildkit', comment: 'buildkit.dockerfile.v0', created: T });
  image = setImageRunConfig(image, { Env: ['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_ENV=prod'], Cmd: ['node', 'server.js'], WorkingDir: '/app' });
  image = appendImageLayer(image, app, { createdBy: 'COPY . /app # buildkit', comment: 'buildkit.dockerfile.v0', created: T });
  return addImageHistory(image, { createdBy: 'CMD ["node" "server.js"]', comment: 'buildkit.dockerfile.v0', created: T });
}

export function engineWithApp(): Engine {
  const engine = new Engine();
  engine.addImage(fixtureImage(), { tags: ['app:1'] });
  return engine;
}

/** The error an action throws, as `code: message`. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    const err = e as { code?: string; message: string };
    return `${err.code}: ${err.message}`;
  }
}
