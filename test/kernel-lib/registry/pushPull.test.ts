import { describe, expect, it } from 'vitest';
import { Registries } from '../../../kernel-lib/src/registry/Registries';
import { BlobVerificationError, RegistryError } from '../../../kernel-lib/src/registry/RegistryError';
import { LayerSourceIndex } from '../../../kernel-lib/src/registry/LayerSourceIndex';
import { pushImage } from '../../../kernel-lib/src/registry/pushImage';
import { pullImage } from '../../../kernel-lib/src/registry/pullImage';
import { blobBytes } from '../../../kernel-lib/src/registry/RegistryBlob';
import { sha256, sha256Chunks } from '../../../kernel-lib/src/digest/sha256';
import type { Digest } from '../../../kernel-lib/src/digest/Digest';
import type { Layer } from '../../../kernel-lib/src/layer/Layer';
import { FixtureLocal, fixtureImage, gzipLayer, plainLayer } from './fixtureImage';

const hex12 = (d: string): string => d.slice(7, 19);
const base = gzipLayer('base filesystem '.repeat(400));
const runtime = gzipLayer('runtime '.repeat(300));
const appV1 = gzipLayer('app v1');
const appV2 = gzipLayer('app v2, one line changed');
const v1 = fixtureImage([base, runtime, appV1], 'v1');
const v2 = fixtureImage([base, runtime, appV2], 'v2');

function chain(...layers: { diffId: Digest }[]): Digest[] {
  const out: Digest[] = [];
  for (const l of layers) out.push(out.length === 0 ? l.diffId : sha256(`${out[out.length - 1]} ${l.diffId}`));
  return out;
}

describe('pushImage', () => {
  it('uploads every layer the first time and prints docker push’s lines (top layer first)', () => {
    const registries = new Registries();
    const report = pushImage({ registries, reference: 'localhost:5000/app:v1', image: v1 });
    const manifest = v1.manifestFor('docker');
    expect(report.lines).toEqual([
      'The push refers to repository [localhost:5000/app]',
      `${hex12(appV1.diffId)}: Pushed`,
      `${hex12(runtime.diffId)}: Pushed`,
      `${hex12(base.diffId)}: Pushed`,
      `v1: digest: ${manifest.digest} size: ${manifest.bytes.byteLength}`,
    ]);
    expect(report.layers.map((l) => l.bytesMoved)).toEqual([base.compressedSize, runtime.compressedSize, appV1.compressedSize]);
    expect(report.bytesMoved).toBe(base.compressedSize + runtime.compressedSize + appV1.compressedSize + v1.configBytes().byteLength + manifest.bytes.byteLength);
    expect(registries.registry('localhost:5000').traffic.uploaded).toBe(report.bytesMoved);
  });

  it('moves only the changed layer on the next release', () => {
    const registries = new Registries();
    pushImage({ registries, reference: 'localhost:5000/app:v1', image: v1 });
    const report = pushImage({ registries, reference: 'localhost:5000/app:v2', image: v2 });
    expect(report.layers.map((l) => l.status)).toEqual(['Layer already exists', 'Layer already exists', 'Pushed']);
    expect(report.layers.map((l) => l.bytesMoved)).toEqual([0, 0, appV2.compressedSize]);
    const again = pushImage({ registries, reference: 'localhost:5000/app:v2', image: v2 });
    expect(again.layers.every((l) => l.status === 'Layer already exists')).toBe(true);
    expect(again.config.bytesMoved).toBe(0);
  });

  it('mounts layers from another repository of the same registry instead of uploading them', () => {
    const registries = new Registries();
    const sources = new LayerSourceIndex();
    const baseImage = fixtureImage([base, runtime], 'node');
    pushImage({ registries, reference: 'node:18', image: baseImage, sources });
    const report = pushImage({ registries, reference: 'me/app', image: v1, sources });
    expect(report.reference.string).toBe('docker.io/me/app:latest');
    expect(report.lines.slice(0, 4)).toEqual([
      'The push refers to repository [docker.io/me/app]',
      `${hex12(appV1.diffId)}: Pushed`,
      `${hex12(runtime.diffId)}: Mounted from library/node`,
      `${hex12(base.diffId)}: Mounted from library/node`,
    ]);
    expect(report.layers.map((l) => l.bytesMoved)).toEqual([0, 0, appV1.compressedSize]);
    // Without knowing where the layers are, docker uploads them (the registry may hold them, but
    // not linked into this repository).
    const blind = pushImage({ registries, reference: 'me/other', image: baseImage });
    expect(blind.layers.map((l) => l.status)).toEqual(['Pushed', 'Pushed']);
    // ...and a different registry never mounts.
    const elsewhere = pushImage({ registries, reference: 'ghcr.io/me/app', image: v1, sources });
    expect(elsewhere.layers.map((l) => l.status)).toEqual(['Pushed', 'Pushed', 'Pushed']);
  });

  it('refuses to push a digest reference', () => {
    const e = (() => {
      try {
        pushImage({ registries: new Registries(), reference: `app@${sha256('x')}`, image: v1 });
      } catch (error) {
        return error as RegistryError;
      }
      throw new Error('no error');
    })();
    expect(e.code).toBe('TAG_INVALID');
  });
});

