import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../kernel-lib/src/digest';
import { zeroContent } from '../../../kernel-lib/src/content';
import { readTar } from '../../../kernel-lib/src/tar';
import { withForgedFirstName } from '../tar/forgedHeader';
import {
  FileTree,
  InvalidLayerError,
  InvalidWhiteoutError,
  LayerApplyError,
  applyLayer,
  emptyLayer,
  flattenLayers,
  layerFromBlob,
  layerFromEntries,
  layerFromTar,
  layerFromTree,
  newDirNode,
  printFileTree,
  type LayerEntryInput,
} from '../../../kernel-lib/src/layer';

const L = (...entries: LayerEntryInput[]) => layerFromEntries(entries);
const base = L(
  { kind: 'dir', path: 'etc' },
  { kind: 'file', path: 'etc/hosts', content: '127.0.0.1\n' },
  { kind: 'file', path: 'etc/motd', content: 'hi\n' },
  { kind: 'dir', path: 'etc/ssl' },
  { kind: 'file', path: 'etc/ssl/cert.pem', content: 'CERT' },
  { kind: 'dir', path: 'usr/lib', mode: 0o755 },
  { kind: 'symlink', path: 'lib', linkTarget: 'usr/lib' },
);
const tree = (...layers: ReturnType<typeof L>[]) => printFileTree(flattenLayers([base, ...layers]));
const names = (layer: ReturnType<typeof L>) => layer.tarEntries.map((e) => e.path + (e.type === 'dir' ? '/' : ''));

describe('whiteouts (OCI layer.md), one test per rule', () => {
  it('a whiteout deletes a file of a lower layer', () => {
    const layer = L({ kind: 'whiteout', path: 'etc/motd' });
    expect(names(layer)).toEqual(['etc/.wh.motd']);
    expect(tree(layer)).toMatchInlineSnapshot(`
      "/
      ├── etc/
      │   ├── hosts  10 B  "127.0.0.1\\n"
      │   └── ssl/
      │       └── cert.pem  4 B  "CERT"
      ├── lib -> usr/lib
      └── usr/
          └── lib/"
    `);
  });

  it('one whiteout deletes a whole directory (no entry per child)', () => {
    expect(tree(L({ kind: 'whiteout', path: 'etc/ssl' }))).not.toContain('ssl');
  });

  it('a whiteout only affects lower layers: the same layer may add the path back', () => {
    const layer = L({ kind: 'whiteout', path: 'etc/motd' }, { kind: 'file', path: 'etc/motd', content: 'new\n' });
    expect(names(layer)).toEqual(['etc/.wh.motd', 'etc/motd']);
    expect(tree(layer)).toContain('motd  4 B  "new\\n"');
  });

  it('an opaque directory hides every lower child but keeps its own layer’s children, wherever the marker sits', () => {
    const layer = layerFromEntries(
      [
        { kind: 'dir', path: 'etc' },
        { kind: 'file', path: 'etc/new.conf', content: 'n' },
        { kind: 'opaque', path: 'etc' }, // after its sibling in the tar: still applies first
      ],
      { order: 'given' },
    );
    expect(names(layer)).toEqual(['etc/', 'etc/new.conf', 'etc/.wh..wh..opq']);
    expect(tree(layer)).toMatchInlineSnapshot(`
      "/
      ├── etc/
      │   └── new.conf  1 B  "n"
      ├── lib -> usr/lib
      └── usr/
          └── lib/"
    `);
  });

  it('an opaque marker for a directory absent below just makes the directory', () => {
    expect(tree(L({ kind: 'opaque', path: 'opt/app' }))).toContain('opt/\n│   └── app/');
  });

  it('a whiteout of a path absent below deletes nothing, but its parent is created (go-archive MkdirAll)', () => {
    expect(tree(L({ kind: 'whiteout', path: 'etc/nope' }))).toBe(tree());
    expect(tree(L({ kind: 'whiteout', path: 'nope/x' }))).toBe(tree(L({ kind: 'dir', path: 'nope' })));
  });

  it.each(['.wh.', 'etc/.wh..', 'etc/.wh...'])('"%s" is an invalid whiteout', (path) => {
    const tar = new Uint8Array(L({ kind: 'file', path: 'placeholder', content: '' }).tarBytes());
    // Craft the tar a broken generator would write.
    const bytes = withForgedFirstName(tar, path);
    expect(() => layerFromTar(bytes)).toThrow(InvalidWhiteoutError);
    expect(() => layerFromTar(bytes)).toThrow(/invalid whiteout entry/);
  });

  it('AUFS metadata (.wh..wh.plnk) is ignored on import', () => {
    const src = mkdtempSync(join(tmpdir(), 'layerlab-plnk-'));
    mkdirSync(join(src, '.wh..wh.plnk'));
    writeFileSync(join(src, 'f'), 'x');
    const layer = layerFromTar(execFileSync('tar', ['--sort=name', '-cf', '-', '.wh..wh.plnk', 'f'], { cwd: src }));
    rmSync(src, { recursive: true });
    expect(layer.entries.map((e) => e.path)).toEqual(['f']);
  });

  it('a real file cannot be named .wh.*', () => {
    expect(() => L({ kind: 'file', path: 'etc/.wh.motd' })).toThrow(InvalidLayerError);
    expect(() => L({ kind: 'file', path: 'etc/.wh.motd' })).toThrow(/reserved for whiteouts/);
  });

  it('whiteouts sit where the deleted name sorts; opaque markers right after their directory', () => {
    const layer = L(
      { kind: 'file', path: 'a.txt' },
      { kind: 'file', path: 'a/z' },
      { kind: 'dir', path: 'a' },
      { kind: 'whiteout', path: 'a/m' },
      { kind: 'opaque', path: 'a' },
      { kind: 'dir', path: 'b' },
    );
    // Go's filepath.Walk order: "a", its children, then "a.txt" (not the byte order of full paths).
    expect(names(layer)).toEqual(['a/', 'a/.wh..wh..opq', 'a/.wh.m', 'a/z', 'a.txt', 'b/']);
  });
});

