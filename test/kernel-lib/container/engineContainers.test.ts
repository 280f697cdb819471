import { describe, expect, it } from 'vitest';
import { flattenLayers, layerFromTar, printFileTree } from '../../../kernel-lib/src/layer';
import { readTar } from '../../../kernel-lib/src/tar';
import { engineWithApp, thrown } from './containerFixture';

describe('create and names', () => {
  it('gives deterministic 64-hex IDs and docker-style names; refuses a taken or invalid name', () => {
    const a = engineWithApp();
    const b = engineWithApp();
    const [c1, c2] = [a.create('app:1'), a.create('app:1')];
    const [d1] = [b.create('app:1')];
    expect(c1.id).toMatch(/^[0-9a-f]{64}$/);
    expect(c1.id).toBe(d1.id);
    expect(c1.id).not.toBe(c2.id);
    expect(c1.shortId).toBe(c1.id.slice(0, 12));
    expect(c1.name).toMatch(/^[a-z]+_[a-z]+$/);
    expect(c1.name).toBe(d1.name);
    a.create('app:1', { name: 'web' });
    expect(thrown(() => a.create('app:1', { name: 'web' })).replace(/"[0-9a-f]{64}"/, '"<id>"')).toBe(
      'ContainerNameConflict: Conflict. The container name "/web" is already in use by container "<id>". You have to remove (or rename) that container to be able to reuse that name.',
    );
    expect(thrown(() => a.create('app:1', { name: 'no spaces' }))).toBe(
      'InvalidContainerName: Invalid container name (no spaces), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(thrown(() => a.create('nope:1'))).toBe('NoSuchImage: No such image: nope:1');
  });

  it('finds a container by object, name, full ID and unique ID prefix', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { name: 'web' });
    for (const ref of [c, 'web', '/web', c.id, c.id.slice(0, 5)]) expect(engine.getContainer(ref)).toBe(c);
    expect(thrown(() => engine.getContainer('zzz'))).toBe('NoSuchContainer: No such container: zzz');
  });

  it('is counted by the image operations: rmi refuses, system df sees its writable layer', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    c.exec('echo 12345 > /tmp/f');
    expect(thrown(() => engine.rmi(c.imageId, { force: true }))).toMatch(/image is being used by running container/);
    const df = engine.systemDf();
    expect(JSON.stringify(df)).toContain('"type":"Containers"');
    engine.stop(c);
    expect(engine.images()[0]?.containers).toBe(1);
  });
});

describe('ps', () => {
  it('lists running containers newest first; all adds stopped and created ones with docker’s STATUS', () => {
    const engine = engineWithApp();
    const a = engine.run('app:1', { name: 'first' });
    engine.clock.advance(60_000);
    const b = engine.create('app:1', { name: 'second' });
    engine.clock.advance(3 * 60_000);
    const c = engine.run('app:1', { name: 'third' });
    engine.clock.advance(30_000);
    engine.stop(a);
    engine.clock.advance(5_000);
    const rows = (all: boolean) => engine.ps({ all }).map((r) => `${r.containerId === r.id.slice(0, 12)} ${r.image} ${r.command} | ${r.created} | ${r.status} | ${r.names}`);
    expect(rows(false)).toEqual(['true app:1 "node server.js" | 35 seconds ago | Up 35 seconds | third']);
    expect(rows(true)).toEqual([
      'true app:1 "node server.js" | 35 seconds ago | Up 35 seconds | third',
      'true app:1 "node server.js" | 3 minutes ago | Created | second',
      'true app:1 "node server.js" | 4 minutes ago | Exited (0) 5 seconds ago | first',
    ]);
    expect([b.status, c.status]).toEqual(['created', 'running']);
  });
});

