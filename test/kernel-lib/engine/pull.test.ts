import { describe, expect, it } from 'vitest';
import { Engine, registerImageSource } from '../../../kernel-lib/src/engine';
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

  it('publishes a registered source’s image to docker.io on first pull (the catalog hook)', () => {
    const base = baseImage(0, 'ID=from-source\n');
    registerImageSource((ref) => (ref.name === 'docker.io/library/layerlab-test-source' && ref.tag === '1' ? base : undefined));
    const engine = new Engine();
    const result = engine.pull('layerlab-test-source:1');
    expect(result.image.id).toBe(base.id);
    expect(result.lines[0]).toBe('1: Pulling from library/layerlab-test-source');
    expect(result.canonical).toBe('docker.io/library/layerlab-test-source:1');
    expect(engine.images().map((r) => `${r.repository}:${r.tag}`)).toEqual(['layerlab-test-source:1']);
  });
});
