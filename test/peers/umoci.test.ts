/**
 * The model against umoci (Debian `umoci`): umoci unpacks the OCI layout inside the model's
 * `docker save` archive into the same tree the model's layers flatten to (whiteout and opaque
 * directory applied alike); and an image umoci makes from busybox-static loads into the model with
 * the digests umoci wrote.
 *
 * The umoci-made image also runs: `engine.run` on it and `container.exec` read the files umoci packed.
 */
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../kernel-lib/src/digest/sha256';
import { Engine } from '../../kernel-lib/src/engine';
import { goJsonString } from '../../kernel-lib/src/image/goJson';
import { readImageArchive } from '../../kernel-lib/src/oci';
import { diskTreeListing, modelImage, modelTreeListing, run, tempDir } from './umociModelImage';

function blob(layout: string, digest: string): Uint8Array {
  return readFileSync(join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length)));
}

describe('umoci unpack of a model image', () => {
  it('unpacks the saved archive into the tree the model shows', () => {
    const { engine, image } = modelImage();
    const dir = tempDir('umoci-unpack');
    const layout = join(dir, 'layout');
    mkdirSync(layout);
    writeFileSync(join(dir, 'saved.tar'), engine.save('peer-demo:1.0'));
    run('tar', ['-xf', join(dir, 'saved.tar'), '-C', layout]);
    // index.json names the image by its tag (org.opencontainers.image.ref.name = "1.0").
    run('umoci', ['unpack', '--image', `${layout}:1.0`, join(dir, 'bundle')]);
    const onDisk = diskTreeListing(join(dir, 'bundle', 'rootfs'));
    const model = modelTreeListing(image);
    expect(onDisk).toEqual(model);
    // The lesson-visible effects of the upper layers:
    expect(model).not.toContainEqual(expect.stringMatching(/^etc\/motd /)); // whiteout
    expect(model.filter((l) => l.startsWith('app/data/'))).toEqual([expect.stringMatching(/^app\/data\/new\.txt file 600 4 /)]); // opaque
    // umoci reads the config the model wrote (runtime config generated from it).
    const runtime = JSON.parse(readFileSync(join(dir, 'bundle', 'config.json'), 'utf8')) as {
      process: { args: string[]; env: string[]; cwd: string; user: { uid: number; gid: number } };
    };
    expect(runtime.process.args).toEqual(['/bin/sh', '-c', 'exec /bin/tool']);
    expect(runtime.process.env).toEqual(expect.arrayContaining(['PATH=/bin', 'GREETING=a && b <c>']));
    expect(runtime.process.cwd).toBe('/app');
    expect(runtime.process.user).toMatchObject({ uid: 1000, gid: 1000 });
  });
});

describe('umoci unpack of a catalog base image', () => {
  it('alpine:3.18 pulled from the model’s Docker Hub unpacks into the tree the model shows', () => {
    const engine = new Engine();
    const { image } = engine.pull('alpine:3.18');
    const dir = tempDir('umoci-alpine');
    const layout = join(dir, 'layout');
    mkdirSync(layout);
    writeFileSync(join(dir, 'saved.tar'), engine.save('alpine:3.18'));
    run('tar', ['-xf', join(dir, 'saved.tar'), '-C', layout]);
    run('umoci', ['unpack', '--image', `${layout}:3.18`, join(dir, 'bundle')]);
    const model = modelTreeListing(image);
    expect(model).toContainEqual(expect.stringMatching(/^etc\/os-release file 644 /));
    expect(diskTreeListing(join(dir, 'bundle', 'rootfs'))).toEqual(model);
  });
});

