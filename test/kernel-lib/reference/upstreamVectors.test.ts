/**
 * Every vector of distribution/reference's own tests (reference_test.go, normalize_test.go) plus the
 * edge cases computed with a port of its HEAD, copied from shared/reference into fixtures/. Each
 * vector is checked field by field; the loop runs over the whole file, nothing is picked by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawReference } from '../../../kernel-lib/src/reference/parseRawReference';
import { parseDockerRef, parseReference } from '../../../kernel-lib/src/reference/parseReference';
import { InvalidReferenceError } from '../../../kernel-lib/src/reference/InvalidReferenceError';

interface Vector {
  input: string;
  function: 'Parse' | 'ParseNormalizedNamed';
  source: string;
  valid: boolean;
  domain: string | null;
  path: string | null;
  tag: string | null;
  digest: string | null;
  normalized: string | null;
  docker_ref?: string;
  familiar?: string;
  error: string | null;
}

const vectors = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'upstream-reference-vectors.json'), 'utf8')) as Vector[];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('distribution/reference vectors', () => {
  it('holds all 146 vectors (47 Parse, 99 ParseNormalizedNamed)', () => {
    expect(vectors).toHaveLength(146);
    expect(vectors.filter((v) => v.function === 'Parse')).toHaveLength(47);
    expect(vectors.filter((v) => v.function === 'ParseNormalizedNamed')).toHaveLength(99);
  });

  const label = (v: Vector, i: number): string => `#${i + 1} ${v.function}(${JSON.stringify(v.input.length > 70 ? `${v.input.slice(0, 70)}…` : v.input)})`;

  vectors.forEach((v, i) => {
    if (v.valid) {
      it(`${label(v, i)} parses`, () => {
        if (v.function === 'Parse') {
          const r = parseRawReference(v.input);
          expect({ domain: r.domain, path: r.path, tag: r.tag ?? null, digest: r.digest ?? null, normalized: r.string }).toEqual({
            domain: v.domain,
            path: v.path,
            tag: v.tag,
            digest: v.digest,
            normalized: v.normalized,
          });
        } else {
          const r = parseReference(v.input);
          expect({
            domain: r.domain,
            path: r.path,
            tag: r.tag ?? null,
            digest: r.digest ?? null,
            normalized: r.string,
            docker_ref: parseDockerRef(v.input).string,
            familiar: r.familiar,
          }).toEqual({
            domain: v.domain,
            path: v.path,
            tag: v.tag,
            digest: v.digest,
            normalized: v.normalized,
            docker_ref: v.docker_ref,
            familiar: v.familiar,
          });
          // The dockerRef field is ParseDockerRef's result too.
          expect(r.dockerRef).toBe(v.docker_ref);
        }
      });
    } else {
      it(`${label(v, i)} fails with "${(v.error ?? '').slice(0, 60)}"`, () => {
        const parse = v.function === 'Parse' ? parseRawReference : parseReference;
        const error = thrown(() => parse(v.input));
        expect(error).toBeInstanceOf(InvalidReferenceError);
        expect((error as InvalidReferenceError).message).toBe(v.error);
        expect((error as InvalidReferenceError).data.input).toBe(v.input);
      });
    }
  });
});

describe('the fixture', () => {
  const shared = join(__dirname, '../../../../shared/reference/upstream-reference-vectors.json');
  it.skipIf(!existsSync(shared))('is the copy of shared/reference/upstream-reference-vectors.json', () => {
    expect(readFileSync(join(__dirname, 'fixtures', 'upstream-reference-vectors.json'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
