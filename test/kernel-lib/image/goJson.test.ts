import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { goJsonString, goJsonStringify, goMap } from '../../../kernel-lib/src/image/goJson';

describe('goJsonString (Go encoding/json string rules)', () => {
  it('escapes <, > and & as \\u003c, \\u003e, \\u0026 (HTML-safe, unlike JSON.stringify)', () => {
    expect(goJsonString('/bin/sh -c a && b > c < d')).toBe('"/bin/sh -c a \\u0026\\u0026 b \\u003e c \\u003c d"');
    expect(JSON.stringify('a && b')).toBe('"a && b"');
  });

  it('writes \\n \\r \\t \\b \\f short, other controls as \\u00XX, U+2028/2029 escaped', () => {
    expect(goJsonString('a\nb\rc\td\be\ff\u0001g\u001f')).toBe('"a\\nb\\rc\\td\\be\\ff\\u0001g\\u001f"');
    expect(goJsonString('x\u2028y\u2029z')).toBe('"x\\u2028y\\u2029z"');
  });

  it('keeps quotes and backslashes escaped and other Unicode as UTF-8 text', () => {
    expect(goJsonString('say "hi" \\ 안녕 😀')).toBe('"say \\"hi\\" \\\\ 안녕 😀"');
  });

  it('replaces lone surrogates with U+FFFD (Go writes invalid UTF-8 that way)', () => {
    expect(goJsonString('a\ud800b\udc00c')).toBe('"a\ufffdb\ufffdc"');
  });
});

describe('goJsonStringify', () => {
  it('writes plain objects in insertion order (struct fields) and Maps sorted by bytes (Go maps)', () => {
    const value = { z: 1, a: new Map([['9', 'x'], ['10', 'y'], ['B', 'z'], ['a', 'w']]) };
    // A JS object would move "9" and "10" first in numeric order; Go sorts the bytes: "10" < "9" < "B" < "a".
    expect(goJsonStringify(value)).toBe('{"z":1,"a":{"10":"y","9":"x","B":"z","a":"w"}}');
  });

  it('leaves out undefined members (omitempty) and writes null and empty collections', () => {
    expect(goJsonStringify({ a: undefined, b: null, c: [], d: {} })).toBe('{"b":null,"c":[],"d":{}}');
    expect(goMap({})).toBeUndefined();
  });

  it('indents like json.MarshalIndent, which matches Python json.dumps(indent=…) on ASCII data', () => {
    const doc = { schemaVersion: 2, config: { size: 7, digest: 'sha256:ab' }, layers: [{ a: 1 }, { b: [] }], e: {} };
    for (const indent of ['  ', '   ']) {
      const python = execFileSync('python3', ['-c', `import json,sys; sys.stdout.write(json.dumps(json.loads(sys.argv[1]), indent=${indent.length}))`, JSON.stringify(doc)], {
        encoding: 'utf8',
      });
      expect(goJsonStringify(doc, indent)).toBe(python);
    }
  });
});