describe('an image made by umoci from busybox-static', () => {
  function buildWithUmoci(): { dir: string; layout: string } {
    const dir = tempDir('umoci-busybox');
    const layout = join(dir, 'layout');
    run('umoci', ['init', '--layout', layout]);
    run('umoci', ['new', '--image', `${layout}:latest`]);
    run('umoci', ['unpack', '--image', `${layout}:latest`, join(dir, 'bundle')]);
    const rootfs = join(dir, 'bundle', 'rootfs');
    mkdirSync(join(rootfs, 'bin'));
    copyFileSync('/bin/busybox', join(rootfs, 'bin', 'busybox'));
    run('chmod', ['0755', join(rootfs, 'bin', 'busybox')]);
    symlinkSync('busybox', join(rootfs, 'bin', 'sh'));
    mkdirSync(join(rootfs, 'etc'));
    writeFileSync(join(rootfs, 'etc', 'hostname'), 'umoci-made\n');
    writeFileSync(join(rootfs, 'etc', 'motd'), 'packed by umoci\n');
    run('umoci', ['repack', '--image', `${layout}:latest`, '--history.created_by', 'umoci repack busybox', join(dir, 'bundle')]);
    run('umoci', [
      'config',
      '--image',
      `${layout}:latest`,
      '--config.cmd',
      '/bin/sh',
      '--config.env',
      'NOTE=<b> & </b>',
      '--config.label',
      'made.by=umoci',
      '--history.created_by',
      'umoci config',
    ]);
    run('tar', ['-cf', join(dir, 'layout.tar'), '-C', layout, '.']);
    return { dir, layout };
  }

  it('loads into the model with the digests umoci wrote', () => {
    const { dir, layout } = buildWithUmoci();
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
    const manifestDigest = index.manifests[0]!.digest;
    const manifest = JSON.parse(Buffer.from(blob(layout, manifestDigest)).toString('utf8')) as {
      config: { digest: string };
      layers: Array<{ digest: string; mediaType: string }>;
    };
    const configBytes = blob(layout, manifest.config.digest);
    const config = JSON.parse(Buffer.from(configBytes).toString('utf8')) as { rootfs: { diff_ids: string[] }; history: unknown[] };

    const archive = readFileSync(join(dir, 'layout.tar'));
    const loaded = readImageArchive(archive);
    expect(loaded.format).toBe('oci-layout');
    expect(loaded.images).toHaveLength(1);
    const item = loaded.images[0]!;
    expect(item.manifestDigest).toBe(manifestDigest);
    expect(item.refName).toBe('latest');
    expect(item.image.id).toBe(manifest.config.digest);
    expect(item.image.diffIds).toEqual(config.rootfs.diff_ids);
    expect(item.image.layers.map((l) => l.digest)).toEqual(manifest.layers.map((l) => l.digest));
    expect(item.image.layers.map((l) => l.mediaType)).toEqual(manifest.layers.map((l) => l.mediaType));
    expect(item.image.history).toEqual(config.history);

    const engine = new Engine();
    expect(engine.load(archive, { name: 'umoci-busybox' })).toEqual(['umoci-busybox:latest']);
    const inspect = engine.inspect('umoci-busybox');
    expect(inspect.Id).toBe(manifest.config.digest);
    expect(inspect.RootFS.Layers).toEqual(config.rootfs.diff_ids);
    expect(inspect.Config.Cmd).toEqual(['/bin/sh']);
    expect(inspect.Config.Labels).toEqual({ 'made.by': 'umoci' });
    expect(engine.history('umoci-busybox').map((r) => r.CreatedBy)).toEqual(['umoci config', 'umoci repack busybox']);
    // The busybox binary in the model's tree is the real one, byte for byte.
    const tree = modelTreeListing(item.image);
    const busybox = readFileSync('/bin/busybox');
    expect(tree).toContain(`bin/busybox file 755 ${busybox.byteLength} ${sha256(busybox).slice(7, 23)}`);
    expect(tree).toContain('bin/sh symlink -> busybox');

    // …and runs: a container of it reads the files umoci packed. /etc/hostname is the runtime's bind
    // mount (the container's short ID), as in docker, so the image's own hostname file is not what shows.
    const container = engine.run('umoci-busybox');
    expect(container.exec('cat /etc/motd')).toMatchObject({ exitCode: 0, stdout: 'packed by umoci\n', stderr: '' });
    expect(container.exec('cat /etc/hostname').stdout).toBe(`${container.id.slice(0, 12)}\n`);
    expect(container.exec('ls /bin').stdout).toBe('busybox\nsh\n');
    container.exec('echo changed > /etc/motd');
    expect(engine.diff(container)).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/motd' },
    ]);
  });

  it('writes strings in its config exactly as the model encodes them (Go escaping of <, >, &)', () => {
    const { layout } = buildWithUmoci();
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
    const manifest = JSON.parse(Buffer.from(blob(layout, index.manifests[0]!.digest)).toString('utf8')) as { config: { digest: string } };
    const raw = Buffer.from(blob(layout, manifest.config.digest)).toString('utf8');
    expect(raw).toContain(goJsonString('NOTE=<b> & </b>'));
    expect(goJsonString('NOTE=<b> & </b>')).toBe('"NOTE=\\u003cb\\u003e \\u0026 \\u003c/b\\u003e"');
  });
});
