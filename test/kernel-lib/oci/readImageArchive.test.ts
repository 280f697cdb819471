import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesContent } from '../../../kernel-lib/src/content';
import { Engine } from '../../../kernel-lib/src/engine';
import {
  BlobDigestMismatchError,
  InvalidImageArchiveError,
  MissingBlobError,
  TruncatedImageArchiveError,
  UnsafeArchivePathError,
  readImageArchive,
} from '../../../kernel-lib/src/oci';
import { gzipBytes, tarEntry, writeTar } from '../../../kernel-lib/src/tar';
import { rewrite, text, twoImages } from './archiveFixture';

const hex = (d: string): string => d.slice(7);

function flipFirstByte(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[0] = copy[0]! ^ 0x01;
  return copy;
}

/** A tar written by Python's tarfile, for entries our own writer refuses to make. */
function pythonTar(files: Record<string, string>): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-pytar-'));
  const out = join(dir, 'out.tar');
  const script = [
    'import io, json, sys, tarfile',
    'files = json.loads(sys.argv[2])',
    'with tarfile.open(sys.argv[1], "w", format=tarfile.PAX_FORMAT) as t:',
    '    for name, body in files.items():',
    '        data = body.encode()',
    '        info = tarfile.TarInfo(name); info.size = len(data)',
    '        t.addfile(info, io.BytesIO(data))',
  ].join('\n');
  execFileSync('python3', ['-c', script, out, JSON.stringify(files)]);
  return readFileSync(out);
}

describe('readImageArchive: formats', () => {
  it('reads the model’s own save back (docker-save) with the same IDs, tags and layers', () => {
    const { engine, base, app } = twoImages();
    const loaded = readImageArchive(engine.save('base:1', 'app:1'));
    expect(loaded.format).toBe('docker-save');
    expect(loaded.images.map((i) => [i.image.id, i.repoTags])).toEqual([
      [base.id, ['base:1']],
      [app.id, ['app:1']],
    ]);
    expect(loaded.images[1]!.image.layers.map((l) => l.diffId)).toEqual(app.diffIds);
  });

  it('reads the OCI layout inside the save when manifest.json is removed (oci-layout), and gzip-compressed archives', () => {
    const { engine, app } = twoImages();
    const withoutManifest = rewrite(engine.save('app:1'), (es) => es.filter((e) => e.path !== 'manifest.json' && e.path !== 'repositories'));
    const loaded = readImageArchive(gzipBytes(withoutManifest));
    expect(loaded.format).toBe('oci-layout');
    expect(loaded.images[0]!.image.id).toBe(app.id);
    expect(loaded.images[0]!.repoTags).toEqual(['app:1']); // from io.containerd.image.name
  });

  it('engine.load stores the images and tags and returns what docker prints after "Loaded image:"', () => {
    const { engine, app } = twoImages();
    const archive = engine.save('app:1', 'localhost:5000/team/app:dev');
    const other = new Engine();
    expect(other.load(archive)).toEqual(['app:1', 'localhost:5000/team/app:dev']);
    expect(other.getImage('app:1').id).toBe(app.id);
    expect(other.load(engine.save(app.id))).toEqual([app.id]); // untagged: "Loaded image ID: sha256:…"
  });
});

