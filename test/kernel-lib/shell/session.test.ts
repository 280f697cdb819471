/**
 * What only the model can show: sessions that keep `cd` and `export`, the model clock, lazy
 * content from dd, unknown-command hints, `requireBinaries`, scripts run from the filesystem,
 * EXDEV fallback of mv, busybox's `ls -l` layout on a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { runShell, ShellSession } from '../../../kernel-lib/src/shell';
import { LOOP_LIMIT } from '../../../kernel-lib/src/shell/Interpreter';
import { FsError } from '../../../kernel-lib/src/unionfs/FileSystem';
import { containerFs, MemoryFs } from './MemoryFs';

const ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' };

function clock(start = Date.UTC(2025, 5, 2, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ShellSession', () => {
  it('keeps cd and export between runs, as an interactive shell does', () => {
    const sh = new ShellSession(containerFs(), { env: ENV });
    expect(sh.run('mkdir -p /app && cd /app && export GREETING=hi').exitCode).toBe(0);
    const r = sh.run('echo "$GREETING from $(pwd)"');
    expect(r.stdout).toBe('hi from /app\n');
    expect(r.cwd).toBe('/app');
    expect(sh.env.GREETING).toBe('hi');
  });

  it('runShell is a fresh sh -c each time (what RUN and docker exec do)', () => {
    const fs = containerFs();
    runShell(fs, 'export X=1; cd /tmp', { env: ENV });
    const r = runShell(fs, 'echo "[$X]" $(pwd)', { env: ENV });
    expect(r.stdout).toBe('[] /\n');
  });

  it('passes stdin and positional parameters', () => {
    const r = runShell(containerFs(), 'read a; echo "$0:$1:$#:$a"', { stdin: 'line\n', arg0: 'me', args: ['x', 'y'] });
    expect(r.stdout).toBe('me:x:2:line\n');
  });
});

describe('time and the model clock', () => {
  it('sleep costs simulated seconds and moves the clock that date reads', () => {
    const c = clock();
    const sh = new ShellSession(containerFs(), { env: ENV, clock: c });
    const r = sh.run('echo "Step 1" && sleep 2 && date +%s && date');
    expect(r.seconds).toBe(2);
    expect(r.stdout).toBe(`Step 1\n${Date.UTC(2025, 5, 2, 9, 0, 2) / 1000}\nMon Jun  2 09:00:02 UTC 2025\n`);
  });

  it("the seed's four `echo … && sleep 2` steps take 8 s in all", () => {
    const fs = containerFs();
    const total = [1, 2, 3, 4].map((i) => runShell(fs, `echo "Step ${i}" && sleep 2`).seconds).reduce((a, b) => a + b, 0);
    expect(total).toBe(8);
  });

  it('sleep takes s/m/h suffixes and fractions, and rejects garbage like busybox', () => {
    expect(runShell(containerFs(), 'sleep 1m 0.5 1s').seconds).toBe(61.5);
    const bad = runShell(containerFs(), 'sleep x');
    expect([bad.exitCode, bad.stderr]).toEqual([1, "sleep: invalid number 'x'\n"]);
  });
});

describe('dd and large files', () => {
  it('makes a 1 GiB file as lazy content, with busybox status lines and a write-time cost', () => {
    const fs = containerFs();
    const r = runShell(fs, 'dd if=/dev/zero of=/bigfile bs=1M count=1024');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('1024+0 records in\n1024+0 records out\n1073741824 bytes (1.0GB) copied, 2.147484 seconds, 476.8MB/s\n');
    const content = fs.readFile('/bigfile');
    expect(content.size).toBe(1073741824);
    expect(content.lazy).toBe(true);
    expect(r.seconds).toBeCloseTo(2.147, 3);
  });

  it('appending to a big file keeps it lazy; wc -c and head -c do not read it all', () => {
    const fs = containerFs();
    const r = runShell(fs, 'dd if=/dev/zero of=/big bs=1M count=512 2>/dev/null; echo x >> /big; wc -c /big; head -c 4 /dev/urandom | wc -c; tail -c 2 /big');
    expect(r.stdout).toBe('536870914 /big\n4\nx\n');
    expect(fs.readFile('/big').lazy).toBe(true);
  });

  it('copies keep lazy content (cp of 512 MiB allocates nothing)', () => {
    const fs = containerFs();
    runShell(fs, 'dd if=/dev/urandom of=/r bs=1M count=512 2>/dev/null && cp /r /r2');
    expect(fs.readFile('/r2').lazy).toBe(true);
    expect(fs.readFile('/r2').equals(fs.readFile('/r'))).toBe(true);
  });

  it('reading /dev/zero to its end is refused with a note, never a hang', () => {
    const r = runShell(containerFs(), 'cat /dev/zero > /x');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^cat: \/dev\/zero: reading all of an endless device never ends/);
    expect(r.notes.join('\n')).toMatch(/endless device/);
  });

  it('conv=notrunc and seek patch bytes in place', () => {
    const fs = containerFs();
    const r = runShell(fs, 'printf 12345 > n; printf AB | dd of=n seek=1 bs=1 conv=notrunc 2>/dev/null; cat n');
    expect(r.stdout).toBe('1AB45');
  });
});

describe('commands the simulator does not know', () => {
  it('fail with busybox\'s message, exit 127 and a hint listing the known commands', () => {
    const r = runShell(containerFs(), 'use-secret /tmp/secret.key');
    expect(r.exitCode).toBe(127);
    expect(r.stderr.split('\n')[0]).toBe('sh: use-secret: not found');
    expect(r.stderr).toMatch(/시뮬레이터에 없는 명령입니다: use-secret\. 사용할 수 있는 명령: .*\bcat\b.*\bsed\b/);
    expect(r.notes[0]).toMatch(/use-secret/);
  });

  it('keeps stderr exactly busybox\'s when hintsOnStderr is off (the hint stays in notes)', () => {
    const r = runShell(containerFs(), 'nosuch', { hintsOnStderr: false });
    expect(r.stderr).toBe('sh: nosuch: not found\n');
    expect(r.notes).toHaveLength(1);
  });

  it('with requireBinaries, a utility runs only if the image has it on PATH', () => {
    const fs = containerFs();
    fs.mkdir('/bin');
    fs.writeFile('/bin/busybox', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0]), { mode: 0o755 });
    fs.symlink('/bin/busybox', '/bin/ls');
    const r = runShell(fs, 'ls /etc >/dev/null && echo ls-ok; cat /etc/hostname', { env: ENV, requireBinaries: true, hintsOnStderr: false });
    expect(r.stdout).toBe('ls-ok\n');
    expect(r.stderr).toBe('sh: cat: not found\n');
    expect(r.exitCode).toBe(127);
  });

  it('runs shell scripts from the filesystem (#!/bin/sh, #!/bin/bash, no #!), refuses binaries', () => {
    const fs = containerFs();
    fs.writeFile('/app.sh', '#!/bin/bash\necho "App running $1"\nexit 3\n', { mode: 0o755 });
    fs.writeFile('/plain', 'echo plain', { mode: 0o755 });
    fs.writeFile('/noexec.sh', 'echo no', { mode: 0o644 });
    fs.writeFile('/prog', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]), { mode: 0o755 });
    const r = runShell(fs, '/app.sh arg; echo rc=$?; /plain; /noexec.sh; echo rc=$?; /prog; echo rc=$?; ./missing; echo rc=$?', { hintsOnStderr: false });
    expect(r.stdout).toBe('App running arg\nrc=3\nplain\nrc=126\nrc=126\nrc=127\n');
    expect(r.stderr).toBe(
      'sh: /noexec.sh: Permission denied\nsh: /prog: cannot run a binary program in the simulator (only shell scripts and the simulated commands run)\nsh: ./missing: not found\n',
    );
  });

  it('stops an endless loop and says so', () => {
    const r = runShell(containerFs(), 'while true; do :; done; echo never');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(`sh: simulator: while loop stopped after ${LOOP_LIMIT} iterations\n`);
  });

  it('runs a background job in the foreground and notes it', () => {
    const r = runShell(containerFs(), 'sleep 1 & echo after');
    expect(r.stdout).toBe('after\n');
    expect(r.notes.join()).toMatch(/foreground/);
  });
});

describe('files as busybox shows them', () => {
  it('ls -l uses busybox columns, names from /etc/passwd and the model clock', () => {
    const fs = containerFs(() => Date.UTC(2025, 5, 2, 9, 0, 0));
    const r = runShell(fs, 'mkdir /d && echo hello > /d/f && chown app:app /d/f && ln -s f /d/l && ls -l /d && ls -ln /d/f', { clock: clock() });
    expect(r.stdout).toBe(
      'total 4\n-rw-r--r--    1 app      app              6 Jun  2 09:00 f\nlrwxrwxrwx    1 root     root             1 Jun  2 09:00 l -> f\n' +
        '-rw-r--r--    1 1000     1000             6 Jun  2 09:00 /d/f\n',
    );
  });

  it('shows files older than six months with their year', () => {
    const fs = containerFs(() => Date.UTC(2024, 0, 15, 12, 0, 0));
    fs.writeFile('/old', 'x');
    expect(runShell(fs, 'ls -l /old', { clock: clock() }).stdout).toBe('-rw-r--r--    1 root     root             1 Jan 15  2024 /old\n');
  });

  it('stat -c, du and find read the same tree', () => {
    const fs = containerFs();
    const r = runShell(fs, 'mkdir -p /a/b && echo 12345 > /a/b/f && stat -c "%s %a %A %U:%G %F %n" /a/b/f /a/b && du -s /a && find /a | sort');
    expect(r.stdout).toBe('6 644 -rw-r--r-- root:root regular file /a/b/f\n4096 755 drwxr-xr-x root:root directory /a/b\n12\t/a\n/a\n/a/b\n/a/b/f\n');
  });

  it('mv falls back to copy-and-delete when rename gives EXDEV (overlayfs lower directory)', () => {
    const fs = containerFs();
    runShell(fs, 'mkdir -p /lower/sub && echo data > /lower/sub/f && chmod 700 /lower');
    const rename = fs.rename.bind(fs);
    fs.rename = (from: string, to: string) => {
      if (from === '/lower') throw new FsError('EXDEV', 'rename', from);
      rename(from, to);
    };
    const r = runShell(fs, 'mv /lower /moved && cat /moved/sub/f && ls / && stat -c %a /moved');
    expect(r.stdout).toBe('data\netc\nmoved\nroot\ntmp\n700\n');
  });

  it('sed -i writes a new file and renames it over the old one (no in-place rewrite)', () => {
    const fs = containerFs();
    fs.writeFile('/conf', 'old value\n', { mode: 0o600 });
    const seen: string[] = [];
    const rename = fs.rename.bind(fs);
    fs.rename = (from: string, to: string) => {
      seen.push(`${from} -> ${to}`);
      rename(from, to);
    };
    const r = runShell(fs, "sed -i 's/old/new/g' /conf && cat /conf && stat -c %a /conf");
    expect(r.stdout).toBe('new value\n600\n');
    expect(seen).toEqual(['/confsedXXX -> /conf']);
  });

  it('rm of a busy bind mount reports "Resource busy" as busybox on musl does', () => {
    const fs = containerFs();
    const rm = fs.rm.bind(fs);
    fs.rm = (path, options) => {
      if (path === '/etc/hostname') throw new FsError('EBUSY', 'unlink', path);
      rm(path, options);
    };
    const r = runShell(fs, 'rm /etc/hostname');
    expect([r.exitCode, r.stderr]).toEqual([1, "rm: can't remove '/etc/hostname': Resource busy\n"]);
  });

  it('id, whoami and hostname read the image (and the container hostname)', () => {
    const r = runShell(containerFs(), 'id; id -un; whoami; hostname; uname -a', { uid: 1000, gid: 1000 });
    expect(r.stdout).toBe('uid=1000(app) gid=1000(app) groups=1000(app)\napp\napp\nc0ffee123456\nLinux c0ffee123456 6.1.0-layerlab #1 SMP PREEMPT_DYNAMIC x86_64 Linux\n');
  });

  it('sha256sum gives the digest the layers use', () => {
    const r = runShell(new MemoryFs(), 'printf hello | sha256sum');
    expect(r.stdout).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  -\n');
  });

  it('cuts very large stdout in ShellResult.stdout but keeps it whole in stdoutContent', () => {
    const r = runShell(containerFs(), 'head -c 3000000 /dev/zero');
    expect(r.stdout.length).toBe(1 << 20);
    expect(r.stdoutContent.size).toBe(3000000);
    expect(r.notes.join()).toMatch(/3000000 bytes/);
  });
});
