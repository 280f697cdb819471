import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  InvalidDigestError,
  Sha256Hasher,
  digestHex,
  isDigest,
  parseDigest,
  sha256,
  sha256Chunks,
  shortId,
  verify,
} from 'kernel-lib';

describe('sha256', () => {
  it('hashes the UTF-8 bytes of a string, with the algorithm prefix', () => {
    // The well-known digest of "hello" (no newline).
    expect(sha256('hello')).toBe('sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    // The empty digest that OCI-FACTS §1.4 lists (an empty blob).
    expect(sha256(new Uint8Array())).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with sha256sum on the same bytes', () => {
    const bytes = Buffer.from('레이어랩 — layerlab\n', 'utf8');
    const out = execFileSync('sha256sum', { input: bytes }).toString().split(' ')[0];
    expect(sha256(bytes)).toBe(`sha256:${out}`);
  });

  it('gives the same digest streamed in chunks as in one piece', () => {
    const all = Buffer.from('abcdefghijklmnopqrstuvwxyz');
    const chunks = [all.subarray(0, 3), all.subarray(3, 20), all.subarray(20)];
    expect(sha256Chunks(chunks)).toBe(sha256(all));
    const h = new Sha256Hasher().update('abc').update(all.subarray(3));
    expect(h.bytes).toBe(26);
    expect(h.digest()).toBe(sha256(all));
  });

  it('changes completely when one byte changes', () => {
    const a = digestHex(sha256('hello world'));
    const b = digestHex(sha256('hello worle'));
    const same = [...a].filter((c, i) => c === b[i]).length;
    expect(a).not.toBe(b);
    expect(same).toBeLessThan(16); // ~4 of 64 hex digits agree by chance
  });
});

describe('parseDigest', () => {
  it('accepts a well-formed sha256 digest and returns the same text', () => {
    const d = 'sha256:' + 'a'.repeat(64);
    expect(parseDigest(d)).toBe(d);
    expect(isDigest(d)).toBe(true);
  });

  it.each([
    ['sha256:' + 'A'.repeat(64), 'lowercase hex'],
    ['sha256:' + 'a'.repeat(63), 'have 64 hex digits, this one has 63'],
    ['md5:' + 'a'.repeat(32), 'unsupported digest algorithm "md5"'],
    ['a'.repeat(64), 'expected "<algorithm>:<encoded>"'],
    ['sha256:', 'expected "<algorithm>:<encoded>"'],
  ])('rejects %s naming the problem', (text, problem) => {
    expect(() => parseDigest(text)).toThrow(InvalidDigestError);
    expect(() => parseDigest(text)).toThrow(problem);
    expect(isDigest(text)).toBe(false);
  });

  it('carries a code, the value and a Korean hint', () => {
    try {
      parseDigest('sha256:xyz');
      expect.unreachable();
    } catch (e) {
      const err = e as InvalidDigestError;
      expect(err.code).toBe('InvalidDigest');
      expect(err.data.value).toBe('sha256:xyz');
      expect(err.hint).toMatch(/16진수 64자/);
    }
  });
});

describe('shortId and verify', () => {
  it('shortens to the 12 hex digits the docker CLI prints', () => {
    expect(shortId(sha256('hello'))).toBe('2cf24dba5fb0');
  });

  it('verifies the right bytes and rejects tampered ones', () => {
    const d = sha256('layer bytes');
    expect(verify(d, 'layer bytes')).toBe(true);
    expect(verify(d, 'layer bytez')).toBe(false);
  });

  it('verifies sha512 digests too', () => {
    const hex = execFileSync('sha512sum', { input: 'x' }).toString().split(' ')[0]!;
    expect(verify(parseDigest(`sha512:${hex}`), 'x')).toBe(true);
  });
});