describe('readImageArchive: refusals, each with its own error', () => {
  it('a tampered layer blob: BlobDigestMismatch naming both digests', () => {
    const { engine, app } = twoImages();
    const path = `blobs/sha256/${hex(app.diffIds[1]!)}`;
    const tampered = rewrite(engine.save('app:1'), (es) =>
      es.map((e) => (e.path === path ? tarEntry({ ...e, content: flipFirstByte(e.content.bytes()) }) : e)),
    );
    const error = (() => {
      try {
        readImageArchive(tampered);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BlobDigestMismatchError);
    expect((error as BlobDigestMismatchError).code).toBe('BlobDigestMismatch');
    expect((error as Error).message).toMatch(new RegExp(`${path} has been modified: expected digest ${app.diffIds[1]}, got sha256:[0-9a-f]{64}`));
    expect(() => new Engine().load(tampered)).toThrow(BlobDigestMismatchError);
  });

  it('a tampered config (a docker-archive without blob names): caught by the config digest file name', () => {
    const { engine, app } = twoImages();
    const legacyName = `${hex(app.id)}.json`;
    const legacy = rewrite(engine.save('app:1'), (es) =>
      es
        .filter((e) => e.path === 'manifest.json' || e.path.startsWith('blobs/sha256/'))
        .map((e) => {
          if (e.path === 'manifest.json') return tarEntry({ ...e, content: e.content.text().replace(`blobs/sha256/${hex(app.id)}`, legacyName) });
          if (e.path === `blobs/sha256/${hex(app.id)}`) {
            return tarEntry({ ...e, path: legacyName, content: e.content.text().replace('/bin/sh', '/bin/ZZ') });
          }
          return e;
        }),
    );
    expect(() => readImageArchive(legacy)).toThrow(BlobDigestMismatchError);
    expect(() => readImageArchive(legacy)).toThrow(`config ${legacyName} has been modified`);
  });

  it('a layer that does not unpack to the diffID the config lists', () => {
    const { engine, app } = twoImages();
    // Swap the two layer paths in manifest.json: each blob is intact but is the wrong layer.
    const [p0, p1] = app.diffIds.map((d) => `blobs/sha256/${hex(d)}`);
    const swapped = rewrite(engine.save('app:1'), (es) =>
      es.map((e) =>
        e.path === 'manifest.json'
          ? tarEntry({ ...e, content: e.content.text().replace(`"Layers":["${p0}","${p1}"]`, `"Layers":["${p1}","${p0}"]`) })
          : e,
      ),
    );
    expect(() => readImageArchive(swapped)).toThrow(`layer 0 ${p1} has been modified: expected digest ${app.diffIds[0]}`);
  });

  it('a missing blob: MissingBlob', () => {
    const { engine, app } = twoImages();
    const path = `blobs/sha256/${hex(app.diffIds[0]!)}`;
    const missing = rewrite(engine.save('app:1'), (es) => es.filter((e) => e.path !== path));
    expect(() => readImageArchive(missing)).toThrow(MissingBlobError);
    expect(() => readImageArchive(missing)).toThrow(`layer 0 ${path} is referenced but missing from the archive`);
  });

  it('a truncated archive: TruncatedImageArchive (cut inside a blob, or without the end marker)', () => {
    const { engine } = twoImages();
    const archive = engine.save('app:1');
    expect(() => readImageArchive(archive.subarray(0, 2000))).toThrow(TruncatedImageArchiveError);
    expect(() => readImageArchive(archive.subarray(0, 2000))).toThrow(/truncated archive: entry data runs past the end/);
    // Cut on a block boundary right after a header: no end-of-archive marker.
    expect(() => readImageArchive(archive.subarray(0, 512))).toThrow('truncated archive: the end-of-archive marker is missing');
  });

  it('entries escaping the archive root: UnsafeArchivePath', () => {
    expect(() => readImageArchive(pythonTar({ '../evil': 'x', 'manifest.json': '[]' }))).toThrow(UnsafeArchivePathError);
    expect(() => readImageArchive(pythonTar({ '/etc/evil': 'x' }))).toThrow(UnsafeArchivePathError);
    const { engine } = twoImages();
    const escaping = rewrite(engine.save('app:1'), (es) =>
      es.map((e) => (e.path === 'manifest.json' ? tarEntry({ ...e, content: e.content.text().replace(/"Config":"[^"]+"/, '"Config":"../../etc/passwd"') }) : e)),
    );
    expect(() => readImageArchive(escaping)).toThrow(`refusing config path "../../etc/passwd": it points outside the archive root`);
  });

  it('a layer whose own entries escape the root', () => {
    const evilLayer = pythonTar({ '../../root/.bashrc': 'pwned' });
    const layerHex = createHash('sha256').update(evilLayer).digest('hex');
    const config = `{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:${layerHex}"]}}`;
    const archive = writeTar([
      tarEntry({ path: `${layerHex}.tar`, content: bytesContent(evilLayer) }),
      tarEntry({ path: 'config.json', content: config }),
      tarEntry({ path: 'manifest.json', content: `[{"Config":"config.json","RepoTags":["evil:1"],"Layers":["${layerHex}.tar"]}]` }),
    ]);
    expect(() => readImageArchive(archive)).toThrow(UnsafeArchivePathError);
    expect(() => readImageArchive(archive)).toThrow(/entry of layer 0/);
  });

  it('not an image archive: InvalidImageArchive with docker’s wording', () => {
    expect(() => readImageArchive(writeTar([tarEntry({ path: 'hello.txt', content: 'hi' })]))).toThrow(
      'invalid archive: does not contain a manifest.json',
    );
    expect(() => readImageArchive(new TextEncoder().encode('definitely not a tar archive, just some text that is long enough'.repeat(10)))).toThrow(
      InvalidImageArchiveError,
    );
    const { engine } = twoImages();
    const wrongCount = rewrite(engine.save('base:1'), (es) =>
      es.map((e) => (e.path === 'manifest.json' ? tarEntry({ ...e, content: e.content.text().replace('"Layers":[', '"Layers":["x",') }) : e)),
    );
    expect(() => readImageArchive(wrongCount)).toThrow('invalid archive: invalid manifest, layers length mismatch: expected 2, got 1');
    expect(text(engine.save('base:1'), 'manifest.json')).toContain('"RepoTags":["base:1"]');
  });

  it('nothing is stored when a load fails', () => {
    const { engine, app } = twoImages();
    const path = `blobs/sha256/${hex(app.diffIds[1]!)}`;
    const broken = rewrite(engine.save('base:1', 'app:1'), (es) => es.filter((e) => e.path !== path));
    const other = new Engine();
    expect(() => other.load(broken)).toThrow(MissingBlobError);
    expect(other.images()).toEqual([]);
  });
});

describe('readImageArchive: a real docker-archive written to disk', () => {
  it('round-trips through the filesystem (GNU tar repacks it) with the same image ID', () => {
    const { engine, app } = twoImages();
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-gnutar-'));
    writeFileSync(join(dir, 'a.tar'), engine.save('app:1'));
    execFileSync('mkdir', [join(dir, 'x')]);
    execFileSync('tar', ['-xf', join(dir, 'a.tar'), '-C', join(dir, 'x')]);
    execFileSync('tar', ['-cf', join(dir, 'b.tar'), '-C', join(dir, 'x'), '.']);
    const loaded = readImageArchive(readFileSync(join(dir, 'b.tar')));
    expect(loaded.images[0]!.image.id).toBe(app.id);
  });
});
