/** Images for the engine tests: a base and an app image on it, built with real layers. */
import type { Digest } from '../../../kernel-lib/src/digest';
import { Engine } from '../../../kernel-lib/src/engine';
import { addImageHistory, appendImageLayer, scratchImage, setImageCreated, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries } from '../../../kernel-lib/src/layer';

const BK = 'buildkit.dockerfile.v0';

export function baseImage(t: number, osRelease = 'ID=layerlab\n'): Image {
  const rootfs = layerFromEntries([
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/os-release', content: osRelease },
    { kind: 'file', path: 'etc/big', content: 'x'.repeat(1000) },
  ]);
  let image = setImageCreated(scratchImage(), t);
  image = appendImageLayer(image, rootfs, { createdBy: 'ADD rootfs.tar / # buildkit', comment: BK, created: t });
  image = setImageRunConfig(image, { Cmd: ['/bin/sh'], Env: ['PATH=/usr/bin:/bin'] });
  return addImageHistory(image, { createdBy: 'CMD ["/bin/sh"]', comment: BK, created: t });
}

export function appImage(base: Image, t: number, body = 'run()\n'): Image {
  const app = layerFromEntries([{ kind: 'dir', path: 'app' }, { kind: 'file', path: 'app/main.js', content: body }]);
  let image = setImageRunConfig(base, { WorkingDir: '/app', ExposedPorts: { '3000/tcp': {} } });
  image = addImageHistory(image, { createdBy: 'WORKDIR /app', comment: BK, created: t });
  image = appendImageLayer(image, app, { createdBy: 'COPY main.js . # buildkit', comment: BK, created: t });
  return setImageCreated(image, t);
}

export function engineWithImages(): { engine: Engine; base: Image; app: Image } {
  const engine = new Engine();
  const t = engine.clock.now();
  const base = baseImage(t - 86_400_000);
  const app = appImage(base, t);
  engine.addImage(base, { tags: ['base:1'] });
  engine.addImage(app, { tags: ['app:1'] });
  return { engine, base, app };
}

export function addContainer(engine: Engine, imageId: Digest, status: 'running' | 'exited', n = 1): string {
  const id = String(n).repeat(64).slice(0, 64).replace(/[^0-9]/g, 'a');
  engine.state.containers.set(id, { id, imageId, status });
  return id;
}