describe('export', () => {
  it('is a tar of the merged root filesystem: image files, init-layer placeholders, changes — not the mounts', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { volumes: { '/data': 'v' } });
    c.exec('echo new > /app/new.txt; rm -rf /var; echo h > /etc/hostname; echo vol > /data/in-volume; touch /dev/shm/x');
    const tar = engine.export(c);
    const names = readTar(tar).map((e) => e.path);
    expect(names).toEqual([
      '.dockerenv', 'app', 'app/lib', 'app/lib/util.js', 'app/new.txt', 'app/server.js', 'bin', 'bin/busybox',
      'data', 'dev', 'dev/console', 'dev/pts', 'dev/shm', 'etc', 'etc/hostname', 'etc/hosts', 'etc/mtab', 'etc/os-release',
      'etc/resolv.conf', 'proc', 'sys', 'tmp',
    ]);
    const tree = flattenLayers([layerFromTar(tar)]);
    expect(printFileTree(tree).split('\n').filter((l) => /hostname|hosts|mtab|new\.txt/.test(l))).toEqual([
      '│   ├── new.txt  4 B  "new\\n"',
      '│   ├── hostname  0755  0 B  ""',
      '│   ├── hosts  0755  0 B  ""',
      '│   ├── mtab -> /proc/mounts',
    ]);
  });
});

describe('commit', () => {
  it('makes an image of the container’s image plus its writable layer; a new container of it has the change', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { env: { MODE: 'debug' } });
    c.exec('echo patched >> /app/server.js; rm /etc/os-release; mkdir -p /opt/tool && echo t > /opt/tool/t');
    engine.clock.advance(10_000); // after the 0.07 s the copy-up of /app/server.js took
    const image = engine.commit(c, 'app:patched', { message: 'patch server', author: 'me <me@example.com>' });
    const base = engine.getImage('app:1');
    expect(image.layers.length).toBe(base.layers.length + 1);
    expect(image.history.at(-1)).toEqual({ created: '2025-06-02T09:00:10.07Z', created_by: 'node server.js', author: 'me <me@example.com>', comment: 'patch server' });
    expect(image.config.author).toBe('me <me@example.com>');
    expect(image.runConfig.Env).toEqual(['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_ENV=prod', 'MODE=debug']);
    expect(engine.getImage('app:patched').id).toBe(image.id);
    expect(engine.state.parents.get(image.id)).toBe(base.id);
    const layer = image.layers.at(-1) as unknown as { entries: readonly { kind: string; path: string }[] };
    expect(layer.entries.map((e) => `${e.kind} ${e.path}`)).toEqual([
      'dir app', 'file app/server.js', 'dir etc', 'whiteout etc/os-release', 'dir opt', 'dir opt/tool', 'file opt/tool/t',
    ]);
    const d = engine.run('app:patched');
    expect(d.exec('tail -1 /app/server.js; cat /etc/os-release; cat /opt/tool/t; echo $MODE').stdout).toBe("patched\nt\ndebug\n");
    expect(d.diff()).toEqual([]);
  });

  it('a container without changes commits an empty_layer history entry and no layer', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const image = engine.commit(c);
    expect(image.layers.length).toBe(engine.getImage('app:1').layers.length);
    expect(image.history.at(-1)).toMatchObject({ created_by: 'node server.js', empty_layer: true });
  });
});

describe('commit --change', () => {
  it('applies Dockerfile instructions to the config (env expanded, shell form wrapped in /bin/sh -c)', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const image = engine.commit(c, 'app:changed', {
      changes: ['ENV PORT=8080 URL=http://localhost:$PORT', 'CMD node server.js --port $PORT', 'EXPOSE 8080', 'LABEL stage=debug', 'WORKDIR lib', 'USER node', 'ENTRYPOINT ["tini", "--"]'],
    });
    const run = image.runConfig;
    expect(run.Env).toEqual(['PATH=/usr/local/bin:/usr/bin:/bin', 'APP_ENV=prod', 'PORT=8080', 'URL=http://localhost:8080']);
    expect(run.Cmd).toEqual(['/bin/sh', '-c', 'node server.js --port $PORT']);
    expect(run.Entrypoint).toEqual(['tini', '--']);
    expect(run.ExposedPorts).toEqual({ '8080/tcp': {} });
    expect(run.Labels).toEqual({ stage: 'debug' });
    expect([run.WorkingDir, run.User]).toEqual(['/app/lib', 'node']);
    expect(thrown(() => engine.commit(c, undefined, { changes: ['RUN echo no'] }))).toBe('InvalidCommitChange: run is not a valid change command');
  });
});
