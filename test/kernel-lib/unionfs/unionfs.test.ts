import { describe, expect, it } from 'vitest';
import { zeroContent } from '../../../kernel-lib/src/content';
import { layerFromEntries, printFileTree } from '../../../kernel-lib/src/layer';
import { FsError, UnionFs, tickingClock } from '../../../kernel-lib/src/unionfs';

const base = layerFromEntries([
  { kind: 'dir', path: 'etc' },
  { kind: 'file', path: 'etc/hosts', content: '127.0.0.1 localhost\n' },
  { kind: 'file', path: 'etc/motd', content: 'welcome\n' },
  { kind: 'dir', path: 'var/lib/app' },
  { kind: 'file', path: 'var/lib/app/data.bin', content: zeroContent(1 << 20) },
  { kind: 'file', path: 'var/lib/app/state', content: 's' },
  { kind: 'symlink', path: 'etc/alias', linkTarget: 'hosts' },
]);
const app = layerFromEntries([
  { kind: 'dir', path: 'app' },
  { kind: 'file', path: 'app/server.js', content: 'listen(80)\n', mode: 0o755 },
  { kind: 'whiteout', path: 'etc/motd' },
]);
const fresh = () => new UnionFs({ layers: [base, app] });
const errno = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof FsError ? e.errno : String(e);
  }
};

describe('lookup', () => {
  it('shows the merged view of the layers, whiteouts applied', () => {
    expect(fresh().print()).toMatchInlineSnapshot(`
      "/
      ├── app/
      │   └── server.js  0755  11 B  "listen(80)\\n"
      ├── etc/
      │   ├── alias -> hosts
      │   └── hosts  20 B  "127.0.0.1 localhost\\n"
      └── var/
          └── lib/
              └── app/
                  ├── data.bin  1048576 zero bytes
                  └── state  1 B  "s""
    `);
  });

  it('stat follows symlinks, lstat does not; errors carry the kernel errno', () => {
    const fs = fresh();
    expect(fs.stat('/etc/alias')).toMatchObject({ kind: 'file', size: 20 });
    expect(fs.lstat('/etc/alias')).toMatchObject({ kind: 'symlink', size: 5 });
    expect(errno(() => fs.stat('/etc/motd'))).toBe('ENOENT');
    expect(errno(() => fs.readFile('/etc/hosts/x'))).toBe('ENOTDIR');
    expect(errno(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(errno(() => fs.readlink('/etc/hosts'))).toBe('EINVAL');
    expect(fs.readdir('/etc')).toEqual(['alias', 'hosts']);
    expect(String(new FsError('ENOENT', 'open', '/x').message)).toBe("ENOENT: No such file or directory, open '/x'");
  });
});

describe('copy-up', () => {
  it('appending to a lower file copies its whole data up first', () => {
    const fs = fresh();
    fs.appendFile('/var/lib/app/data.bin', 'tail');
    expect(fs.copiedUpBytes).toBe(1 << 20);
    expect(fs.copyUps).toEqual([
      { reason: 'parent', path: '/var', kind: 'dir', bytes: 0 },
      { reason: 'parent', path: '/var/lib', kind: 'dir', bytes: 0 },
      { reason: 'parent', path: '/var/lib/app', kind: 'dir', bytes: 0 },
      { reason: 'append', path: '/var/lib/app/data.bin', kind: 'file', bytes: 1048576 },
    ]);
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── var/
          └── lib/
              └── app/
                  └── data.bin  1048576 zero bytes + 4 bytes"
    `);
  });

  it('writing with O_TRUNC copies up no data (only the attributes)', () => {
    const fs = fresh();
    fs.writeFile('/var/lib/app/data.bin', 'small');
    expect(fs.copiedUpBytes).toBe(0);
    expect(fs.copyUps.at(-1)).toEqual({ reason: 'write', path: '/var/lib/app/data.bin', kind: 'file', bytes: 0 });
  });

  it.each([
    ['chmod', (fs: UnionFs) => fs.chmod('/var/lib/app/data.bin', 0o600)],
    ['chown', (fs: UnionFs) => fs.chown('/var/lib/app/data.bin', 1000, 1000)],
    ['utimes', (fs: UnionFs) => fs.utimes('/var/lib/app/data.bin', 0)],
    ['truncate', (fs: UnionFs) => fs.truncate('/var/lib/app/data.bin', 10)],
    ['rename', (fs: UnionFs) => fs.rename('/var/lib/app/data.bin', '/var/lib/app/moved.bin')],
  ])('%s of a lower file copies its whole data', (reason, op) => {
    const fs = fresh();
    op(fs);
    expect(fs.copiedUpBytes).toBe(1 << 20);
    expect(fs.copyUps.at(-1)).toMatchObject({ reason, bytes: 1 << 20 });
  });

  it('a second change to a copied-up file copies nothing more', () => {
    const fs = fresh();
    fs.appendFile('/etc/hosts', 'a\n');
    fs.appendFile('/etc/hosts', 'b\n');
    fs.chmod('/etc/hosts', 0o600);
    expect(fs.copiedUpBytes).toBe(20);
  });

  it('writing through a symlink copies up the target, not the link', () => {
    const fs = fresh();
    fs.appendFile('/etc/alias', '::1\n');
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── etc/
          └── hosts  24 B  "127.0.0.1 localhost\\n::1\\n""
    `);
  });
});

describe('deleting', () => {
  it('a lower file becomes a whiteout; an upper-only file just goes', () => {
    const fs = fresh();
    fs.writeFile('/etc/new', 'n');
    fs.rm('/etc/new');
    fs.rm('/etc/hosts');
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── etc/
          └── hosts  (whiteout)"
    `);
    expect(fs.upperAsLayer().tarEntries.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual(['etc 755', 'etc/.wh.hosts 600']);
  });

  it('rm -r of a lower directory leaves one whiteout for it', () => {
    const fs = fresh();
    fs.rm('/var/lib', { recursive: true });
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── var/
          └── lib  (whiteout)"
    `);
    expect(fs.readdir('/var')).toEqual([]);
  });

  it('a directory made again where one was deleted is opaque: the old children stay hidden', () => {
    const fs = fresh();
    fs.rm('/var/lib/app', { recursive: true });
    fs.mkdir('/var/lib/app');
    fs.writeFile('/var/lib/app/state', 'new');
    expect(fs.readdir('/var/lib/app')).toEqual(['state']);
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── var/
          └── lib/
              └── app/ (opaque)
                  └── state  3 B  "new""
    `);
    expect(fs.upperAsLayer().tarEntries.map((e) => e.path)).toEqual(['var', 'var/lib', 'var/lib/app', 'var/lib/app/.wh..wh..opq', 'var/lib/app/state']);
  });

  it('a file made where one was deleted replaces the whiteout (no opaque mark for files)', () => {
    const fs = fresh();
    fs.rm('/etc/hosts');
    fs.writeFile('/etc/hosts', 'x');
    expect(fs.printUpper()).toContain('hosts  1 B  "x"');
  });

  it('rmdir refuses a non-empty merged directory, rm refuses a directory without -r', () => {
    const fs = fresh();
    expect(errno(() => fs.rmdir('/etc'))).toBe('ENOTEMPTY');
    expect(errno(() => fs.rm('/etc'))).toBe('EISDIR');
    expect(errno(() => fs.rmdir('/'))).toBe('EBUSY');
    expect(errno(() => fs.rm('/nope'))).toBe('ENOENT');
    expect(errno(() => fs.rm('/nope', { force: true }))).toBe('ok');
  });
});

describe('rename (overlayfs without redirect_dir)', () => {
  it('moving a lower directory fails with EXDEV (mv then copies and deletes)', () => {
    const fs = fresh();
    expect(errno(() => fs.rename('/var/lib/app', '/srv'))).toBe('EXDEV');
    expect(fs.copyUps).toEqual([]);
  });

  it('a directory made in the container moves, and becomes opaque in a merged parent', () => {
    const fs = fresh();
    fs.mkdir('/tmpdir');
    fs.writeFile('/tmpdir/f', 'f');
    fs.rename('/tmpdir', '/etc/moved');
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── etc/
          └── moved/ (opaque)
              └── f  1 B  "f""
    `);
  });

  it('moving a lower file copies it up and whites out the old name', () => {
    const fs = fresh();
    fs.rename('/etc/hosts', '/etc/hosts.bak');
    expect(fs.printUpper()).toMatchInlineSnapshot(`
      "/
      └── etc/
          ├── hosts  (whiteout)
          └── hosts.bak  20 B  "127.0.0.1 localhost\\n""
    `);
  });

  it('checks like rename(2): into itself EINVAL, onto an ancestor ENOTEMPTY, kinds ENOTDIR/EISDIR', () => {
    const fs = fresh();
    fs.mkdir('/d');
    fs.mkdir('/d/e');
    expect(errno(() => fs.rename('/d', '/d/e/f'))).toBe('EINVAL');
    expect(errno(() => fs.rename('/d/e', '/d'))).toBe('ENOTEMPTY');
    expect(errno(() => fs.rename('/d', '/etc/hosts'))).toBe('ENOTDIR');
    expect(errno(() => fs.rename('/etc/hosts', '/d'))).toBe('EISDIR');
    expect(errno(() => fs.rename('/etc/hosts', '/etc/hosts'))).toBe('ok');
  });
});

