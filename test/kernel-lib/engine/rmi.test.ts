import { describe, expect, it } from 'vitest';
import { shortId } from '../../../kernel-lib/src/digest';
import { Engine, ImageDeleteConflictError } from '../../../kernel-lib/src/engine';
import { addContainer, appImage, baseImage, engineWithImages } from './engineFixture';

describe('engine.rmi', () => {
  it('by tag with other tags left: only untags', () => {
    const { engine, app } = engineWithImages();
    engine.tag('app:1', 'app:latest');
    expect(engine.rmi('app')).toEqual([{ untagged: 'app:latest' }]);
    expect(engine.getImage('app:1')).toBe(app);
  });

  it('by its last tag: untags and deletes the image, and only the layers no other image holds', () => {
    const { engine, base, app } = engineWithImages();
    expect(engine.rmi('app:1')).toEqual([{ untagged: 'app:1' }, { deleted: app.id }, { deleted: app.chainIds[1] }]);
    expect(engine.rmi('base:1')).toEqual([{ untagged: 'base:1' }, { deleted: base.id }, { deleted: base.chainIds[0] }]);
    expect(engine.images()).toEqual([]);
  });

  it('keeps a base whose layer another image still uses (the layer, not the image)', () => {
    const { engine, base } = engineWithImages();
    expect(engine.rmi('base:1')).toEqual([{ untagged: 'base:1' }, { deleted: base.id }]);
  });

  it('refuses to remove the last tag of an image a container uses, unless forced', () => {
    const { engine, app } = engineWithImages();
    const container = addContainer(engine, app.id, 'exited');
    expect(() => engine.rmi('app:1')).toThrow(
      `conflict: unable to remove repository reference "app:1" (must force) - container ${container.slice(0, 12)} is using its referenced image ${shortId(app.id)}`,
    );
    // Forced: a stopped container is only a soft conflict, so the image goes too (the container
    // keeps its image ID); a running one keeps the image (a quiet hard conflict after the untag).
    expect(engine.rmi('app:1', { force: true })).toEqual([{ untagged: 'app:1' }, { deleted: app.id }, { deleted: app.chainIds[1] }]);
    const again = engineWithImages();
    addContainer(again.engine, again.app.id, 'running');
    expect(again.engine.rmi('app:1', { force: true })).toEqual([{ untagged: 'app:1' }]);
    expect(again.engine.getImage(again.app.id)).toBe(again.app);
  });

  it('by ID: a stopped container blocks unless forced; a running one blocks even when forced', () => {
    const { engine, app } = engineWithImages();
    const stopped = addContainer(engine, app.id, 'exited', 1);
    expect(() => engine.rmi(shortId(app.id))).toThrow(
      `conflict: unable to delete ${shortId(app.id)} (must be forced) - image is being used by stopped container ${stopped.slice(0, 12)}`,
    );
    const running = addContainer(engine, app.id, 'running', 2);
    let error: unknown;
    try {
      engine.rmi(app.id, { force: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImageDeleteConflictError);
    expect((error as ImageDeleteConflictError).message).toBe(
      `conflict: unable to delete ${shortId(app.id)} (cannot be forced) - image is being used by running container ${running.slice(0, 12)}`,
    );
    expect((error as ImageDeleteConflictError).hint).toMatch(/force/);
    engine.state.containers.delete(running);
    expect(engine.rmi(app.id, { force: true })).toEqual([{ untagged: 'app:1' }, { deleted: app.id }, { deleted: app.chainIds[1] }]);
  });

  it('by ID with tags in several repositories: must be forced', () => {
    const { engine, app } = engineWithImages();
    engine.tag('app:1', 'other:1');
    expect(() => engine.rmi(app.id)).toThrow(`conflict: unable to delete ${shortId(app.id)} (must be forced) - image is referenced in multiple repositories`);
    expect(engine.rmi(app.id, { force: true }).map((r) => ('untagged' in r ? r.untagged : 'deleted'))).toEqual(['app:1', 'other:1', 'deleted', 'deleted']);
  });

  it('refuses an image that is the parent of another (hard conflict) and prunes untagged parents', () => {
    const engine = new Engine();
    const base = baseImage(0);
    const app = appImage(base, 1000);
    engine.addImage(base);
    engine.addImage(app, { tags: ['app:1'], parent: base.id });
    expect(() => engine.rmi(base.id, { force: true })).toThrow(
      `conflict: unable to delete ${shortId(base.id)} (cannot be forced) - image has dependent child images`,
    );
    expect(engine.rmi('app:1')).toEqual([
      { untagged: 'app:1' },
      { deleted: app.id },
      { deleted: app.chainIds[1] },
      { deleted: base.id },
      { deleted: base.chainIds[0] },
    ]);
  });
});
