import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import { EmptyExportError } from '../../../kernel-lib/src/oci';
import { scratchImage } from '../../../kernel-lib/src/image';
import { dockerSaveEntries } from '../../../kernel-lib/src/oci/dockerSave';
import { parseReference } from '../../../kernel-lib/src/reference';
import { entriesOf, text, twoImages } from './archiveFixture';

const hex = (d: string): string => d.slice(7);

describe('engine.save (the Docker 25+ archive)', () => {
  it('lays out blobs, index.json, manifest.json, oci-layout and repositories in walk order', () => {
    const { engine, app } = twoImages();
    const archive = engine.save('app:1');
    const paths = entriesOf(archive).map((e) => `${e.type} ${e.path}`);
    const manifestDigest = JSON.parse(text(archive, 'index.json')).manifests[0].digest as string;
    expect(paths).toEqual([
      'dir blobs',
      'dir blobs/sha256',
      ...[...app.diffIds, app.id, manifestDigest].map((d) => `file blobs/sha256/${hex(d)}`).sort(),
      'file index.json',
      'file manifest.json',
      'file oci-layout',
      'file repositories',
    ]);
    expect(text(archive, 'oci-layout')).toBe('{"imageLayoutVersion": "1.0.0"}');
  });

  it('writes manifest.json as docker does (familiar RepoTags, blob paths, LayerSources), newline-terminated', () => {
    const { engine, app } = twoImages();
    const [l0, l1] = app.layers;
    const archive = engine.save('app:1');
    expect(text(archive, 'manifest.json')).toBe(
      `[{"Config":"blobs/sha256/${hex(app.id)}","RepoTags":["app:1"],` +
        `"Layers":["blobs/sha256/${hex(l0!.diffId)}","blobs/sha256/${hex(l1!.diffId)}"],` +
        `"LayerSources":{${[l0!, l1!]
          .map((l) => [l.diffId, `{"mediaType":"application/vnd.oci.image.layer.v1.tar","size":${l.size},"digest":"${l.diffId}"}`])
          .sort(([a], [b]) => (a! < b! ? -1 : 1))
          .map(([d, v]) => `"${d}":${v}`)
          .join(',')}}}]\n`,
    );
    expect(text(archive, 'repositories')).toBe(`{"app":{"1":"${hex(l1!.diffId)}"}}\n`);
  });

  it('stores the config byte for byte and layers uncompressed under their diffIDs; synthesises a compact OCI manifest', () => {
    const { engine, app } = twoImages();
    const archive = engine.save('app:1');
    const files = new Map(entriesOf(archive).map((e) => [e.path, e]));
    expect(Buffer.from(files.get(`blobs/sha256/${hex(app.id)}`)!.content.bytes()).equals(Buffer.from(app.configBytes()))).toBe(true);
    for (const layer of app.layers) expect(files.get(`blobs/sha256/${hex(layer.diffId)}`)!.content.digest()).toBe(layer.diffId);
    const index = JSON.parse(text(archive, 'index.json'));
    const manifestEntry = files.get(`blobs/sha256/${hex(index.manifests[0].digest)}`)!;
    expect(manifestEntry.content.digest()).toBe(index.manifests[0].digest);
    expect(JSON.parse(manifestEntry.content.text())).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: app.id, size: app.configBytes().byteLength },
      layers: app.layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: l.diffId, size: l.size })),
    });
    // The saved manifest is not the registry manifest: its digest differs from manifestFor('oci').
    expect(index.manifests[0].digest).not.toBe(app.manifestFor('oci').digest);
  });

  it('annotates one index descriptor per tag; a bare name saves every tag of the repository', () => {
    const { engine } = twoImages();
    const archive = engine.save('app');
    const index = JSON.parse(text(archive, 'index.json'));
    expect(index.manifests.map((m: { annotations: Record<string, string> }) => m.annotations)).toEqual([
      { 'io.containerd.image.name': 'docker.io/library/app:1', 'org.opencontainers.image.ref.name': '1' },
      { 'io.containerd.image.name': 'docker.io/library/app:latest', 'org.opencontainers.image.ref.name': 'latest' },
    ]);
    expect(JSON.parse(text(archive, 'manifest.json'))[0].RepoTags).toEqual(['app:1', 'app:latest']);
  });

  it('saves two images sharing a layer with that layer once; an image saved by ID is untagged', () => {
    const { engine, base, app } = twoImages();
    const archive = engine.save('base:1', app.id);
    const layerBlobs = entriesOf(archive).filter((e) => e.path === `blobs/sha256/${hex(base.diffIds[0]!)}`);
    expect(layerBlobs).toHaveLength(1);
    const items = JSON.parse(text(archive, 'manifest.json'));
    expect(items.map((i: { RepoTags: unknown }) => i.RepoTags)).toEqual([['base:1'], null]);
    const index = JSON.parse(text(archive, 'index.json'));
    expect(index.manifests[1].annotations).toBeUndefined();
    expect(JSON.parse(text(archive, 'repositories'))).toEqual({ base: { '1': hex(base.diffIds[0]!) } });
  });

  it('pins times: blobs carry the image created time, the JSON files the epoch', () => {
    const { engine, app } = twoImages();
    const files = new Map(entriesOf(engine.save('app:1')).map((e) => [e.path, e]));
    expect(files.get(`blobs/sha256/${hex(app.id)}`)!.mtimeMs).toBe(app.createdMs);
    expect(files.get('manifest.json')!.mtimeMs).toBe(0);
    expect(files.get('index.json')!.mtimeMs).toBe(0);
  });

  it('refuses an image without layers as docker does', () => {
    expect(() => dockerSaveEntries([{ image: scratchImage(), tags: [parseReference('docker.io/library/empty:1')] }])).toThrow(EmptyExportError);
    expect(() => dockerSaveEntries([{ image: scratchImage(), tags: [] }])).toThrow('empty export - not implemented');
  });

  it('is deterministic: the same engine state saves the same bytes', () => {
    expect(sha256(twoImages().engine.save('app:1'))).toBe(sha256(twoImages().engine.save('app:1')));
  });
});