describe('creating', () => {
  it('mkdir -p, modes with the umask, mtimes from the injected clock', () => {
    const fs = new UnionFs({ layers: [base], clock: tickingClock(1_000_000, 1000) });
    fs.mkdir('/a/b/c', { recursive: true });
    fs.writeFile('/a/b/c/f', 'x', { mode: 0o777 });
    expect(printFileTree(fs.upper, { modes: true, mtimes: true })).toMatchInlineSnapshot(`
      "/
      └── a/  0755  t=1001
          └── b/  0755  t=1002
              └── c/  0755  t=1003
                  └── f  0755  1 B  "x"  t=1004"
    `);
    expect(errno(() => fs.mkdir('/a'))).toBe('EEXIST');
    expect(errno(() => fs.mkdir('/etc/hosts/x', { recursive: true }))).toBe('ENOTDIR');
    expect(errno(() => fs.mkdir('/x/y'))).toBe('ENOENT');
    expect(errno(() => fs.symlink('x', '/etc/hosts'))).toBe('EEXIST');
  });

  it('the upper as a layer, applied on the lowers, gives the merged view (docker commit)', () => {
    const fs = fresh();
    fs.rm('/var/lib/app', { recursive: true });
    fs.mkdir('/var/lib/app');
    fs.appendFile('/etc/hosts', '::1\n');
    fs.symlink('/etc/hosts', '/hosts');
    const committed = new UnionFs({ layers: [base, app, fs.upperAsLayer()] });
    expect(committed.print()).toBe(fs.print());
  });
});
