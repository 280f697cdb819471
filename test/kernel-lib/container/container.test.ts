import { describe, expect, it } from 'vitest';
import { engineWithApp } from './containerFixture';

describe('exec', () => {
  it('runs sh -c in the container: the image’s Env and WorkingDir, HOSTNAME and HOME added', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { env: { GREETING: 'hi', APP_ENV: 'dev' } });
    const r = c.exec('pwd; env');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      ['/app', 'PATH=/usr/local/bin:/usr/bin:/bin', `HOSTNAME=${c.shortId}`, 'APP_ENV=dev', 'GREETING=hi', 'HOME=/root', ''].join('\n'),
    );
  });

  it('does not keep cd or export from one exec to the next (each exec is a new process)', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('cd /tmp && export X=1 && pwd && echo "$X"').stdout).toBe('/tmp\n1\n');
    expect(c.exec('pwd; echo "[$X]"').stdout).toBe('/app\n[]\n');
  });

  it('reports exit codes and busybox messages', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('cat /nope')).toMatchObject({ exitCode: 1, stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n" });
    expect(c.exec('exit 3').exitCode).toBe(3);
  });

  it('a container run with a command runs it and exits with its status', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { command: 'echo made > /made; echo out; exit 2' });
    expect([c.status, c.exitCode, c.logs]).toEqual(['exited', 2, 'out\n']);
    expect(c.diff()).toEqual([{ kind: 'A', path: '/made' }]);
    expect(engine.ps({ all: true })[0]?.command).toBe('"sh -c echo made > /…"');
  });
});

describe('what the runtime adds', () => {
  it('/etc/hostname, /etc/hosts, /etc/resolv.conf are bind mounts: written in place, never copied up, never in the diff', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('cat /etc/hostname').stdout).toBe(`${c.shortId}\n`);
    expect(c.exec('cat /etc/hosts').stdout).toBe(
      `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${c.shortId}\n`,
    );
    const r = c.exec('echo renamed > /etc/hostname && echo "10.0.0.9 db" >> /etc/hosts && cat /etc/hostname');
    expect(r.stdout).toBe('renamed\n');
    expect(r.copyUps).toEqual([]);
    expect(c.diff()).toEqual([]);
    expect(c.rootfs.copiedUpBytes).toBe(0);
    expect(c.exec('tail -1 /etc/hosts').stdout).toBe('10.0.0.9 db\n');
  });

  it('rm and mv of a bind mount fail with "Resource busy"', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('rm /etc/hostname')).toMatchObject({ exitCode: 1, stderr: "rm: can't remove '/etc/hostname': Resource busy\n" });
    expect(c.exec('rm -f /etc/resolv.conf')).toMatchObject({ exitCode: 1, stderr: "rm: can't remove '/etc/resolv.conf': Resource busy\n" });
    expect(c.exec('mv /etc/hosts /tmp/hosts').stderr).toBe("mv: can't rename '/etc/hosts': Resource busy\n");
    expect(c.diff()).toEqual([]);
  });

  it('an ordinary file of the image IS copied up on its first write (the lesson’s contrast)', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const r = c.exec('echo "ID=changed" >> /etc/os-release');
    expect(r.copyUps.map((u) => `${u.reason} ${u.path} ${u.bytes}`)).toEqual(['parent /etc 0', 'append /etc/os-release 12']);
    expect(c.diff()).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/os-release' },
    ]);
  });

  it('/.dockerenv exists (in the init layer: not in the diff); the image’s own /etc/hosts is hidden by the mount', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('ls -l /.dockerenv; test -f /.dockerenv && echo yes').stdout).toBe('-rwxr-xr-x    1 root     root             0 Jan 15 12:00 /.dockerenv\nyes\n');
    expect(c.exec('grep -c image-hosts /etc/hosts').stdout).toBe('0\n');
    expect(c.exec('readlink /etc/mtab').stdout).toBe('/proc/mounts\n');
    expect(c.diff()).toEqual([]);
  });

  it('/dev/null, /dev/zero and /dev/urandom work; /dev is a tmpfs outside the diff', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const r = c.exec('echo gone > /dev/null; dd if=/dev/zero of=/tmp/z bs=1k count=4 2>/dev/null; dd if=/dev/urandom of=/tmp/r bs=512 count=2 2>/dev/null; wc -c < /tmp/z; wc -c < /tmp/r; ls /dev; touch /dev/shm/lock');
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toBe('4096\n1024\ncore\nfd\nfull\nmqueue\nnull\nptmx\npts\nrandom\nshm\nstderr\nstdin\nstdout\ntty\nurandom\nzero\n');
    expect(c.diff()).toEqual([
      { kind: 'C', path: '/tmp' },
      { kind: 'A', path: '/tmp/r' },
      { kind: 'A', path: '/tmp/z' },
    ]);
  });

  it('/proc and /sys are mounts the container cannot write', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    expect(c.exec('touch /sys/x').stderr).toBe("touch: /sys/x: Read-only file system\n");
    expect(c.diff()).toEqual([]);
  });
});

describe('named volumes', () => {
  it('outlive the container; a new container sees the data (the writable layer does not survive rm)', () => {
    const engine = engineWithApp();
    const a = engine.run('app:1', { volumes: { '/data': 'appdata' } });
    a.exec('echo kept > /data/note; echo lost > /tmp/note');
    expect(a.diff()).toEqual([
      { kind: 'A', path: '/data' },
      { kind: 'C', path: '/tmp' },
      { kind: 'A', path: '/tmp/note' },
    ]);
    engine.rm(a, { force: true });
    const b = engine.run('app:1', { volumes: { '/data': 'appdata' } });
    expect(b.exec('cat /data/note; cat /tmp/note').stdout).toBe('kept\n');
    expect(engine.volumes().map((v) => [v.name, v.size])).toEqual([['appdata', 5]]);
  });

  it('a new volume mounted over an image directory starts with the image’s files', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { volumes: { '/var/lib/data': 'db' } });
    expect(c.exec('cat /var/lib/data/seed.txt; echo more > /var/lib/data/more; mv /var/lib/data/more /tmp/more').stdout).toBe('seed\n');
    expect(c.exec('ls /var/lib/data /tmp').stdout).toBe('/tmp:\nmore\n\n/var/lib/data:\nseed.txt\n');
    expect(c.diff()).toEqual([
      { kind: 'C', path: '/tmp' },
      { kind: 'A', path: '/tmp/more' },
    ]);
  });
});
