/**
 * A catalog layer is a real layer: GNU tar lists it, gzip verifies it, sha256sum agrees with its
 * digests, and the file a lesson reads comes out of the archive with its text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogImage } from '../../../kernel-lib/src/catalog/catalog';
import type { CatalogLayer } from '../../../kernel-lib/src/catalog/CatalogLayer';

const dir = mkdtempSync(join(tmpdir(), 'layerlab-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('catalog layers read by the real tools', () => {
  const layer = catalogImage('alpine:3.18').layers[0] as CatalogLayer;
  const blob = join(dir, 'alpine.tar.gz');
  writeFileSync(blob, Buffer.concat([...layer.blobChunks()]));

  it('sha256sum of the blob and of its gunzipped tar are the digest and the diffID', () => {
    expect(`sha256:${execFileSync('sha256sum', [blob], { encoding: 'utf8' }).split(' ')[0]}`).toBe(layer.digest);
    const tar = execFileSync('gzip', ['-dc', blob], { maxBuffer: 64 << 20 });
    expect(tar.byteLength).toBe(layer.size);
    expect(`sha256:${execFileSync('sha256sum', { input: tar, encoding: 'utf8' }).split(' ')[0]}`).toBe(layer.diffId);
    execFileSync('gzip', ['-t', blob]);
  });

  it('GNU tar lists the entries and extracts /etc/os-release with its text', () => {
    const listing = execFileSync('tar', ['-tzvf', blob], { encoding: 'utf8', maxBuffer: 16 << 20 }).trim().split('\n');
    expect(listing).toHaveLength(layer.tarEntries.length);
    expect(listing.find((l) => l.endsWith(' bin/sh -> /bin/busybox'))).toMatch(/^lrwxrwxrwx 0\/0 /);
    expect(listing.find((l) => / tmp\/?$/.test(l))).toMatch(/^drwxrwxrwt/);
    const osRelease = execFileSync('tar', ['-xzOf', blob, 'etc/os-release'], { encoding: 'utf8' });
    expect(osRelease).toContain('PRETTY_NAME="Alpine Linux v3.18"');
  });

  it('BusyBox’s applets are hard links to one binary, as GNU tar reports them', () => {
    const busybox = catalogImage('busybox:latest').layers[0] as CatalogLayer;
    const file = join(dir, 'busybox.tar.gz');
    writeFileSync(file, Buffer.concat([...busybox.blobChunks()]));
    const listing = execFileSync('tar', ['-tzvf', file], { encoding: 'utf8' });
    expect(listing).toMatch(/ bin\/sh link to bin\/\[\n/);
  });
});
