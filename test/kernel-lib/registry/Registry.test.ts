import { describe, expect, it } from 'vitest';
import { Registry } from '../../../kernel-lib/src/registry/Registry';
import { Registries } from '../../../kernel-lib/src/registry/Registries';
import { RegistryError } from '../../../kernel-lib/src/registry/RegistryError';
import { blobBytes } from '../../../kernel-lib/src/registry/RegistryBlob';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import { fixtureImage, plainLayer } from './fixtureImage';

function caught(run: () => unknown): RegistryError {
  try {
    run();
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));

describe('Registry blobs', () => {
  it('verifies an upload against its digest and names both digests when it does not match', () => {
    const registry = new Registry('localhost:5000');
    const good = bytes('layer bytes');
    const e = caught(() => registry.putBlob('app', good, sha256('something else')));
    expect(e.code).toBe('DIGEST_INVALID');
    expect(e.message).toContain(sha256('something else'));
    expect(e.message).toContain(sha256(good));
    expect(registry.blobCount).toBe(0);
    expect(registry.putBlob('app', good, sha256(good))).toEqual({ digest: sha256(good), size: 11 });
    expect(registry.traffic).toEqual({ uploaded: 11, downloaded: 0 });
  });

  it('links a blob only into the repositories that uploaded or mounted it', () => {
    const registry = new Registry('localhost:5000');
    const blob = bytes('shared base');
    const digest = sha256(blob);
    registry.putBlob('library/base', blob, digest);
    expect(registry.hasBlob('library/base', digest)).toBe(true);
    expect(registry.hasBlob('me/app', digest)).toBe(false);
    expect(registry.statBlob('me/app', digest)).toBeUndefined();
    expect(caught(() => registry.getBlob('me/app', digest)).code).toBe('BLOB_UNKNOWN');
    // 202 when the source repository lacks it, 201 (and no bytes moved) when it has it.
    expect(registry.mountBlob('me/app', digest, 'other/repo')).toBe(false);
    expect(registry.mountBlob('me/app', digest, 'library/base')).toBe(true);
    expect(registry.hasBlob('me/app', digest)).toBe(true);
    expect(registry.traffic.uploaded).toBe(blob.byteLength);
    // Stored once however many repositories link it.
    expect([registry.blobCount, registry.storedBytes]).toEqual([1, blob.byteLength]);
    expect(Buffer.from(blobBytes(registry.getBlob('me/app', digest))).toString()).toBe('shared base');
    expect(registry.traffic.downloaded).toBe(blob.byteLength);
  });

  it('tamperBlob flips a byte behind the registry’s back (the stored digest key stays)', () => {
    const registry = new Registry('r.example');
    const blob = bytes('abc');
    registry.putBlob('x', blob, sha256(blob));
    registry.tamperBlob(sha256(blob), { offset: 1 });
    const served = blobBytes(registry.getBlob('x', sha256(blob)));
    expect([...served]).toEqual([0x61, 0x62 ^ 0xff, 0x63]);
  });

  it('refuses invalid repository names', () => {
    expect(caught(() => new Registry('r').putBlob('Bad/Name', bytes('x'), sha256('x'))).code).toBe('NAME_INVALID');
  });
});

describe('Registry manifests and tags', () => {
  it('refuses a manifest whose blobs are absent, then stores it verbatim under its tag and digest', () => {
    const registry = new Registry('localhost:5000');
    const image = fixtureImage([plainLayer('one'), plainLayer('two')]);
    const manifest = image.manifestFor('docker');
    const e = caught(() => registry.putManifest('app', 'v1', manifest.bytes));
    expect(e.code).toBe('MANIFEST_BLOB_UNKNOWN');
    expect(e.data.missing).toEqual([image.id, ...image.layers.map((l) => l.digest)]);
    for (const layer of image.layers) registry.putBlob('app', [...layer.tarChunks()][0]!, layer.digest);
    registry.putBlob('app', image.configBytes(), image.id);
    expect(registry.putManifest('app', 'v1', manifest.bytes)).toBe(manifest.digest);
    const stored = registry.getManifest('app', 'v1');
    expect(Buffer.from(stored.bytes).equals(Buffer.from(manifest.bytes))).toBe(true);
    expect(stored.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(registry.getManifest('app', manifest.digest).digest).toBe(manifest.digest);
    expect(registry.tags('app')).toEqual(['v1']);
    expect(new Registries().registry('x').repositories()).toEqual([]);
    expect(registry.repositories()).toEqual(['app']);
  });

  it('a tag is a mutable pointer; a digest is not', () => {
    const registry = new Registry('localhost:5000');
    const put = (cmd: string) => {
      const image = fixtureImage([plainLayer('base')], cmd);
      for (const layer of image.layers) registry.putBlob('app', [...layer.tarChunks()][0]!, layer.digest);
      registry.putBlob('app', image.configBytes(), image.id);
      return image.manifestFor('docker');
    };
    const v1 = put('v1');
    const v2 = put('v2');
    registry.putManifest('app', 'v1', v1.bytes);
    registry.putManifest('app', 'latest', v1.bytes);
    registry.putManifest('app', 'latest', v2.bytes);
    expect(registry.resolveManifest('app', 'latest')).toBe(v2.digest);
    // "latest" is only a name: moving it back to v1 makes latest the older build.
    registry.putManifest('app', 'latest', v1.bytes);
    expect(registry.getManifest('app', 'latest').digest).toBe(v1.digest);
    expect(registry.getManifest('app', v2.digest).digest).toBe(v2.digest);
    expect(caught(() => registry.putManifest('app', v1.digest, v2.bytes)).code).toBe('DIGEST_INVALID');
    expect(caught(() => registry.putManifest('app', '-bad', v2.bytes)).code).toBe('TAG_INVALID');
    const missing = caught(() => registry.getManifest('app', 'v9'));
    expect([missing.code, missing.message]).toEqual(['MANIFEST_UNKNOWN', 'manifest for localhost:5000/app:v9 not found: manifest unknown']);
    expect(caught(() => registry.getManifest('nope', 'v1')).code).toBe('NAME_UNKNOWN');
    expect(registry.untag('app', 'latest')).toBe(true);
    expect(registry.tags('app')).toEqual(['v1']);
  });

  it('Registries picks the registry by the reference’s domain and the repository by its path', () => {
    const registries = new Registries();
    const hub = registries.locate('nginx:alpine');
    const ghcr = registries.locate('ghcr.io/me/tool');
    const local = registries.locate('localhost:5000/app');
    expect([hub.registry.domain, hub.repository]).toEqual(['docker.io', 'library/nginx']);
    expect([ghcr.registry.domain, ghcr.repository]).toEqual(['ghcr.io', 'me/tool']);
    expect([local.registry.domain, local.repository]).toEqual(['localhost:5000', 'app']);
    expect(registries.domains()).toEqual(['docker.io', 'ghcr.io', 'localhost:5000']);
    expect(registries.registry('docker.io')).toBe(hub.registry);
  });
});
