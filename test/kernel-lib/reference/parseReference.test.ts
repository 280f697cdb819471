import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAnyReference,
  parseCanonicalReference,
  parseDockerRef,
  parseReference,
  tagNameOnly,
  trimNamed,
  withDigest,
  withTag,
  isValidTag,
} from '../../../kernel-lib/src/reference/parseReference';
import { parseRawReference } from '../../../kernel-lib/src/reference/parseRawReference';
import { InvalidReferenceError } from '../../../kernel-lib/src/reference/InvalidReferenceError';
import { familiarName, familiarString } from '../../../kernel-lib/src/reference/familiar';
import { splitDockerDomain } from '../../../kernel-lib/src/reference/splitDockerDomain';
import { referenceGrammar } from '../../../kernel-lib/src/reference/grammar';

const D = 'sha256:e6693c20186f837fc393390135d8a598a96a833917917789d63766cab6c59582';

function caught(run: () => unknown): InvalidReferenceError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidReferenceError) return error;
    throw error;
  }
  throw new Error('expected an InvalidReferenceError');
}

describe('parseReference (ParseNormalizedNamed)', () => {
  it('gives the shape DESIGN.md names, with every form of a bare official name', () => {
    const r = parseReference('nginx');
    expect({ ...r }).toEqual({
      domain: 'docker.io',
      path: 'library/nginx',
      name: 'docker.io/library/nginx',
      familiarName: 'nginx',
      familiar: 'nginx',
      string: 'docker.io/library/nginx',
      canonical: 'docker.io/library/nginx:latest',
      dockerRef: 'docker.io/library/nginx:latest',
    });
    expect('tag' in r).toBe(false);
    expect('digest' in r).toBe(false);
    expect(String(r)).toBe('docker.io/library/nginx');
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('keeps tag and digest; canonical keeps both, dockerRef keeps only the digest', () => {
    const r = parseReference(`nginx:1.21-alpine@${D}`);
    expect([r.tag, r.digest, r.familiar]).toEqual(['1.21-alpine', D, `nginx:1.21-alpine@${D}`]);
    expect(r.canonical).toBe(`docker.io/library/nginx:1.21-alpine@${D}`);
    expect(r.dockerRef).toBe(`docker.io/library/nginx@${D}`);
    expect(parseDockerRef(`nginx:1.21-alpine@${D}`).string).toBe(`docker.io/library/nginx@${D}`);
  });

  it.each([
    ['123.dkr.ecr.ap-northeast-2.amazonaws.com/app', '123.dkr.ecr.ap-northeast-2.amazonaws.com', 'app'],
    ['myreg.azurecr.io/app', 'myreg.azurecr.io', 'app'],
    ['harbor.example.com/proj/app', 'harbor.example.com', 'proj/app'],
    ['localhost:5000/app', 'localhost:5000', 'app'],
    ['gcr.io/proj/team/app', 'gcr.io', 'proj/team/app'],
    ['[::1]:5000/app', '[::1]:5000', 'app'],
    ['[2001:db8::1]/app', '[2001:db8::1]', 'app'],
    ['myregistry/cache', 'docker.io', 'myregistry/cache'],
    ['a/b/c/d', 'docker.io', 'a/b/c/d'],
  ])('%s → domain %s, path %s (registry only with ".", ":" or localhost)', (text, domain, path) => {
    const r = parseReference(text);
    expect([r.domain, r.path]).toEqual([domain, path]);
    expect(r.familiarName).toBe(domain === 'docker.io' ? path : text);
  });

  it('reads "host:80" without a slash as a Docker Hub repository with tag 80', () => {
    const r = parseReference('192.168.0.1:80');
    expect([r.name, r.tag]).toEqual(['docker.io/library/192.168.0.1', '80']);
  });

  it('rewrites the legacy index.docker.io domain and adds library/ only to one-component Hub paths', () => {
    expect(parseReference('index.docker.io/ubuntu').name).toBe('docker.io/library/ubuntu');
    expect(parseReference('docker.io/library/foo/bar').familiar).toBe('library/foo/bar');
    expect(parseReference('quay.io/ubuntu').name).toBe('quay.io/ubuntu');
  });

  it('applies the 255-character limit to the path only', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.example.com`;
    expect(parseReference(`${domain}/${'a'.repeat(255)}`).path).toHaveLength(255);
    const e = caught(() => parseReference(`${domain}/${'a'.repeat(256)}`));
    expect([e.code, e.message]).toEqual(['ReferenceNameTooLong', 'repository name must not be more than 255 characters']);
  });

  it('accepts a tag of 128 characters and refuses 129', () => {
    expect(parseReference(`redis:${'a'.repeat(128)}`).tag).toHaveLength(128);
    expect(caught(() => parseReference(`redis:${'a'.repeat(129)}`)).code).toBe('ReferenceInvalidFormat');
  });

  it('throws typed errors with a stable code, the input, an English fix and a Korean hint', () => {
    const e = caught(() => parseReference('Ubuntu'));
    expect(e.code).toBe('ReferencePathNotLowercase');
    expect(e.message).toBe('invalid reference format: repository name (library/Ubuntu) must be lowercase');
    expect(e.data.input).toBe('Ubuntu');
    expect(e.data.fix).toMatch(/lowercase/);
    expect(e.hint).toMatch(/소문자/);
    const short = caught(() => parseReference('nginx@sha256:abcd1234abcd1234abcd1234abcd1234'));
    expect([short.code, short.message]).toEqual(['DigestInvalidLength', 'invalid checksum digest length']);
    expect(caught(() => parseReference('')).message).toBe('invalid reference format');
    expect(caught(() => parseRawReference('')).message).toBe('repository name must have at least one component');
  });
});

describe('parseRawReference (Parse, no normalisation)', () => {
  it('applies no default: no domain, no library/, no tag', () => {
    expect({ ...parseRawReference('ubuntu') }).toEqual({ domain: '', path: 'ubuntu', name: 'ubuntu', string: 'ubuntu' });
    // Greedy split: a first component that can be a domain is one.
    expect(parseRawReference('a/a/a').domain).toBe('a');
  });
});

describe('the functions around it', () => {
  it('parseCanonicalReference accepts only fully qualified text', () => {
    expect(parseCanonicalReference('docker.io/library/ubuntu:22.04').tag).toBe('22.04');
    const e = caught(() => parseCanonicalReference('ubuntu:22.04'));
    expect([e.code, e.message]).toEqual(['ReferenceNameNotCanonical', 'repository name must be canonical']);
  });

  it('parseAnyReference tells IDs, digests and names apart', () => {
    const hex = D.slice('sha256:'.length);
    expect(parseAnyReference(hex)).toEqual({ kind: 'digest', digest: D });
    expect(parseAnyReference(D)).toEqual({ kind: 'digest', digest: D });
    const named = parseAnyReference(hex.slice(1));
    expect(named.kind === 'named' && named.reference.name).toBe(`docker.io/library/${hex.slice(1)}`);
    const e = caught(() => parseReference(hex));
    expect(e.message).toBe(`invalid repository name (${hex}), cannot specify 64-byte hexadecimal strings`);
  });

  it('tagNameOnly, withTag, withDigest and trimNamed build new frozen references', () => {
    const r = parseReference('localhost:5000/app');
    expect(tagNameOnly(r).string).toBe('localhost:5000/app:latest');
    expect(tagNameOnly(parseReference(`app@${D}`)).string).toBe(`docker.io/library/app@${D}`);
    expect(withTag(r, 'v2').familiar).toBe('localhost:5000/app:v2');
    expect(withDigest(withTag(r, 'v2'), D).string).toBe(`localhost:5000/app:v2@${D}`);
    expect(trimNamed(parseReference(`app:1@${D}`)).string).toBe('docker.io/library/app');
    expect(caught(() => withTag(r, '-bad')).message).toBe('invalid tag format');
    expect(caught(() => withDigest(r, 'nope')).message).toBe('invalid digest format');
    expect([isValidTag('v2.0.1'), isValidTag('.x'), isValidTag('_x')]).toEqual([true, false, true]);
  });

  it('familiarName/familiarString and splitDockerDomain work on any reference-like value', () => {
    expect(familiarName({ domain: 'docker.io', path: 'library/redis' })).toBe('redis');
    expect(familiarString({ domain: 'docker.io', path: 'dmcgowan/myapp', tag: '1' })).toBe('dmcgowan/myapp:1');
    expect(splitDockerDomain('localhost')).toEqual({ domain: 'docker.io', remainder: 'library/localhost' });
    expect(splitDockerDomain('Foo/bar')).toEqual({ domain: 'Foo', remainder: 'bar' });
  });

  it('exposes the grammar productions as the regexp.go sources', () => {
    expect(referenceGrammar.separator).toBe('(?:[._]|__|[-]+)');
    expect(referenceGrammar.tag).toBe('[\\w][\\w.-]{0,127}');
    expect(new RegExp(`^${referenceGrammar.pathComponent}$`).test('docker---rules')).toBe(true);
  });
});

describe('properties', () => {
  const component = fc.stringMatching(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/).filter((s) => s.length <= 40);
  const tag = fc.stringMatching(/^\w[\w.-]{0,20}$/);
  it('normalising a normalised reference changes nothing, and the familiar form parses back to it', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 3 }), fc.option(tag, { nil: undefined }), (parts, t) => {
        const text = parts.join('/') + (t === undefined ? '' : `:${t}`);
        fc.pre(!/^[a-f0-9]{64}$/.test(text));
        const r = parseReference(text);
        expect(parseReference(r.string).string).toBe(r.string);
        expect(parseReference(r.familiar).string).toBe(r.string);
        expect(parseCanonicalReference(r.string).string).toBe(r.string);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
