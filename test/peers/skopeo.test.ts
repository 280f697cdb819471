/**
 * The model against skopeo (Debian `skopeo`, containers/image): skopeo reads the model's
 * `docker save` archive — manifest.json for `docker-archive:`, the OCI layout for `oci-archive:` —
 * and sees the same config, history and layers; what skopeo writes back (an OCI layout, a legacy
 * docker-archive) loads into the model with skopeo's digests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../kernel-lib/src/digest/sha256';
import { Engine } from '../../kernel-lib/src/engine';
import { Image, serializeImageConfig } from '../../kernel-lib/src/image';
import { readImageArchive } from '../../kernel-lib/src/oci';
import { modelImage, modelTreeListing, run, tempDir } from './umociModelImage';

interface SkopeoInspect {
  Created: string;
  Architecture: string;
  Os: string;
  Labels: Record<string, string>;
  Layers: string[];
  Env: string[];
}

function saved(): { dir: string; archive: string; image: Image } {
  const { engine, image } = modelImage();
  const dir = tempDir('skopeo');
  const archive = join(dir, 'saved.tar');
  writeFileSync(archive, engine.save('peer-demo:1.0'));
  return { dir, archive, image };
}

describe('skopeo reads what the model saves', () => {
  it('docker-archive: the exact config bytes, the layers as diff_ids, the run config', () => {
    const { archive, image } = saved();
    const config = run('skopeo', ['inspect', '--config', '--raw', `docker-archive:${archive}`]);
    expect(config).toBe(Buffer.from(image.configBytes()).toString('utf8'));
    const info = JSON.parse(run('skopeo', ['inspect', `docker-archive:${archive}`])) as SkopeoInspect;
    expect(info.Layers).toEqual(image.diffIds); // docker save stores layers uncompressed: blob digest = diffID
    expect(info.Created).toBe(image.config.created);
    expect(info.Env).toEqual(image.runConfig.Env);
    expect(info.Labels).toEqual(image.runConfig.Labels);
    expect([info.Architecture, info.Os]).toEqual(['amd64', 'linux']);
  });

  it('oci-archive: the OCI layout inside the archive has the same manifest and config', () => {
    const { archive, image } = saved();
    const manifest = JSON.parse(run('skopeo', ['inspect', '--raw', `oci-archive:${archive}:1.0`])) as {
      config: { digest: string };
      layers: Array<{ digest: string; mediaType: string }>;
    };
    expect(manifest.config.digest).toBe(image.id);
    expect(manifest.layers.map((l) => [l.mediaType, l.digest])).toEqual(
      image.diffIds.map((d) => ['application/vnd.oci.image.layer.v1.tar', d]),
    );
  });
});

describe('skopeo copy of a saved model image', () => {
  it('docker-archive → oci: same config content, history and diff_ids; re-marshalled config (new ID) the model predicts', () => {
    const { dir, archive, image } = saved();
    const layout = join(dir, 'oci');
    run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `oci:${layout}:copied`]);
    run('tar', ['-cf', join(dir, 'oci.tar'), '-C', layout, '.']);
    const loaded = readImageArchive(readFileSync(join(dir, 'oci.tar')));
    expect(loaded.format).toBe('oci-layout');
    const copy = loaded.images[0]!;
    expect(copy.refName).toBe('copied');
    expect(copy.image.config).toEqual(image.config);
    expect(copy.image.history).toEqual(image.history);
    expect(copy.image.diffIds).toEqual(image.diffIds);
    // skopeo gzips the layers on the way into the OCI layout: new blob digests, same diffIDs.
    expect(copy.image.layers.map((l) => l.mediaType)).toEqual(image.layers.map(() => 'application/vnd.oci.image.layer.v1.tar+gzip'));
    // Converting Docker → OCI re-marshals the config in ocispec.Image field order: the model writes
    // the same bytes in that style, so the new image ID is predicted exactly.
    expect(Buffer.from(copy.image.configBytes()).toString('utf8')).toBe(
      Buffer.from(serializeImageConfig(image.config, 'ocispec')).toString('utf8'),
    );
    expect(copy.image.id).toBe(sha256(serializeImageConfig(image.config, 'ocispec')));
    expect(copy.image.id).not.toBe(image.id);
    expect(modelTreeListing(copy.image)).toEqual(modelTreeListing(image));
    // And the engine loads it, tagged by the layout's ref name under the name given.
    const engine = new Engine();
    expect(engine.load(readFileSync(join(dir, 'oci.tar')), { name: 'copied' })).toEqual(['copied:copied']);
    expect(engine.inspect('copied:copied').Id).toBe(copy.image.id);
  });

  it('docker-archive → docker-archive: skopeo writes the older layout, which the model loads with the same ID', () => {
    const { dir, archive, image } = saved();
    const legacy = join(dir, 'legacy.tar');
    run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `docker-archive:${legacy}:peer-demo:2.0`]);
    const names = run('tar', ['-tf', legacy]).trim().split('\n');
    expect(names).toContain('manifest.json');
    expect(names).toContain(`${image.id.slice(7)}.json`);
    expect(names).not.toContain('index.json'); // not the Docker 25 layout
    const loaded = readImageArchive(readFileSync(legacy));
    expect(loaded.format).toBe('docker-archive');
    const engine = new Engine();
    expect(engine.load(readFileSync(legacy))).toEqual(['peer-demo:2.0']);
    const inspect = engine.inspect('peer-demo:2.0');
    expect(inspect.Id).toBe(image.id);
    expect(inspect.RootFS.Layers).toEqual(image.diffIds);
    expect(engine.history('peer-demo:2.0').map((r) => r.CreatedBy)).toEqual(image.history.map((h) => h.created_by).reverse());
  });

  it('the model re-saves what it loaded from skopeo, and skopeo reads that back unchanged', () => {
    const { dir, archive, image } = saved();
    const legacy = join(dir, 'legacy.tar');
    run('skopeo', ['copy', '--quiet', `docker-archive:${archive}`, `docker-archive:${legacy}:peer-demo:2.0`]);
    const engine = new Engine();
    engine.load(readFileSync(legacy));
    const again = join(dir, 'again.tar');
    writeFileSync(again, engine.save('peer-demo:2.0'));
    expect(run('skopeo', ['inspect', '--config', '--raw', `docker-archive:${again}`])).toBe(Buffer.from(image.configBytes()).toString('utf8'));
  });
});
