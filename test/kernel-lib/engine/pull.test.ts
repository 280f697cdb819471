import { describe, expect, it } from 'vitest';
import { catalogImage, catalogManifestDigest } from '../../../kernel-lib/src/catalog';
import { Engine } from '../../../kernel-lib/src/engine';
import { pushImage, Registries } from '../../../kernel-lib/src/registry';
import { appImage, baseImage } from './engineFixture';

describe('engine.pull', () => {
  it('pulls from a registry: stores the image, the tag and the repository digest', () => {
    const registries = new Registries();
    const base = baseImage(0);
    const app = appImage(base, 1000);
    const pushed = pushImage({ registries, reference: 'localhost:5000/team/app:1', image: app, format: 'docker' });
    const engine = new Engine({ registries });
    const result = engine.pull('localhost:5000/team/app:1');
    expect(result.image.id).toBe(app.id);
    expect(result.digest).toBe(pushed.manifest.digest);
    expect(result.layers.map((l) => l.status)).toEqual(['Pull complete', 'Pull complete']);
    expect(engine.inspect('localhost:5000/team/app:1')).toMatchObject({
      Id: app.id,
      RepoTags: ['localhost:5000/team/app:1'],
      RepoDigests: [`localhost:5000/team/app@${pushed.manifest.digest}`],
    });
    expect(result.canonical).toBe('localhost:5000/team/app:1');
    expect(result.repositoryPath).toBe('localhost:5000/team/app');
    // Pulled again: nothing moves.
    const again = engine.pull('localhost:5000/team/app:1');
    expect(again.upToDate).toBe(true);
    expect(again.lines.at(-2)).toBe('Status: Image is up to date for localhost:5000/team/app:1');
  });

  it('skips layers whose chain is already local ("Already exists"), by ChainID', () => {
    const registries = new Registries();
    const base = baseImage(0);
    const app = appImage(base, 1000);
    pushImage({ registries, reference: 'localhost:5000/base:1', image: base });
    pushImage({ registries, reference: 'localhost:5000/app:1', image: app });
    const engine = new Engine({ registries });
    engine.pull('localhost:5000/base:1');
    const result = engine.pull('localhost:5000/app:1');
    expect(result.layers.map((l) => l.status)).toEqual(['Already exists', 'Pull complete']);
    expect(result.image.layers[0]).toBe(engine.getImage('localhost:5000/base:1').layers[0]);
  });

  it('pulls a base image from the catalog mirrored on docker.io, and shares its layers with a child image', () => {
    const engine = new Engine();
    const alpine = engine.pull('alpine:3.18');
    expect(alpine.lines[0]).toBe('3.18: Pulling from library/alpine');
    expect(alpine.canonical).toBe('docker.io/library/alpine:3.18');
    expect(alpine.digest).toBe(catalogManifestDigest('alpine:3.18'));
    expect(engine.inspect('alpine:3.18')).toMatchObject({
      Id: catalogImage('alpine:3.18').id,
      RepoTags: ['alpine:3.18'],
      RepoDigests: [`alpine@${alpine.digest}`],
    });
    const node = engine.pull('node:18-alpine');
    expect(node.layers[0]!.status).toBe('Already exists'); // node:18-alpine is built FROM alpine
    expect(engine.systemDf().images.find((r) => r.repository === 'alpine')!.sharedSize).toBe(engine.getImage('alpine:3.18').size);
  });
});
