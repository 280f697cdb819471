import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import { Image } from '../../../kernel-lib/src/image/Image';
import { InvalidImageError } from '../../../kernel-lib/src/image/ImageError';
import { MediaTypes } from '../../../kernel-lib/src/image/mediaTypes';
import {
  addImageHistory,
  appendImageLayer,
  scratchImage,
  setImageCreated,
  setImageRunConfig,
} from '../../../kernel-lib/src/image/mutate';
import { testLayer } from './testLayer';

const base = testLayer({ 'etc/': '', 'etc/os-release': 'ID=layerlab\n' });
const app = testLayer({ 'app/': '', 'app/server.js': 'console.log("hi")\n' });

function twoLayerImage(): Image {
  let image = setImageCreated(scratchImage(), '2025-01-01T00:00:00Z');
  image = appendImageLayer(image, base, { createdBy: 'ADD rootfs.tar / # buildkit', comment: 'buildkit.dockerfile.v0', created: 0 });
  image = setImageRunConfig(image, { Cmd: ['/bin/sh'] });
  image = addImageHistory(image, { createdBy: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0', created: 0 });
  return appendImageLayer(image, app, { createdBy: 'COPY server.js /app/ # buildkit', comment: 'buildkit.dockerfile.v0', created: 1000 });
}

describe('Image', () => {
  it('has the config digest as its ID and the layers in diff_ids order', () => {
    const image = twoLayerImage();
    expect(image.id).toBe(sha256(image.configBytes()));
    expect(image.diffIds).toEqual([base.diffId, app.diffId]);
    expect(image.history.map((h) => [h.created_by, h.empty_layer === true])).toEqual([
      ['ADD rootfs.tar / # buildkit', false],
      ['CMD ["/bin/sh"]', true],
      ['COPY server.js /app/ # buildkit', false],
    ]);
    expect(image.size).toBe(base.diffSize! + app.diffSize!);
  });

  it('is frozen, and every change makes a new image with a new ID', () => {
    const image = twoLayerImage();
    expect(Object.isFrozen(image)).toBe(true);
    expect(Object.isFrozen(image.config.config)).toBe(true);
    expect(() => {
      (image.config.config!.Cmd as string[]).push('x');
    }).toThrow(TypeError);
    const withEnv = setImageRunConfig(image, { Env: ['NODE_ENV=production'] });
    expect(withEnv.id).not.toBe(image.id);
    expect(withEnv.diffIds).toEqual(image.diffIds); // ENV changes the config, not the layers
    expect(image.runConfig.Env).toBeUndefined();
  });

  it('refuses layers that do not match the config diff_ids', () => {
    const image = twoLayerImage();
    expect(() => Image.fromConfig(image.config, [app, base])).toThrow(InvalidImageError);
    expect(() => Image.fromConfig(image.config, [base])).toThrow(/lists 2 diff_ids but 1 layers/);
  });

  it('keeps foreign config bytes exactly (their digest is the ID, not a re-serialisation)', () => {
    const bytes = new TextEncoder().encode(
      `{"os":"linux","architecture":"amd64","rootfs":{"diff_ids":["${base.diffId}"],"type":"layers"},"config":{"Env":null}}\n`,
    );
    const image = Image.fromConfigBytes(bytes, [base]);
    expect(image.id).toBe(sha256(bytes));
    expect(Buffer.from(image.configBytes()).equals(Buffer.from(bytes))).toBe(true);
    expect(image.runConfig).toEqual({});
  });

  it('refuses malformed configs with a named problem', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(() => Image.fromConfigBytes(enc('{'), [])).toThrow(/not JSON/);
    expect(() => Image.fromConfigBytes(enc('{"os":"linux","rootfs":{"type":"layers"}}'), [])).toThrow(/"architecture"/);
    expect(() => Image.fromConfigBytes(enc('{"os":"linux","architecture":"amd64","rootfs":{"type":"x"}}'), [])).toThrow(/rootfs.type/);
  });

  it('describes itself with an OCI (BuildKit) or Docker (docker push) manifest; the digests differ', () => {
    const image = twoLayerImage();
    const oci = image.manifestFor('oci');
    const docker = image.manifestFor('docker');
    expect(oci.manifest.config).toEqual({ mediaType: MediaTypes.ociConfig, digest: image.id, size: image.configBytes().byteLength });
    expect(oci.manifest.layers.map((l) => [l.mediaType, l.digest, l.size])).toEqual([
      [MediaTypes.ociLayerGzip, base.digest, base.compressedSize],
      [MediaTypes.ociLayerGzip, app.digest, app.compressedSize],
    ]);
    expect(docker.manifest.layers[0]!.mediaType).toBe(MediaTypes.dockerLayerGzip);
    expect(oci.digest).toBe(sha256(oci.bytes));
    expect(docker.digest).not.toBe(oci.digest);
    expect(oci.digest).not.toBe(image.id); // repository digest ≠ image ID
  });

  it('computes chain IDs of every prefix', () => {
    const image = twoLayerImage();
    expect(image.chainIds).toEqual([base.diffId, sha256(`${base.diffId} ${app.diffId}`)]);
  });
});

describe('mutate', () => {
  it('scratchImage is linux/amd64 with no layers and no history', () => {
    const image = scratchImage();
    expect(image.config).toEqual({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
  });

  it('setImageRunConfig merges a patch and removes members set to undefined', () => {
    const a = setImageRunConfig(scratchImage(), { Cmd: ['a'], WorkingDir: '/app' });
    const b = setImageRunConfig(a, { WorkingDir: undefined, Entrypoint: ['/init'] });
    expect(b.runConfig).toEqual({ Cmd: ['a'], Entrypoint: ['/init'] });
    expect(setImageRunConfig(a, () => ({ User: 'node' })).runConfig).toEqual({ User: 'node' });
  });

  it('writes history times as Go does', () => {
    const image = addImageHistory(scratchImage(), { createdBy: 'ENV A=b', created: Date.UTC(2024, 0, 2, 3, 4, 5, 600) });
    expect(image.history[0]).toEqual({ created: '2024-01-02T03:04:05.6Z', created_by: 'ENV A=b', empty_layer: true });
  });
});