describe('applying entries (OCI layer.md "Applying Changesets")', () => {
  it('a directory over a directory replaces only its attributes', () => {
    expect(tree(L({ kind: 'dir', path: 'etc', mode: 0o700, uid: 5, gid: 5 }))).toContain('etc/  0700  5:5\n│   ├── hosts');
  });

  it('a file over a directory removes the directory and its children', () => {
    expect(tree(L({ kind: 'file', path: 'etc/ssl', content: 'f' }))).toContain('└── ssl  1 B  "f"');
  });

  it('a directory over a file replaces the file', () => {
    expect(tree(L({ kind: 'dir', path: 'etc/motd' }))).toContain('├── motd/');
  });

  it('missing parents are created with mode 0755', () => {
    const t = flattenLayers([L({ kind: 'file', path: 'opt/a/b/c', mode: 0o600 })]);
    expect(printFileTree(t, { modes: true })).toMatchInlineSnapshot(`
      "/
      └── opt/  0755
          └── a/  0755
              └── b/  0755
                  └── c  0600  0 B  """
    `);
  });

  it('a path through a symlink lands in the symlink’s target directory', () => {
    expect(tree(L({ kind: 'file', path: 'lib/libc.so', content: 'elf' }))).toContain('usr/\n    └── lib/\n        └── libc.so');
  });

  it('a hard link shares its target’s content', () => {
    const t = flattenLayers([base, L({ kind: 'hardlink', path: 'etc/hosts2', linkTarget: 'etc/hosts' })]);
    const a = t.get('/etc/hosts');
    const b = t.get('/etc/hosts2');
    expect(b?.kind === 'file' && a?.kind === 'file' && b.content === a.content).toBe(true);
    expect(() => flattenLayers([L({ kind: 'hardlink', path: 'x', linkTarget: 'missing' })])).toThrow(LayerApplyError);
  });

  it('a path appears once per layer', () => {
    expect(() => L({ kind: 'file', path: 'a' }, { kind: 'dir', path: 'a' })).toThrow(/appears twice/);
  });

  it('applyLayer returns a new tree and leaves the old one alone', () => {
    const before = flattenLayers([base]);
    const after = applyLayer(before, L({ kind: 'whiteout', path: 'etc' }));
    expect(before.get('etc')).toBeDefined();
    expect(after.get('etc')).toBeUndefined();
  });
});

describe('identities', () => {
  it('the empty layer is the 1024-byte empty tar', () => {
    expect(emptyLayer().diffId).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    expect(emptyLayer().size).toBe(1024);
  });

  it('diffId is the digest of the tar, digest of the gzip; sizes of both', () => {
    const layer = L({ kind: 'file', path: 'hello.txt', content: 'hello\n', mtimeMs: 1_700_000_000_000 });
    expect(layer.diffId).toBe(sha256(layer.tarBytes()));
    expect(layer.digest).toBe(sha256(layer.blobBytes()));
    expect(layer.size).toBe(2048);
    expect(layer.compressedSize).toBe(layer.blobBytes().length);
    expect(layer.diffSize).toBe(6);
    expect(execFileSync('tar', ['-tzvf', '-', '--numeric-owner'], { input: layer.blobBytes() }).toString()).toMatch(
      /^-rw-r--r-- 0\/0 +6 2023-11-1\d \d\d:\d\d hello.txt\n$/,
    );
  });

  it('a layer read from tar keeps the exact bytes (GNU tar’s archive, 10 KiB records and all)', () => {
    const src = mkdtempSync(join(tmpdir(), 'layerlab-gnutar-'));
    writeFileSync(join(src, 'f'), 'x');
    const bytes = execFileSync('tar', ['-cf', '-', 'f'], { cwd: src });
    rmSync(src, { recursive: true });
    const layer = layerFromTar(bytes);
    expect(layer.size).toBe(10240);
    expect(layer.diffId).toBe(sha256(bytes));
    const again = layerFromBlob(layer.blobBytes());
    expect(again.diffId).toBe(layer.diffId);
    expect(again.digest).toBe(layer.digest);
  });

  it('a 64 MiB lazy file is streamed, not held, to compute the identities', () => {
    const layer = L({ kind: 'file', path: 'big', content: zeroContent(64 << 20) });
    expect(layer.size).toBe(512 + (64 << 20) + 1024);
    expect(layer.diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(layer.compressedSize).toBeLessThan(200_000);
  });
});

describe('the changeset of an overlay upper (go-archive overlay → tar)', () => {
  it('whiteouts become .wh. files (0600) and opaque dirs get a marker with the dir’s bits and mtime 0', () => {
    const upper = new FileTree();
    const etc = newDirNode({ mode: 0o750, mtimeMs: 5000 });
    etc.opaque = true;
    etc.children.set('new', { kind: 'file', content: zeroContent(0), mode: 0o644, uid: 0, gid: 0, mtimeMs: 6000, layer: -1 });
    upper.root.children.set('etc', etc);
    upper.root.children.set('gone', { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtimeMs: 7000, layer: -1 });
    const layer = layerFromTree(upper);
    const entries = readTar(layer.tarBytes());
    expect(entries.map((e) => `${e.path} ${e.type} ${e.mode.toString(8)} ${e.mtimeMs / 1000}`)).toEqual([
      'etc dir 750 5',
      'etc/.wh..wh..opq file 750 0',
      'etc/new file 644 6',
      '.wh.gone file 600 7',
    ]);
  });
});
