/**
 * The catalog as Docker Hub: pulls of catalog images go through the registry model — blobs are
 * verified, bytes counted, only missing layers move — and the layer values that come back are the
 * catalog's own (no decompression of a gigabyte).
 */
import { describe, expect, it } from 'vitest';
import { catalogImage } from '../../../kernel-lib/src/catalog/catalog';
import { catalogManifestDigest, connectCatalog } from '../../../kernel-lib/src/catalog/publishCatalog';
import { Registries } from '../../../kernel-lib/src/registry/Registries';
import { pullImage, type PullTarget } from '../../../kernel-lib/src/registry/pullImage';
import { pushImage } from '../../../kernel-lib/src/registry/pushImage';
import { LayerSourceIndex } from '../../../kernel-lib/src/registry/LayerSourceIndex';
import { BlobVerificationError } from '../../../kernel-lib/src/registry/RegistryError';
import type { Digest } from '../../../kernel-lib/src/digest/Digest';

class Daemon implements PullTarget {
  readonly chains = new Set<Digest>();
  hasLayerChain = (c: Digest): boolean => this.chains.has(c);
  add(ref: string): void {
    for (const c of catalogImage(ref).chainIds) this.chains.add(c);
  }
}

describe('docker.io mirrors the catalog', () => {
  it('pulls node:18 into an empty daemon: eight layers, the catalog’s digests and objects', () => {
    const registries = new Registries();
    connectCatalog(registries);
    const node = catalogImage('node:18');
    const report = pullImage({ registries, reference: 'node:18', local: new Daemon() });
    expect(report.imageId).toBe(node.id);
    expect(report.digest).toBe(catalogManifestDigest('node:18'));
    expect(report.layers.map((l) => l.status)).toEqual(Array(8).fill('Pull complete'));
    expect(report.layers.map((l) => l.layer)).toEqual(node.layers);
    const manifest = node.manifestFor('docker');
    const expected = manifest.bytes.byteLength + node.configBytes().byteLength + node.layers.reduce((s, l) => s + l.compressedSize, 0);
    expect(report.bytesMoved).toBe(expected);
    expect(registries.registry('docker.io').traffic).toEqual({ uploaded: 0, downloaded: expected });
    expect(report.lines[0]).toBe('18: Pulling from library/node');
    expect(report.lines.at(-1)).toBe('docker.io/library/node:18');
  });

  it('moves only what is missing: python:3.11 after node:18 reuses buildpack-deps', () => {
    const registries = new Registries();
    connectCatalog(registries);
    const daemon = new Daemon();
    daemon.add('node:18');
    const report = pullImage({ registries, reference: 'python:3.11', local: daemon });
    expect(report.layers.map((l) => l.status)).toEqual([...Array(4).fill('Already exists'), ...Array(4).fill('Pull complete')]);
    const python = catalogImage('python:3.11');
    expect(report.layers.reduce((s, l) => s + l.bytesMoved, 0)).toBe(python.layers.slice(4).reduce((s, l) => s + l.compressedSize, 0));
    // nginx:alpine after alpine:3.18: only the base is already there.
    const alpine = new Daemon();
    alpine.add('alpine:3.18');
    expect(pullImage({ registries, reference: 'nginx:alpine', local: alpine }).layers.filter((l) => l.status === 'Already exists')).toHaveLength(1);
    // nginx:latest shares nothing with node:18: everything moves.
    expect(pullImage({ registries, reference: 'nginx', local: daemon }).layers.every((l) => l.status === 'Pull complete')).toBe(true);
  });

  it('pulls by digest, and says "manifest unknown" for a tag the snapshot does not have', () => {
    const registries = new Registries();
    connectCatalog(registries);
    const digest = catalogManifestDigest('alpine:3.18');
    const report = pullImage({ registries, reference: `alpine@${digest}`, local: new Daemon() });
    expect(report.imageId).toBe(catalogImage('alpine:3.18').id);
    expect(() => pullImage({ registries, reference: 'node:20', local: new Daemon() })).toThrow('manifest for node:20 not found: manifest unknown: manifest unknown');
    expect(() => pullImage({ registries, reference: 'nodejs-nope', local: new Daemon() })).toThrow(/pull access denied for nodejs-nope/);
  });

  it('catches a tampered catalog blob', () => {
    const registries = new Registries();
    const hub = connectCatalog(registries);
    pullImage({ registries, reference: 'alpine:3.18', local: new Daemon() });
    const layer = catalogImage('alpine:3.18').layers[0]!;
    hub.tamperBlob(layer.digest, { offset: 1000 });
    let error: unknown;
    try {
      pullImage({ registries, reference: 'alpine:3.18', local: new Daemon() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BlobVerificationError);
    expect((error as BlobVerificationError).expected).toBe(layer.digest);
    expect((error as BlobVerificationError).actual).not.toBe(layer.digest);
  });

  it('pushes catalog images to a private registry, mounting shared layers across repositories', () => {
    const registries = new Registries();
    const sources = new LayerSourceIndex();
    const first = pushImage({ registries, reference: 'localhost:5000/node:18', image: catalogImage('node:18'), sources });
    expect(first.layers.every((l) => l.status === 'Pushed')).toBe(true);
    const second = pushImage({ registries, reference: 'localhost:5000/python:3.11', image: catalogImage('python:3.11'), sources });
    expect(second.layers.map((l) => l.status)).toEqual([...Array(4).fill('Mounted from node'), ...Array(4).fill('Pushed')]);
    const local = registries.registry('localhost:5000');
    // Every blob stored once.
    const unique = new Set([...catalogImage('node:18').layers, ...catalogImage('python:3.11').layers].map((l) => l.digest));
    expect(local.blobCount).toBe(unique.size + 2);
  });
});