describe('pullImage', () => {
  function published(): Registries {
    const registries = new Registries();
    pushImage({ registries, reference: 'localhost:5000/app:v1', image: v1 });
    pushImage({ registries, reference: 'localhost:5000/app:v2', image: v2 });
    return registries;
  }

  it('downloads everything into an empty daemon and prints docker pull’s lines', () => {
    const registries = published();
    const before = registries.registry('localhost:5000').traffic.downloaded;
    const report = pullImage({ registries, reference: 'localhost:5000/app:v1', local: new FixtureLocal() });
    const manifest = v1.manifestFor('docker');
    expect(report.lines).toEqual([
      'v1: Pulling from app',
      `${hex12(base.digest)}: Pull complete`,
      `${hex12(runtime.digest)}: Pull complete`,
      `${hex12(appV1.digest)}: Pull complete`,
      `Digest: ${manifest.digest}`,
      'Status: Downloaded newer image for localhost:5000/app:v1',
      'localhost:5000/app:v1',
    ]);
    expect(report.imageId).toBe(v1.id);
    expect(Buffer.from(report.configBytes!).equals(Buffer.from(v1.configBytes()))).toBe(true);
    expect(report.diffIds).toEqual([base.diffId, runtime.diffId, appV1.diffId]);
    expect(report.layers.map((l) => l.chainId)).toEqual(chain(base, runtime, appV1));
    // The pushed layer objects come back (no decompression needed).
    expect(report.layers.map((l) => l.layer)).toEqual([base, runtime, appV1]);
    const expectedBytes = manifest.bytes.byteLength + v1.configBytes().byteLength + base.compressedSize + runtime.compressedSize + appV1.compressedSize;
    expect(report.bytesMoved).toBe(expectedBytes);
    expect(registries.registry('localhost:5000').traffic.downloaded - before).toBe(expectedBytes);
  });

  it('skips only the locally present prefix of the layer chain', () => {
    const registries = published();
    const local = new FixtureLocal();
    const [c0, c1] = chain(base, runtime);
    local.chains.add(c0!).add(c1!);
    const report = pullImage({ registries, reference: 'localhost:5000/app:v2', local });
    expect(report.layers.map((l) => [l.status, l.bytesMoved])).toEqual([
      ['Already exists', 0],
      ['Already exists', 0],
      ['Pull complete', appV2.compressedSize],
    ]);
    expect(report.layers[0]!.layer).toBeUndefined();
    // A present upper layer does not help once a lower one is missing.
    const gap = new FixtureLocal();
    gap.chains.add(chain(base, runtime, appV2)[2]!);
    expect(pullImage({ registries, reference: 'localhost:5000/app:v2', local: gap }).layers.map((l) => l.status)).toEqual([
      'Pull complete',
      'Pull complete',
      'Pull complete',
    ]);
  });

  it('adds latest when no tag is written, and reports an up-to-date image', () => {
    const registries = new Registries();
    pushImage({ registries, reference: 'nginx', image: v1 });
    const local = new FixtureLocal();
    local.images.add(v1.id);
    local.tags.set('docker.io/library/nginx:latest', v1.id);
    const report = pullImage({ registries, reference: 'nginx', local });
    expect(report.lines).toEqual([
      'Using default tag: latest',
      'latest: Pulling from library/nginx',
      `Digest: ${v1.manifestFor('docker').digest}`,
      'Status: Image is up to date for nginx:latest',
      'docker.io/library/nginx:latest',
    ]);
    expect(report.upToDate).toBe(true);
    expect(report.configBytes).toBeUndefined();
  });

  it('pins by digest: the tag moves upstream, the digest pull still returns the pinned image', () => {
    const registries = published();
    const pinned = v1.manifestFor('docker').digest;
    pushImage({ registries, reference: 'localhost:5000/app:latest', image: v2 });
    const byTag = pullImage({ registries, reference: 'localhost:5000/app', local: new FixtureLocal() });
    expect(byTag.imageId).toBe(v2.id);
    const byDigest = pullImage({ registries, reference: `localhost:5000/app:latest@${pinned}`, local: new FixtureLocal() });
    expect(byDigest.imageId).toBe(v1.id);
    expect(byDigest.lines[0]).toBe(`localhost:5000/app@${pinned}: Pulling from app`);
    expect(byDigest.lines.at(-2)).toBe(`Status: Downloaded newer image for localhost:5000/app@${pinned}`);
  });

  it('detects a tampered layer blob and names both digests', () => {
    const registries = published();
    const registry = registries.registry('localhost:5000');
    registry.tamperBlob(runtime.digest, { offset: 10 });
    const served = blobBytes(registry.getBlob('app', runtime.digest));
    let error: unknown;
    try {
      pullImage({ registries, reference: 'localhost:5000/app:v1', local: new FixtureLocal() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlobVerificationError);
    const e = error as BlobVerificationError;
    expect(e.expected).toBe(runtime.digest);
    expect(e.actual).toBe(sha256(served));
    expect(e.message).toBe(
      `filesystem layer verification failed for digest ${runtime.digest}: the bytes received from localhost:5000/app hash to ${sha256(served)}`,
    );
    expect(e.hint).toMatch(/거부/);
    // A daemon that already has the lower layers never downloads the tampered one.
    const local = new FixtureLocal();
    for (const c of chain(base, runtime)) local.chains.add(c);
    expect(pullImage({ registries, reference: 'localhost:5000/app:v1', local }).layers[2]!.status).toBe('Pull complete');
  });

  it('detects a tampered config', () => {
    const registries = published();
    registries.registry('localhost:5000').tamperBlob(v1.id, { bytes: new Uint8Array(Buffer.from('{"rootfs":{}}')) });
    expect(() => pullImage({ registries, reference: 'localhost:5000/app:v1', local: new FixtureLocal() })).toThrow(
      `image config verification failed for digest ${v1.id}`,
    );
  });

  it('turns raw uploaded blobs into layers (gunzip for gzip, checked against the diffID)', () => {
    const registries = new Registries();
    const registry = registries.registry('ghcr.io');
    const image = fixtureImage([gzipLayer('from another tool'), plainLayer('plain tar')]);
    for (const layer of image.layers) registry.putBlob('me/tool', new Uint8Array(Buffer.concat([...(layer.blobChunks ?? layer.tarChunks)()])), layer.digest);
    registry.putBlob('me/tool', image.configBytes(), image.id);
    registry.putManifest('me/tool', 'v1', image.manifestFor('oci').bytes);
    const report = pullImage({ registries, reference: 'ghcr.io/me/tool:v1', local: new FixtureLocal() });
    const [gz, plain] = report.layers.map((l) => l.layer as Layer);
    expect(gz!.entries.map((e) => [e.path, e.content.text()])).toEqual([['file.txt', 'from another tool']]);
    expect(sha256Chunks(gz!.blobChunks())).toBe(image.layers[0]!.digest);
    expect(plain!.entries.map((e) => [e.path, e.content.text()])).toEqual([['file.txt', 'plain tar']]);
    expect([gz!.diffId, plain!.diffId]).toEqual(image.layers.map((l) => l.diffId));
  });

  it('a config whose diff_ids disagree with the layer bytes is refused', () => {
    const registries = new Registries();
    const registry = registries.registry('ghcr.io');
    const real = gzipLayer('real');
    const liar = { ...real, diffId: sha256('not the tar') };
    const image = fixtureImage([liar]);
    registry.putBlob('me/tool', new Uint8Array(Buffer.concat([...real.blobChunks!()])), real.digest);
    registry.putBlob('me/tool', image.configBytes(), image.id);
    registry.putManifest('me/tool', 'v1', image.manifestFor('oci').bytes);
    expect(() => pullImage({ registries, reference: 'ghcr.io/me/tool:v1', local: new FixtureLocal() })).toThrow(/layers from manifest don't match image configuration/);
  });

  it('picks the platform from an index, or says none matches', () => {
    const registries = published();
    const registry = registries.registry('localhost:5000');
    const amd = v1.manifestFor('docker');
    const index = new Uint8Array(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.index.v1+json',
          manifests: [{ mediaType: amd.mediaType, digest: amd.digest, size: amd.bytes.byteLength, platform: { architecture: 'amd64', os: 'linux' } }],
        }),
      ),
    );
    const indexDigest = registry.putManifest('app', 'multi', index);
    const report = pullImage({ registries, reference: 'localhost:5000/app:multi', local: new FixtureLocal() });
    expect([report.digest, report.manifest.digest, report.imageId]).toEqual([indexDigest, amd.digest, v1.id]);
    expect(report.lines).toContain(`Digest: ${indexDigest}`);
    expect(() =>
      pullImage({ registries, reference: 'localhost:5000/app:multi', local: new FixtureLocal(), platform: { os: 'linux', architecture: 'arm64' } }),
    ).toThrow('no matching manifest for linux/arm64 in the manifest list entries');
  });

  it('says what docker says for an unknown repository or tag', () => {
    const registries = new Registries();
    pushImage({ registries, reference: 'nginx:alpine', image: v1 });
    expect(() => pullImage({ registries, reference: 'nginxx', local: new FixtureLocal() })).toThrow(
      "pull access denied for nginxx, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    expect(() => pullImage({ registries, reference: 'nginx:nope', local: new FixtureLocal() })).toThrow(
      'manifest for nginx:nope not found: manifest unknown: manifest unknown',
    );
  });

  it('records where layers were seen, so a later push can mount them', () => {
    const registries = published();
    const sources = new LayerSourceIndex();
    pullImage({ registries, reference: 'localhost:5000/app:v1', local: new FixtureLocal(), sources });
    expect(sources.sources(base.diffId)).toEqual([{ domain: 'localhost:5000', repository: 'app', digest: base.digest }]);
    const report = pushImage({ registries, reference: 'localhost:5000/fork:v1', image: v1, sources });
    expect(report.layers.map((l) => l.status)).toEqual(['Mounted from app', 'Mounted from app', 'Mounted from app']);
  });
});
