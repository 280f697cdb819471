import { describe, expect, test } from 'vitest';
import { Dockerignore, readDockerignore } from '../../../kernel-lib/src/build/dockerignore';

describe('reading .dockerignore (ignorefile.ReadAll)', () => {
  test('comments, blanks, exceptions, cleaning and the leading slash', () => {
    const text = '\uFEFF# comment\n\nnode_modules\n  .git  \n/build/\n!  ./build/keep.txt\n #not-a-comment\n*.log\r\n';
    expect(readDockerignore(text)).toEqual([
      { pattern: 'node_modules', line: 3 },
      { pattern: '.git', line: 4 },
      { pattern: 'build', line: 5 },
      { pattern: '!build/keep.txt', line: 6 },
      { pattern: '#not-a-comment', line: 7 },
      { pattern: '*.log', line: 8 },
    ]);
  });
});

describe('applying it to a context', () => {
  const ignore = new Dockerignore('.git\nnode_modules\n*.md\n!README.md\nDockerfile\n.dockerignore\n');

  test('excluded files cannot be used; exceptions come back', () => {
    expect(ignore.filter(['app.js', '.git/HEAD', 'node_modules/a/index.js', 'NOTES.md', 'README.md', 'src/x.md'])).toEqual([
      'app.js',
      'README.md',
      'src/x.md',
    ]);
  });

  test('the Dockerfile and .dockerignore are still sent even when listed', () => {
    expect(ignore.excludes('Dockerfile')).toBe(true);
    expect(ignore.sends('Dockerfile')).toBe(true);
    expect(ignore.sends('.dockerignore')).toBe(true);
    expect(ignore.sends('build/app.Dockerfile', 'build/app.Dockerfile')).toBe(true);
    expect(ignore.sends('.git/config')).toBe(false);
  });
});
