import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../kernel-lib/src/digest';
import { randomContent, zeroContent } from '../../../kernel-lib/src/content';
import {
  TarFormatError,
  UnsafeTarPathError,
  InvalidTarEntryError,
  gunzipBytes,
  gzipBytes,
  gzipChunks,
  readTar,
  tarChunks,
  tarDigest,
  tarEntry,
  tarSize,
  writeTar,
  type TarEntry,
} from '../../../kernel-lib/src/tar';
import { withForgedFirstName } from './forgedHeader';

const work = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const T = 1_700_000_000_000;
/** One line per entry: what `tar tv` would show, with our normalised fields. */
const listing = (entries: readonly TarEntry[]) =>
  entries
    .map((e) =>
      [e.type.padEnd(8), e.mode.toString(8).padStart(4, '0'), `${e.uid}/${e.gid}`, String(e.content.size).padStart(5), e.mtimeMs / 1000, e.path + (e.linkTarget ? ` -> ${e.linkTarget}` : '')].join(' '),
    )
    .join('\n');

function gnuTar(args: string[], cwd: string): Buffer {
  return execFileSync('tar', args, { cwd, maxBuffer: 64 << 20 });
}

describe('writing (Go archive/tar bytes)', () => {
  it('is byte-identical to GNU tar --format=ustar for dirs, files and symlinks', () => {
    const src = join(work, 'ustar');
    mkdirSync(join(src, 'dir'), { recursive: true });
    writeFileSync(join(src, 'dir/f.txt'), 'hello\n');
    symlinkSync('f.txt', join(src, 'dir/link'));
    chmodSync(join(src, 'dir'), 0o755);
    chmodSync(join(src, 'dir/f.txt'), 0o644);
    for (const p of ['dir/f.txt', 'dir']) utimesSync(join(src, p), T / 1000, T / 1000);
    execFileSync('touch', ['-h', '-d', `@${T / 1000}`, join(src, 'dir/link')]);
    const real = gnuTar(['--format=ustar', '-b1', '--owner=0', '--group=0', '--numeric-owner', '--no-recursion', '-cf', '-', 'dir', 'dir/f.txt', 'dir/link'], src);
    const ours = writeTar([
      tarEntry({ path: 'dir', type: 'dir', mode: 0o755, mtimeMs: T }),
      tarEntry({ path: 'dir/f.txt', content: 'hello\n', mtimeMs: T }),
      tarEntry({ path: 'dir/link', type: 'symlink', linkTarget: 'f.txt', mtimeMs: T }),
    ]);
    expect(Buffer.from(ours).equals(real)).toBe(true);
  });

  it('writes the empty archive as 1024 NUL bytes (moby DigestSHA256EmptyTar)', () => {
    expect(writeTar([]).length).toBe(1024);
    expect(tarDigest([])).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });

  it('splits a long path into ustar prefix/name, and uses PAX when it cannot', () => {
    const deep = `${'d'.repeat(120)}/${'f'.repeat(50)}`;
    const [split] = [tarEntry({ path: deep })].map((e) => writeTar([e]));
    expect(split!.length).toBe(512 + 1024); // one header block: fits as prefix + name
    expect(Buffer.from(split!.subarray(345, 345 + 120)).toString()).toBe('d'.repeat(120));
    const long = 'x'.repeat(180); // no "/" to split at → PAX header "PaxHeaders.0/xxx…"
    const pax = writeTar([tarEntry({ path: long })]);
    expect(Buffer.from(pax.subarray(0, 12)).toString()).toBe('PaxHeaders.0');
    expect(pax[156]).toBe('x'.charCodeAt(0));
    expect(Buffer.from(pax.subarray(512, 512 + 190)).toString()).toBe(`190 path=${long}\n`);
    expect(readTar(pax)[0]!.path).toBe(long);
  });

  it('is read back by GNU tar (PAX long names and link targets, UTF-8 names)', () => {
    const entries = [
      tarEntry({ path: 'x'.repeat(180), content: 'long\n', mtimeMs: T }),
      tarEntry({ path: 'ln', type: 'symlink', linkTarget: `/${'t'.repeat(150)}`, mtimeMs: T }),
      tarEntry({ path: '레이어.txt', content: 'k\n', mtimeMs: T }),
    ];
    writeFileSync(join(work, 'pax.tar'), writeTar(entries));
    const out = gnuTar(['-tvf', 'pax.tar', '--numeric-owner'], work).toString();
    expect(out).toContain(`${'x'.repeat(180)}\n`);
    expect(out).toContain(`ln -> /${'t'.repeat(150)}\n`);
    expect(out).toContain('레이어.txt');
  });

  it('puts sizes over 8 GiB in a PAX record and 0 in the octal field (archive/tar)', () => {
    const e = tarEntry({ path: 'huge', content: zeroContent(9 * 2 ** 30) });
    const head = tarChunks([e]).next().value as Uint8Array;
    const blocks = [...take(tarChunks([e]), 3)];
    expect(Buffer.from(head.subarray(0, 17)).toString()).toBe('PaxHeaders.0/huge');
    expect(Buffer.from(blocks[1]!.subarray(0, 20)).toString()).toBe('19 size=9663676416\n\0');
    expect(Buffer.from(blocks[2]!.subarray(124, 136)).toString('latin1')).toBe('00000000000\0');
    expect(tarSize([e])).toBe(512 * 3 + 9 * 2 ** 30 + 1024);
  });

  it('streams a lazy file: size and digest agree with the materialised archive', () => {
    const entries = [tarEntry({ path: 'r', content: randomContent(3 * 2 ** 20 + 7, 'x') }), tarEntry({ path: 'd', type: 'dir' })];
    const bytes = writeTar(entries);
    expect(tarSize(entries)).toBe(bytes.length);
    expect(tarDigest(entries)).toBe(sha256(bytes));
  });

  it('refuses entries it cannot write', () => {
    expect(() => tarEntry({ path: 'a\0b' })).toThrow(InvalidTarEntryError);
    expect(() => tarEntry({ path: 'l', type: 'symlink' })).toThrow(/a symlink needs a linkTarget/);
    expect(() => tarEntry({ path: '.' })).toThrow(/the archive root itself/);
  });
});

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n === 0) return;
  }
}

