/** An engine holding two images that share a base layer, and helpers to take archives apart. */
import { Engine } from '../../../kernel-lib/src/engine';
import { addImageHistory, appendImageLayer, scratchImage, setImageCreated, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries } from '../../../kernel-lib/src/layer';
import { readTar, tarEntry, writeTar, type TarEntry } from '../../../kernel-lib/src/tar';

export function twoImages(): { engine: Engine; base: Image; app: Image } {
  const engine = new Engine();
  const t = engine.clock.now();
  const rootfs = layerFromEntries([
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/os-release', content: 'ID=layerlab\n' },
  ]);
  let base = setImageCreated(scratchImage(), t);
  base = appendImageLayer(base, rootfs, { createdBy: 'ADD rootfs / # buildkit', comment: 'buildkit.dockerfile.v0', created: t });
  base = setImageRunConfig(base, { Cmd: ['/bin/sh'] });
  base = addImageHistory(base, { createdBy: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0', created: t });
  const appLayer = layerFromEntries([{ kind: 'dir', path: 'app' }, { kind: 'file', path: 'app/main.js', content: 'run()\n' }]);
  let app = appendImageLayer(base, appLayer, { createdBy: 'COPY main.js /app/ # buildkit', comment: 'buildkit.dockerfile.v0', created: t + 60_000 });
  app = setImageCreated(app, t + 60_000);
  engine.addImage(base, { tags: ['base:1'] });
  engine.addImage(app, { tags: ['app:1', 'app:latest', 'localhost:5000/team/app:dev'] });
  return { engine, base, app };
}

export function entriesOf(archive: Uint8Array): TarEntry[] {
  return readTar(archive);
}

export function text(archive: Uint8Array, path: string): string {
  const entry = readTar(archive).find((e) => e.path === path);
  if (entry === undefined) throw new Error(`no ${path} in the archive`);
  return entry.content.text();
}

/** The archive with `change` applied to its entries (each entry rebuilt through tarEntry). */
export function rewrite(archive: Uint8Array, change: (entries: TarEntry[]) => TarEntry[]): Uint8Array {
  return writeTar(change(readTar(archive)).map((e) => tarEntry({ ...e, content: e.content })));
}
