/**
 * The registry model against a real client: skopeo talks the distribution API to the model
 * served over HTTP on the loopback interface. It reads the catalog's alpine:3.18 with the same
 * digests the model computes, copies it out (verifying every blob), pushes it back into another
 * repository (upload sessions, digest checks), and refuses a blob the model tampered with.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogImage } from '../../../kernel-lib/src/catalog/catalog';
import { connectCatalog } from '../../../kernel-lib/src/catalog/publishCatalog';
import { Registries } from '../../../kernel-lib/src/registry/Registries';
import { pullImage } from '../../../kernel-lib/src/registry/pullImage';
import { serveRegistry, type ServedRegistry } from '../../../kernel-lib/src/registry/serveRegistry';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';

const run = promisify(execFile);
const skopeo = async (...args: string[]): Promise<string> => (await run('skopeo', args, { maxBuffer: 64 << 20 })).stdout;

const registries = new Registries();
const hub = connectCatalog(registries);
let served: ServedRegistry;
const dir = mkdtempSync(join(tmpdir(), 'layerlab-skopeo-'));

beforeAll(async () => {
  served = await serveRegistry(hub);
});
afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('skopeo against the model registry', () => {
  const alpine = catalogImage('alpine:3.18');
  const manifest = alpine.manifestFor('docker');

  it('inspects alpine:3.18: the same manifest bytes, config bytes and layer digests', async () => {
    const ref = `docker://${served.host}/library/alpine:3.18`;
    const raw = await skopeo('inspect', '--tls-verify=false', '--raw', ref);
    expect(sha256(raw)).toBe(manifest.digest);
    const config = await skopeo('inspect', '--tls-verify=false', '--config', '--raw', ref);
    expect(sha256(config)).toBe(alpine.id);
    const info = JSON.parse(await skopeo('inspect', '--tls-verify=false', ref)) as { Digest: string; Layers: string[]; Env: string[] };
    expect(info.Digest).toBe(manifest.digest);
    expect(info.Layers).toEqual(alpine.layers.map((l) => l.digest));
    expect(info.Env).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(JSON.parse(await skopeo('list-tags', '--tls-verify=false', `docker://${served.host}/library/alpine`))).toEqual({
      Repository: `${served.host}/library/alpine`,
      Tags: ['3.18'],
    });
  });

  it('copies it out and pushes it back into another repository; the model pulls the pushed copy', async () => {
    const layout = join(dir, 'layout');
    await skopeo('--insecure-policy', 'copy', '--src-tls-verify=false', `docker://${served.host}/library/alpine:3.18`, `oci:${layout}:alpine`);
    const uploadedBefore = hub.traffic.uploaded;
    await skopeo('--insecure-policy', 'copy', '--dest-tls-verify=false', `oci:${layout}:alpine`, `docker://${served.host}/me/alpine:copy`);
    const layer = alpine.layers[0]!.digest;
    // skopeo found the layer in library/alpine (HEAD) and mounted it across repositories: no layer bytes moved.
    expect(served.log).toContain(`POST /v2/me/alpine/blobs/uploads/?from=library%2Falpine&mount=${encodeURIComponent(layer)} 201`);
    expect(hub.hasBlob('me/alpine', layer)).toBe(true);
    // The config went through an upload session (POST, PATCH, PUT ?digest=), the manifest under the tag.
    expect(served.log.filter((l) => /^(POST|PATCH|PUT) \/v2\/me\/alpine\/blobs\/uploads\//.test(l) && !l.includes('mount=')).map((l) => l.split(' ')[0])).toEqual(['POST', 'PATCH', 'PUT']);
    expect(served.log.at(-1)).toBe('PUT /v2/me/alpine/manifests/copy 201');
    // The model pulls skopeo's copy: an OCI manifest (skopeo converted it, and rewrote the config
    // document, so the image ID differs) over the very same layer.
    const pulled = pullImage({ registries, reference: 'me/alpine:copy', local: { hasLayerChain: () => false } });
    expect(pulled.manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(pulled.diffIds).toEqual(alpine.diffIds);
    expect(pulled.layers.map((l) => l.digest)).toEqual([layer]);
    expect(hub.traffic.uploaded - uploadedBefore).toBe(pulled.configBytes!.byteLength + pulled.manifest.bytes.byteLength);
    expect(sha256(pulled.configBytes!)).toBe(pulled.imageId);
  });

  it('a tampered blob is refused by skopeo’s own digest check', async () => {
    const registries2 = new Registries();
    const hub2 = connectCatalog(registries2);
    const served2 = await serveRegistry(hub2);
    try {
      hub2.resolveManifest('library/busybox', 'latest');
      const layer = catalogImage('busybox:latest').layers[0]!;
      hub2.tamperBlob(layer.digest, { offset: 4096 });
      const failure = await skopeo('--insecure-policy', 'copy', '--src-tls-verify=false', `docker://${served2.host}/library/busybox:latest`, `oci:${join(dir, 'bb')}:bb`).then(
        () => '',
        (error: { stderr?: string }) => error.stderr ?? String(error),
      );
      expect(failure).toMatch(/digest/i);
      expect(failure).toContain(layer.digest.slice(7));
    } finally {
      await served2.close();
    }
  });

  it('answers the API’s errors with their codes', async () => {
    const missing = await skopeo('inspect', '--tls-verify=false', `docker://${served.host}/library/alpine:9.99`).then(
      () => '',
      (error: { stderr?: string }) => error.stderr ?? '',
    );
    expect(missing).toMatch(/manifest unknown/);
  });
});
