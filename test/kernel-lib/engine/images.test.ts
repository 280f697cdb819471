import { describe, expect, it } from 'vitest';
import { shortId } from '../../../kernel-lib/src/digest';
import { dockerEllipsis, Engine, NoSuchImageError, TagWithDigestError } from '../../../kernel-lib/src/engine';
import { appImage, baseImage, engineWithImages } from './engineFixture';

describe('engine.tag / engine.images', () => {
  it('lists one row per tag, newest image first, with docker’s columns', () => {
    const { engine, base, app } = engineWithImages();
    engine.tag('app:1', 'localhost:5000/team/app:dev');
    expect(engine.images().map((r) => [r.repository, r.tag, r.id, r.size])).toEqual([
      ['app', '1', shortId(app.id), app.size],
      ['localhost:5000/team/app', 'dev', shortId(app.id), app.size],
      ['base', '1', shortId(base.id), base.size],
    ]);
    expect(engine.images()[0]!.created).toBe(app.createdMs);
    expect(engine.images({ repository: 'base' }).map((r) => r.tag)).toEqual(['1']);
  });

  it('moving a tag leaves the old image dangling as <none> <none>', () => {
    const { engine, app } = engineWithImages();
    const newer = appImage(baseImage(0), engine.clock.now() + 1000, 'run(2)\n');
    engine.addImage(newer, { tags: ['app:1'] });
    const rows = engine.images();
    expect(rows.find((r) => r.imageId === app.id)).toMatchObject({ repository: '<none>', tag: '<none>' });
    expect(engine.images({ dangling: true }).map((r) => r.imageId)).toEqual([app.id]);
  });

  it('hides untagged parents of other images unless all', () => {
    const engine = new Engine();
    const base = baseImage(0);
    const app = appImage(base, 1000);
    engine.addImage(base);
    engine.addImage(app, { tags: ['app:1'] });
    expect(engine.images().map((r) => r.imageId)).toEqual([app.id, base.id]); // no parent link: base is just dangling
    engine.state.parents.set(app.id, base.id);
    expect(engine.images().map((r) => r.imageId)).toEqual([app.id]);
    expect(engine.images({ all: true }).map((r) => r.imageId)).toEqual([app.id, base.id]);
  });

  it('refuses a tag with a digest, and unknown images, with docker’s messages', () => {
    const { engine } = engineWithImages();
    expect(() => engine.tag('app:1', `x@sha256:${'a'.repeat(64)}`)).toThrow(TagWithDigestError);
    expect(() => engine.tag('nope', 'x')).toThrow(new NoSuchImageError('nope:latest'));
    expect(() => engine.inspect('nope:2')).toThrow('No such image: nope:2');
  });

  it('finds images by full ID, short ID prefix and tag', () => {
    const { engine, app } = engineWithImages();
    expect(engine.getImage(app.id)).toBe(app);
    expect(engine.getImage(app.id.slice(7))).toBe(app);
    expect(engine.getImage(shortId(app.id))).toBe(app);
    expect(engine.getImage('docker.io/library/app:1')).toBe(app);
  });

  it('imageSummaries gives the Engine API shape the CLI views format', () => {
    const { engine, base, app } = engineWithImages();
    expect(engine.imageSummaries()).toEqual([
      expect.objectContaining({ Id: app.id, RepoTags: ['app:1'], RepoDigests: [], Created: app.createdMs! / 1000, Size: app.size, SharedSize: base.size, Containers: 0 }),
      expect.objectContaining({ Id: base.id, RepoTags: ['base:1'], SharedSize: base.size }),
    ]);
  });
});

describe('engine.inspect', () => {
  it('has the docker image inspect shape: Id = config digest, RootFS.Layers = diff_ids', () => {
    const { engine, app } = engineWithImages();
    const inspect = engine.inspect('app:1');
    expect(Object.keys(inspect)).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Comment', 'Created', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata']);
    expect(inspect).toMatchObject({
      Id: app.id,
      RepoTags: ['app:1'],
      RepoDigests: [],
      Comment: 'buildkit.dockerfile.v0',
      Created: app.config.created,
      Config: { Cmd: ['/bin/sh'], Env: ['PATH=/usr/bin:/bin'], WorkingDir: '/app', ExposedPorts: { '3000/tcp': {} } },
      Architecture: 'amd64',
      Os: 'linux',
      Size: app.size,
      RootFS: { Type: 'layers', Layers: app.diffIds },
      Metadata: { LastTagTime: '2025-06-02T09:00:00Z' },
    });
    expect(Object.isFrozen(inspect.Config)).toBe(true);
  });

  it('names overlay2 directories from chain IDs: LowerDir lists the lower layers top-most first', () => {
    const { engine, base } = engineWithImages();
    const data = engine.inspect('app:1').GraphDriver.Data;
    expect(Object.keys(data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(data['LowerDir']).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(engine.inspect('base:1').GraphDriver.Data['UpperDir']).toBe(data['LowerDir']);
    expect(Object.keys(engine.inspect(base.id).GraphDriver.Data)).toEqual(['MergedDir', 'UpperDir', 'WorkDir']);
  });
});

describe('engine.history', () => {
  it('shows the history newest first; IMAGE only on the top row without local parents (BuildKit)', () => {
    const { engine, app } = engineWithImages();
    const rows = engine.history('app:1');
    expect(rows.map((r) => [r.image, r.createdBy, r.size, r.emptyLayer])).toEqual([
      [shortId(app.id), 'COPY main.js . # buildkit', app.layers[1]!.diffSize, false],
      ['<missing>', 'WORKDIR /app', 0, true],
      ['<missing>', 'CMD ["/bin/sh"]', 0, true],
      ['<missing>', 'ADD rootfs.tar / # buildkit', app.layers[0]!.diffSize, false],
    ]);
    expect(rows[0]).toMatchObject({ Id: app.id, CreatedBy: 'COPY main.js . # buildkit', Comment: 'buildkit.dockerfile.v0', Tags: ['app:1'] });
  });

  it('walks local parents (classic builder) and truncates CREATED BY to 45 columns unless noTrunc', () => {
    const engine = new Engine();
    const base = baseImage(0);
    const long = 'RUN /bin/sh -c apt-get update && apt-get install -y curl ca-certificates';
    const app = appImage(base, 1000);
    engine.addImage(base, { tags: ['base:1'] });
    engine.addImage(app, { tags: ['app:1'], parent: base.id });
    const rows = engine.history('app:1');
    // parent chain: row 0 = app, row 1 = base (docker steps one parent per row), then <missing>.
    expect(rows.map((r) => r.image)).toEqual([shortId(app.id), shortId(base.id), '<missing>', '<missing>']);
    expect(engine.history('app:1', { noTrunc: true })[0]!.image).toBe(app.id);
    expect(dockerEllipsis(long, 45)).toBe('RUN /bin/sh -c apt-get update && apt-get ins…');
    expect(dockerEllipsis('한국어'.repeat(20), 45)).toHaveLength(23); // 22 wide characters (44 columns) + …
  });
});
