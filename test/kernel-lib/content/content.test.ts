import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ContentTooLargeError,
  EMPTY_CONTENT,
  InvalidContentSizeError,
  bytesContent,
  concatContent,
  isContent,
  randomContent,
  seededRandomBytes,
  textContent,
  toContent,
  zeroContent,
} from '../../../kernel-lib/src/content';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const nodeSha = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const join = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));

describe('real content', () => {
  it('holds a copy of the bytes and its text', () => {
    const buf = Buffer.from('hello\n');
    const c = bytesContent(buf);
    buf[0] = 0x4a; // writing to the caller's buffer afterwards must not change the value
    expect(c.text()).toBe('hello\n');
    expect(c.size).toBe(6);
    expect(c.lazy).toBe(false);
    expect(c.describe()).toBe('6 bytes');
    expect(c.digest()).toBe(nodeSha(Buffer.from('hello\n')));
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('streams in chunks of at most the asked size', () => {
    const c = textContent('abcdefghij');
    expect([...c.chunks(4)].map((x) => Buffer.from(x).toString())).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('appends and truncates into new values, leaving the original alone', () => {
    const a = textContent('abc');
    const b = a.append('def');
    expect(a.text()).toBe('abc');
    expect(b.text()).toBe('abcdef');
    expect(b.truncate(2).text()).toBe('ab');
    // truncate(2) beyond the end zero-fills, as truncate(2) does
    expect(hex(a.truncate(5).bytes())).toBe('6162630000');
    expect(a.truncate(5).describe()).toBe('3 bytes + 2 zero bytes');
  });

  it('refuses to materialise more than the limit', () => {
    expect(() => zeroContent(100).bytes(10)).toThrow(ContentTooLargeError);
    expect(() => zeroContent(100).bytes(10)).toThrow(/100 bytes is larger than the 10-byte limit/);
  });

  it('rejects sizes that are not whole non-negative numbers', () => {
    expect(() => zeroContent(-1)).toThrow(InvalidContentSizeError);
    expect(() => randomContent(1.5, 1)).toThrow(/invalid random content size 1.5/);
    expect(() => textContent('x').truncate(-3)).toThrow(InvalidContentSizeError);
  });
});

describe('lazy zero content', () => {
  it('hashes like sha256sum over the same bytes (dd if=/dev/zero)', () => {
    const c = zeroContent(3 << 20).append('tail\n');
    const real = execFileSync('sh', ['-c', 'dd if=/dev/zero bs=1M count=3 2>/dev/null; printf "tail\\n"'], { maxBuffer: 16 << 20 });
    expect(real.length).toBe(c.size);
    const sum = execFileSync('sha256sum', { input: real, maxBuffer: 1 << 20 }).toString().split(' ')[0];
    expect(c.digest()).toBe(`sha256:${sum}`);
    expect(c.lazy).toBe(true);
    expect(c.describe()).toBe('3145728 zero bytes + 5 bytes');
  });

  it('slices across segment boundaries', () => {
    const c = zeroContent(4).append('xy').append(zeroContent(2));
    expect(hex(c.slice(3, 7))).toBe('00787900');
    expect(hex(c.slice(-3))).toBe('790000');
    expect(c.slice(10, 20).length).toBe(0);
  });

  it('merges neighbouring pieces of the same kind', () => {
    const c = zeroContent(10).append(zeroContent(5)).append('a').append('b');
    expect(c.describe()).toBe('15 zero bytes + 2 bytes');
  });
});

describe('seeded random content', () => {
  it('is the documented AES-128-CTR keystream (checked with openssl)', () => {
    const key = createHash('sha256').update('layerlab seeded-random v1\0' + '42').digest().subarray(0, 16);
    const ks = execFileSync('openssl', ['enc', '-aes-128-ctr', '-K', key.toString('hex'), '-iv', '0'.repeat(32)], {
      input: Buffer.alloc(100),
    });
    expect(hex(randomContent(100, 42).bytes())).toBe(ks.toString('hex'));
  });

  it('is the same for the same seed and differs for another seed', () => {
    expect(randomContent(64, 'a').digest()).toBe(randomContent(64, 'a').digest());
    expect(randomContent(64, 'a').digest()).not.toBe(randomContent(64, 'b').digest());
  });

  it('addresses any range directly (slice and truncate agree with the full stream)', () => {
    const full = randomContent(5000, 7).bytes();
    const c = randomContent(5000, 7);
    expect(hex(c.slice(1234, 1300))).toBe(hex(full.subarray(1234, 1300)));
    expect(hex(seededRandomBytes('7', 17, 40))).toBe(hex(full.subarray(17, 57)));
    expect(c.truncate(1001).digest()).toBe(nodeSha(full.subarray(0, 1001)));
    // chunking at an odd size does not change the bytes
    expect(hex(join(c.chunks(333)))).toBe(hex(full));
  });
});

describe('equals and conversions', () => {
  it('compares bytes, whichever way the content was built', () => {
    expect(zeroContent(3).equals(bytesContent(new Uint8Array(3)))).toBe(true);
    expect(textContent('ab').equals(concatContent('a', 'b'))).toBe(true);
    expect(textContent('ab').equals(textContent('ac'))).toBe(false);
    expect(textContent('ab').equals(textContent('abc'))).toBe(false);
    const r = randomContent(2048, 1);
    expect(r.equals(bytesContent(r.bytes()))).toBe(true);
  });

  it('converts FileData', () => {
    const c = textContent('x');
    expect(toContent(c)).toBe(c);
    expect(toContent('x').equals(c)).toBe(true);
    expect(toContent(new Uint8Array([120])).equals(c)).toBe(true);
    expect(isContent(c)).toBe(true);
    expect(isContent('x')).toBe(false);
    expect(EMPTY_CONTENT.size).toBe(0);
    expect(EMPTY_CONTENT.digest()).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
