/**
 * engine.push / engine.pull between two engines that share registries: the push moves only what the
 * registry lacks, mounts across repositories, records the repository digest; the other engine's
 * pull gets the same image ID and digest.
 */
import { describe, expect, it } from 'vitest';
import { catalogImage } from '../../../kernel-lib/src/catalog/catalog';
import { Engine } from '../../../kernel-lib/src/engine/Engine';
import { PushSourceNotFoundError } from '../../../kernel-lib/src/engine/push';
import { appendImageLayer, setImageCreated } from '../../../kernel-lib/src/image/mutate';
import { layerFromEntries } from '../../../kernel-lib/src/layer/Layer';
import { Registries } from '../../../kernel-lib/src/registry/Registries';
import { RegistryError } from '../../../kernel-lib/src/registry/RegistryError';

function app(body: string) {
  const layer = layerFromEntries([{ kind: 'dir', path: 'app' }, { kind: 'file', path: 'app/main.js', content: body }]);
  return setImageCreated(appendImageLayer(catalogImage('alpine:3.18'), layer, { createdBy: 'COPY main.js /app/ # buildkit', created: 0 }), 0);
}

describe('engine.push', () => {
  it('pushes a tagged image, then only the changed layer of the next release', () => {
    const registries = new Registries();
    const engine = new Engine({ registries });
    const v1 = app('console.log(1)\n');
    engine.addImage(v1, { tags: ['localhost:5000/me/app:v1'] });
    const first = engine.push('localhost:5000/me/app:v1');
    const manifest = v1.manifestFor('docker');
    expect(first.lines).toEqual([
      'The push refers to repository [localhost:5000/me/app]',
      `${v1.diffIds[1]!.slice(7, 19)}: Pushed`,
      `${v1.diffIds[0]!.slice(7, 19)}: Pushed`,
      `v1: digest: ${manifest.digest} size: ${manifest.bytes.byteLength}`,
    ]);
    expect(engine.inspect('localhost:5000/me/app:v1').RepoDigests).toEqual([`localhost:5000/me/app@${manifest.digest}`]);

    const v2 = app('console.log(2)\n');
    engine.addImage(v2, { tags: ['localhost:5000/me/app:v2'] });
    const second = engine.push('localhost:5000/me/app:v2');
    expect(second.layers.map((l) => [l.status, l.bytesMoved])).toEqual([
      ['Layer already exists', 0],
      ['Pushed', v2.layers[1]!.compressedSize],
    ]);

    // Another repository of the same registry: the engine knows where the layers are, so it mounts them.
    engine.tag('localhost:5000/me/app:v2', 'localhost:5000/team/app:v2');
    expect(engine.push('localhost:5000/team/app:v2').layers.map((l) => l.status)).toEqual(['Mounted from me/app', 'Mounted from me/app']);

    // A second machine pulls what the first pushed: same image ID, same digest.
    const other = new Engine({ registries });
    const pulled = other.pull('localhost:5000/me/app:v2');
    expect(pulled.image.id).toBe(v2.id);
    expect(pulled.digest).toBe(second.manifest.digest);
  });

  it('refuses a tag no local image has, and a digest reference, with docker’s words', () => {
    const engine = new Engine({ registries: new Registries() });
    expect(() => engine.push('localhost:5000/nothing:v1')).toThrow(PushSourceNotFoundError);
    expect(() => engine.push('localhost:5000/nothing:v1')).toThrow('An image does not exist locally with the tag: localhost:5000/nothing');
    expect(() => engine.push(`app@sha256:${'a'.repeat(64)}`)).toThrow(RegistryError);
  });
});
