import { describe, expect, test } from 'vitest';
import { fileSystemAsUser } from '../../../kernel-lib/src/build/runAsUser';
import { Engine } from '../../../kernel-lib/src/engine/Engine';
import { appendImageLayer, scratchImage, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries, type Layer } from '../../../kernel-lib/src/layer';
import { UnionFs } from '../../../kernel-lib/src/unionfs/UnionFs';

function baseImage(): Image {
  const layer = layerFromEntries([
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n' },
    { kind: 'file', path: 'etc/group', content: 'root:x:0:\napp:x:1000:\n' },
    { kind: 'dir', path: 'tmp', mode: 0o1777 },
    { kind: 'file', path: 'tmp/shared.log', content: 'root line\n', mode: 0o666 },
  ]);
  return setImageRunConfig(appendImageLayer(scratchImage(), layer, { createdBy: 'ADD rootfs /', created: 0 }), { Env: ['PATH=/bin'] });
}

const layerAt = (image: Image, index: number): Layer | undefined => image.layers[index] as unknown as Layer | undefined;

const owners = (image: Image, layerIndex: number): string[] =>
  (layerAt(image, layerIndex)?.tarEntries ?? []).map((e) => `${e.path} ${e.type} ${e.uid}:${e.gid}`);

describe('RUN after USER: what the step creates belongs to that user (as buildah and BuildKit commit it)', () => {
  test('new files and every directory mkdir -p made are 1000:1000; existing files and the parent keep their owner', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['base:1'] });
    const result = engine.build({
      dockerfile: 'FROM base:1\nUSER app\nRUN mkdir -p /tmp/a/b && echo hi > /tmp/a/b/f && touch /tmp/t && echo more >> /tmp/shared.log && ln -s f /tmp/a/b/l\nUSER root\nRUN echo root > /tmp/r\n',
    });
    expect(owners(result.image, 1)).toEqual([
      'tmp dir 0:0',
      'tmp/a dir 1000:1000',
      'tmp/a/b dir 1000:1000',
      'tmp/a/b/f file 1000:1000',
      // Not modelled: a new symlink's owner (the FileSystem contract has no lchown).
      'tmp/a/b/l symlink 0:0',
      'tmp/shared.log file 0:0',
      'tmp/t file 1000:1000',
    ]);
    expect(owners(result.image, 2)).toEqual(['tmp dir 0:0', 'tmp/r file 0:0']);
  });

  test('`USER 1000:1000` by number, and the user the shell reports', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['base:1'] });
    const result = engine.build({ dockerfile: 'FROM base:1\nUSER 1000:1000\nRUN id -u > /tmp/uid\n' });
    expect(owners(result.image, 1)).toEqual(['tmp dir 0:0', 'tmp/uid file 1000:1000']);
    expect(layerAt(result.image, 1)?.tarEntries[1]?.content.text()).toBe('1000\n');
  });

  test('for root the filesystem is passed through unchanged', () => {
    const fs = new UnionFs();
    expect(fileSystemAsUser(fs, { uid: 0, gid: 0 })).toBe(fs);
    const asUser = fileSystemAsUser(fs, { uid: 7, gid: 8 });
    asUser.mkdir('/x/y', { recursive: true });
    asUser.writeFile('/x/y/z', 'z');
    expect(['/x', '/x/y', '/x/y/z'].map((p) => `${fs.stat(p).uid}:${fs.stat(p).gid}`)).toEqual(['7:8', '7:8', '7:8']);
  });
});
