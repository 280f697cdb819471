/** The mount rules of the container's filesystem (ContainerFs), through the shell as a learner meets them. */
import { describe, expect, it } from 'vitest';
import { engineWithApp } from './containerFixture';

function container() {
  const engine = engineWithApp();
  return engine.run('app:1', { volumes: { '/data': 'vol' } });
}

describe('mounts in the container’s filesystem', () => {
  it('a symlink in the image’s tree reaches into a volume (paths are resolved across mounts)', () => {
    const c = container();
    const r = c.exec('ln -s /data /app/link && echo via-link > /app/link/f && cat /data/f && ls /data');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'via-link\nf\n', stderr: '' });
    expect(c.diff()).toEqual([
      { kind: 'C', path: '/app' },
      { kind: 'A', path: '/app/link' },
      { kind: 'A', path: '/data' },
    ]);
  });

  it('mv between the writable layer and a volume copies and deletes (rename gives EXDEV)', () => {
    const c = container();
    const r = c.exec('echo x > /tmp/f && mv /tmp/f /data/f && ls /tmp /data');
    expect(r).toMatchObject({ exitCode: 0, stdout: '/data:\nf\n\n/tmp:\n' });
  });

  it('a mount point cannot be removed, renamed or made again', () => {
    const c = container();
    expect(c.exec('rmdir /data').stderr).toBe("rmdir: '/data': Resource busy\n");
    expect(c.exec('mv /data /data2').stderr).toBe("mv: can't rename '/data': Resource busy\n");
    expect(c.exec('mkdir /data').stderr).toBe("mkdir: can't create directory '/data': File exists\n");
    expect(c.exec('mkdir /etc/hostname').stderr).toBe("mkdir: can't create directory '/etc/hostname': File exists\n");
    expect(c.exec('rmdir /etc/hosts').stderr).toBe("rmdir: '/etc/hosts': Not a directory\n");
  });

  it('rm -rf of a directory holding a bind mount removes the rest and keeps the mount', () => {
    const c = container();
    const r = c.exec('rm -rf /etc; ls /etc');
    expect(r.stdout).toBe('hostname\nhosts\nresolv.conf\n');
    expect(r.stderr).toMatch(/Resource busy/);
    expect(c.diff()).toEqual([
      { kind: 'A', path: '/data' }, // the volume's mount point, made in the writable layer at create
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/mtab' },
      { kind: 'D', path: '/etc/os-release' },
    ]);
  });

  it('chmod of a bind-mounted file changes the host file, not the container’s layer', () => {
    const c = container();
    expect(c.exec('chmod 600 /etc/resolv.conf && ls -l /etc/resolv.conf').stdout).toMatch(/^-rw-------/);
    expect(c.diff()).toEqual([{ kind: 'A', path: '/data' }]);
  });
});
