/**
 * `docker diff` rules (OCI-FACTS §3.4, go-archive changes.go), one case each, printed as the CLI
 * prints them. The peer test (test/peers/busyboxChroot.test.ts) checks the same rules on real trees.
 */
import { describe, expect, it } from 'vitest';
import { formatContainerChanges } from './formatChanges';
import { engineWithApp } from './containerFixture';

function diffAfter(script: string): string {
  const engine = engineWithApp();
  const c = engine.run('app:1');
  const r = c.exec(script);
  expect(r.stderr).toBe('');
  return formatContainerChanges(engine.diff(c));
}

describe('docker diff', () => {
  it('an untouched container has no changes (init layer and mounts are not the container’s)', () => {
    expect(diffAfter('true')).toBe('');
  });

  it('A for a new path and every path under a new directory; the parent is C', () => {
    expect(diffAfter('mkdir -p /app/new/deep && echo x > /app/new/deep/f && ln -s f /app/new/link')).toMatchInlineSnapshot(`
      "C /app
      A /app/new
      A /app/new/deep
      A /app/new/deep/f
      A /app/new/link"
    `);
  });

  it('D only for the topmost removed path', () => {
    expect(diffAfter('rm -rf /app/lib')).toMatchInlineSnapshot(`
      "C /app
      D /app/lib"
    `);
  });

  it('C for a changed file (content/size), for every directory above it, never for /', () => {
    expect(diffAfter('echo more >> /app/lib/util.js')).toMatchInlineSnapshot(`
      "C /app
      C /app/lib
      C /app/lib/util.js"
    `);
  });

  it('C for a mode change; a directory’s own mode counts, its mtime does not', () => {
    expect(diffAfter('chmod 600 /app/server.js; chmod 700 /var/lib/data; touch /var/lib')).toMatchInlineSnapshot(`
      "C /app
      C /app/server.js
      C /var
      C /var/lib
      C /var/lib/data"
    `);
  });

  it('C for a file whose only change is its mtime (touch); nothing for a directory touched', () => {
    expect(diffAfter('touch /etc/os-release')).toMatchInlineSnapshot(`
      "C /etc
      C /etc/os-release"
    `);
    expect(diffAfter('touch /app/lib')).toBe('');
  });

  it('a file replaced by a directory: C for it, A below it; a directory replaced by a file: C only', () => {
    expect(diffAfter('rm /app/server.js && mkdir /app/server.js && touch /app/server.js/x; rm -rf /var/lib/data && echo f > /var/lib/data')).toMatchInlineSnapshot(`
      "C /app
      C /app/server.js
      A /app/server.js/x
      C /var
      C /var/lib
      C /var/lib/data"
    `);
  });

  it('a directory deleted and made again: its old children are D, the new ones A', () => {
    expect(diffAfter('rm -rf /app/lib && mkdir /app/lib && echo n > /app/lib/new.js')).toMatchInlineSnapshot(`
      "C /app
      C /app/lib
      A /app/lib/new.js
      D /app/lib/util.js"
    `);
  });

  it('a file rewritten with the same bytes is still C (its mtime moved); one created and deleted leaves nothing', () => {
    expect(diffAfter('echo "listen(80)" > /app/server.js; touch /tmp/t; rm /tmp/t')).toMatchInlineSnapshot(`
      "C /app
      C /app/server.js"
    `);
  });

  it('mv of a lower directory (EXDEV, copied then deleted) shows the copy as A and the source as D', () => {
    expect(diffAfter('mv /app/lib /tmp/lib')).toMatchInlineSnapshot(`
      "C /app
      D /app/lib
      C /tmp
      A /tmp/lib
      A /tmp/lib/util.js"
    `);
  });
});
