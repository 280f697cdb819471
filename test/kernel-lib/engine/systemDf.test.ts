import { describe, expect, it } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine';
import { addContainer, appImage, baseImage, engineWithImages } from './engineFixture';

describe('engine.systemDf', () => {
  it('counts a layer shared by two images once, and as SHARED SIZE in both', () => {
    const { engine, base, app } = engineWithImages();
    const df = engine.systemDf();
    const baseLayer = base.size;
    const appLayer = app.size - base.size;
    expect(df.images.map((r) => [r.repository, r.tag, r.size, r.sharedSize, r.uniqueSize, r.containers])).toEqual([
      ['app', '1', app.size, baseLayer, appLayer, 0],
      ['base', '1', base.size, baseLayer, 0, 0],
    ]);
    expect(df.summary[0]).toEqual({
      type: 'Images',
      total: 2,
      active: 0,
      size: baseLayer + appLayer,
      reclaimable: baseLayer + appLayer,
      reclaimablePercent: 100,
    });
    expect(df.LayersSize).toBe(baseLayer + appLayer);
    expect(df.Images.map((i) => [i.Id, i.SharedSize])).toEqual([
      [app.id, baseLayer],
      [base.id, baseLayer],
    ]);
  });

  it('shares by ChainID: the same app layer on two different bases is not shared', () => {
    const engine = new Engine();
    const a = appImage(baseImage(0, 'ID=a\n'), 1000);
    const b = appImage(baseImage(0, 'ID=b\n'), 2000);
    expect(a.diffIds[1]).toBe(b.diffIds[1]); // same app layer bytes…
    engine.addImage(a, { tags: ['a:1'] });
    engine.addImage(b, { tags: ['b:1'] });
    const df = engine.systemDf();
    expect(df.images.map((r) => r.sharedSize)).toEqual([0, 0]); // …on different stacks
    expect(df.summary[0]!.size).toBe(a.size + b.size);
  });

  it('reclaimable excludes what images in use by a container hold uniquely (the CLI formula)', () => {
    const { engine, base, app } = engineWithImages();
    addContainer(engine, app.id, 'running');
    const images = engine.systemDf().summary[0]!;
    const appUnique = app.size - base.size;
    expect(images.active).toBe(1);
    expect(images.reclaimable).toBe(images.size - appUnique);
    expect(images.reclaimablePercent).toBe(Math.floor(((images.size - appUnique) * 100) / images.size));
    expect(engine.systemDf().summary[1]).toMatchObject({ type: 'Containers', total: 1, active: 1 });
  });
});
