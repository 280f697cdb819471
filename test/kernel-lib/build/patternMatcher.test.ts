import { describe, expect, test } from 'vitest';
import { cleanPath, compilePattern, DockerignoreMatcher, DockerignorePatternError } from '../../../kernel-lib/src/build/patternMatcher';

// Vectors of moby/patternmatcher's patternmatcher_test.go (OCI-FACTS §6) and the rules behind them.
describe('one pattern', () => {
  test.each([
    ['**', 'dir/file', true],
    ['**/', 'dir/file', true],
    ['**/', 'dir/dir2/file', true],
    ['**/file', 'file', true],
    ['**/file', 'dir/file', true],
    ['**/file', 'dir/dir2/file', true],
    ['**file', 'file', true],
    ['**file', 'x/y/file', true],
    ['abc/**', 'abc', false],
    ['abc/**', 'abc/def', true],
    ['abc/**', 'abc/def/ghi', true],
    ['**/dir2/*', 'dir/dir2/file', true],
    ['**/dir2/*', 'dir/dir2/dir3/file', false],
    ['**/dir2/**', 'dir/dir2/dir3/file', true],
    ['a/*.txt', 'a/file.txt', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aze', false],
    ['a[^b-d]e', 'aze', true],
    ['.*', '.foo', true],
    ['abc?def', 'abcxdef', true],
    ['abc?def', 'abcdef', false],
    ['abc?def', 'abc/def', false],
    ['**/foo/bar', 'foo/bar', true],
    ['**/foo/bar', 'dir/foo/bar', true],
    ['a(b)c/def', 'a(b)c/def', true],
    ['a(b)c/def', 'a(b)c/xyz', false],
    ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
    ['dist/*.js', 'dist/app.js', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
  ])('%s vs %s → %s', (pattern, path, expected) => {
    expect(compilePattern(cleanPath(pattern), false).test(path)).toBe(expected);
  });

  test('bad patterns are errors', () => {
    expect(() => new DockerignoreMatcher(['['])).toThrow(DockerignorePatternError);
    expect(() => new DockerignoreMatcher(['[]a]'])).toThrow('syntax error in pattern');
    expect(() => new DockerignoreMatcher(['!'])).toThrow('illegal exclusion pattern: "!"');
  });
});

describe('a list of patterns: the last match wins, parents count', () => {
  const excluded = (patterns: string[], path: string): boolean => new DockerignoreMatcher(patterns).matches(path);

  test.each([
    [['**', '!util/docker/web'], 'util/docker/web/foo', false],
    [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
    [['*.go', '!fileutils.go'], 'fileutils.go', false],
    [['!fileutils.go', '*.go'], 'fileutils.go', true],
    [['docs'], 'docs/README.md', true],
    [['docs', '!docs/README.md'], 'docs/README.md', false],
    [['docs', '!docs/README.md'], 'docs/other.md', true],
    [['a*'], 'ab/c', true],
    [['node_modules'], 'node_modules/express/index.js', true],
    [['node_modules'], 'src/node_modules/x', false],
    [['**/node_modules'], 'src/node_modules/x', true],
    [['*.md', '!README*.md', 'README-secret.md'], 'README.md', false],
    [['*.md', '!README*.md', 'README-secret.md'], 'README-secret.md', true],
  ])('%j on %s → excluded %s', (patterns, path, expected) => {
    expect(excluded(patterns, path)).toBe(expected);
  });

  test('patterns are cleaned: a leading ./ and a trailing / do not matter', () => {
    expect(excluded(['./build/'], 'build/out.js')).toBe(true);
    expect(excluded(['a//b'], 'a/b')).toBe(true);
  });

  test('decide() names the pattern that decided', () => {
    const matcher = new DockerignoreMatcher(['*.log', '!keep.log']);
    expect(matcher.decide('keep.log')).toEqual({ excluded: false, decidedBy: '!keep.log' });
    expect(matcher.decide('app.log')).toEqual({ excluded: true, decidedBy: '*.log' });
    expect(matcher.decide('app.js')).toEqual({ excluded: false, decidedBy: undefined });
  });
});

test('cleanPath is Go\'s filepath.Clean', () => {
  expect(['', '.', './a', 'a/', 'a//b', 'a/./b', 'a/../b', '../a', '/a/../..', '/'].map(cleanPath)).toEqual([
    '.', '.', 'a', 'a', 'a/b', 'a/b', 'b', '../a', '/', '/',
  ]);
});