describe('reading', () => {
  const tree = () => {
    const src = join(work, `src-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(src, 'a', 'b'.repeat(110)), { recursive: true });
    writeFileSync(join(src, 'a', 'b'.repeat(110), 'c'.repeat(120)), 'deep\n');
    writeFileSync(join(src, 'a/x'), 'x');
    symlinkSync('../'.repeat(3) + 'z'.repeat(120), join(src, 'a/sl'));
    execFileSync('ln', [join(src, 'a/x'), join(src, 'a/hard')]);
    return src;
  };

  it.each(['gnu', 'posix', 'ustar', 'v7'])('reads GNU tar --format=%s (long names and links where the format has them)', (format) => {
    const src = tree();
    const args = ['--format=' + format, '--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@1700000000', '-cf', '-', 'a'];
    let real: Buffer;
    try {
      real = gnuTar(args, src);
    } catch {
      // ustar and v7 cannot hold a 231-byte name: GNU tar refuses, which is itself the format's rule.
      expect(['ustar', 'v7']).toContain(format);
      return;
    }
    const entries = readTar(real);
    expect(listing(entries)).toBe(
      [
        `dir      0755 0/0     0 1700000000 a`,
        `dir      0755 0/0     0 1700000000 a/${'b'.repeat(110)}`,
        `file     0644 0/0     5 1700000000 a/${'b'.repeat(110)}/${'c'.repeat(120)}`,
        `file     0644 0/0     1 1700000000 a/hard`,
        `symlink  0777 0/0     0 1700000000 a/sl -> ../../../${'z'.repeat(120)}`,
        `hardlink 0644 0/0     0 1700000000 a/x -> a/hard`,
      ].join('\n'),
    );
    expect(entries[2]!.content.text()).toBe('deep\n');
  });

  it('reads GNU base-256 numbers (uid beyond the octal field)', () => {
    const src = join(work, 'b256');
    mkdirSync(src);
    writeFileSync(join(src, 'f'), '');
    const real = gnuTar(['--format=gnu', '--owner=3000000', '--group=0', '--numeric-owner', '-cf', '-', 'f'], src);
    expect(real[108]! & 0x80).toBe(0x80);
    expect(readTar(real)[0]!.uid).toBe(3000000);
  });

  it.each([
    ['../etc/passwd', /climbs out of the root/],
    ['/etc/passwd', /it is an absolute path/],
    ['a/../../b', /climbs out of the root/],
  ])('refuses the entry %s', (name, message) => {
    // GNU tar -P keeps such names as given: the archive a malicious image would carry.
    const dir = join(work, 'evil', 'x', 'y');
    mkdirSync(dir, { recursive: true });
    const t = writeTar([tarEntry({ path: 'PLACEHOLDER/' + 'p'.repeat(Math.max(0, name.length - 12)) })]);
    const bytes = withForgedFirstName(t, name);
    expect(() => readTar(bytes)).toThrow(UnsafeTarPathError);
    expect(() => readTar(bytes)).toThrow(message);
  });

  it('skips the root entry "./" and strips "./" prefixes (tar -C dir .)', () => {
    const src = join(work, 'dot');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'sub/f'), 'f');
    const entries = readTar(gnuTar(['--sort=name', '-cf', '-', '.'], src));
    expect(entries.map((e) => e.path)).toEqual(['sub', 'sub/f']);
  });

  it('rejects a corrupted header with its offset', () => {
    const bytes = Buffer.from(writeTar([tarEntry({ path: 'a', content: 'x' }), tarEntry({ path: 'b' })]));
    bytes[1024 + 5] = 0x41; // second header, inside the name
    expect(() => readTar(bytes)).toThrow(TarFormatError);
    expect(() => readTar(bytes)).toThrow(/header checksum mismatch \(at byte 1024\)/);
  });

  it('round-trips every field our writer has', () => {
    const entries = [
      tarEntry({ path: 'bin', type: 'dir', mode: 0o755, mtimeMs: T }),
      tarEntry({ path: 'bin/su', content: 'elf', mode: 0o4755, uid: 0, gid: 0, mtimeMs: T }),
      tarEntry({ path: 'home/u/f', content: 'x', uid: 1000, gid: 1000, uname: 'u', gname: 'u', mtimeMs: T }),
      tarEntry({ path: 'bin/sh', type: 'hardlink', linkTarget: 'bin/su' }),
      tarEntry({ path: 'dev/null', type: 'char', devMajor: 1, devMinor: 3, mode: 0o666 }),
      tarEntry({ path: 'cap', content: '', xattrs: { 'security.capability': 'AQAAAg' } }),
    ];
    const back = readTar(writeTar(entries));
    expect(back).toEqual(entries);
  });
});

describe('gzip', () => {
  it('has a fixed header (no mtime, no name, OS unknown) and gunzips with gzip(1)', () => {
    const data = Buffer.from('hello hello hello hello\n'.repeat(100));
    const gz = gzipBytes(data);
    expect(Buffer.from(gz.subarray(0, 10)).toString('hex')).toBe('1f8b08000000000000ff');
    expect(execFileSync('gzip', ['-dc'], { input: gz }).equals(data)).toBe(true);
    expect(gz.length).toBeLessThan(100);
    expect(sha256(gzipBytes(data))).toBe(sha256(gz)); // deterministic
  });

  it('does not depend on how the input is chunked', () => {
    const r = randomContent(2.5 * 2 ** 20, 3);
    const whole = Buffer.concat([...gzipChunks(r.chunks())]);
    const small = Buffer.concat([...gzipChunks(r.chunks(4096 + 1))]);
    expect(sha256(small)).toBe(sha256(whole));
    expect(Buffer.from(gunzipBytes(whole)).equals(Buffer.from(r.bytes()))).toBe(true);
  });

  it('stores incompressible blocks instead of searching them', () => {
    const r = randomContent(2 ** 20, 9);
    const gz = gzipBytes(r.bytes());
    // stored blocks: 5 bytes per 64 KiB block + 10 header + 2 final + 8 trailer + flush marker
    expect(gz.length).toBeLessThan(r.size + 200);
    expect(execFileSync('gzip', ['-dc'], { input: gz, maxBuffer: 4 << 20 }).equals(Buffer.from(r.bytes()))).toBe(true);
  });
});
