/**
 * Files of a Debian/Ubuntu root filesystem that lessons look at, with their real text (os-release
 * and issue are distribution facts), plus the binaries a shell session touches as payloads of
 * about their real size. Bulk (libraries, docs, dpkg database) is filler.
 */
import { bin, data, dir, link, text, type CatalogFile } from '../catalogFiles';

/** Approximate sizes (bytes) of the usual coreutils and tools in Debian 12 / Ubuntu (amd64). */
const TOOLS: ReadonlyArray<readonly [string, number]> = [
  ['bash', 1_265_648], ['dash', 125_560], ['ls', 151_344], ['cat', 44_016], ['cp', 151_152], ['mv', 147_088],
  ['rm', 72_752], ['mkdir', 97_552], ['rmdir', 64_656], ['echo', 35_664], ['touch', 97_552], ['chmod', 64_656],
  ['chown', 72_752], ['ln', 76_848], ['grep', 203_152], ['sed', 122_224], ['tar', 531_984], ['gzip', 98_136],
  ['find', 224_848], ['head', 43_952], ['tail', 64_496], ['wc', 48_016], ['sort', 117_104], ['uniq', 47_984],
  ['env', 48_536], ['id', 48_064], ['whoami', 35_664], ['uname', 35_664], ['date', 108_920], ['sleep', 35_632],
  ['du', 102_128], ['df', 97_584], ['ps', 0], ['apt', 18_824], ['apt-get', 50_992], ['dpkg', 318_256],
  ['perl', 3_963_280], ['hostname', 22_760], ['stat', 84_432], ['test', 48_232], ['true', 31_568], ['false', 31_568],
];

export function debianTools(): CatalogFile[] {
  const files: CatalogFile[] = TOOLS.filter(([, size]) => size > 0).map(([name, size]) => bin(`/usr/bin/${name}`, size));
  files.push(link('/usr/bin/sh', 'dash'));
  return files;
}

/** The merged-/usr layout of Debian 12 and Ubuntu 20.04+: /bin, /lib … are symlinks into /usr. */
export function mergedUsr(): CatalogFile[] {
  return [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64')];
}

export function debianSkeleton(): CatalogFile[] {
  return [
    dir('/boot'), dir('/dev'), dir('/home'), dir('/media'), dir('/mnt'), dir('/opt'), dir('/proc', 0o555),
    dir('/root', 0o700), dir('/run'), dir('/srv'), dir('/sys', 0o555), dir('/tmp', 0o1777), dir('/usr/local/bin'),
    dir('/usr/local/sbin'), dir('/usr/local/lib'), dir('/usr/local/share'), dir('/usr/sbin'), dir('/var/tmp', 0o1777),
    dir('/var/log'), dir('/var/mail'), dir('/var/spool'), dir('/var/cache/apt/archives/partial'),
    dir('/var/lib/apt/lists/partial', 0o700), dir('/var/lib/dpkg/info'),
    bin('/usr/lib/x86_64-linux-gnu/libc.so.6', 1_922_136),
    bin('/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 210_968),
    link('/usr/lib64/ld-linux-x86-64.so.2', '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
    text('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n\nexport PS1=\'\\h:\\w\\$ \'\numask 022\n'),
    text('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ "$BASH" ] && [ -f ~/.bashrc ]; then\n  . ~/.bashrc\nfi\n\nmesg n 2> /dev/null || true\n'),
    text('/etc/profile', '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n\nif [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n'),
    text('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/dash\n/usr/bin/dash\n'),
    text('/etc/host.conf', 'multi on\n'),
    text('/etc/nsswitch.conf', 'passwd:         files\ngroup:          files\nshadow:         files\nhosts:          files dns\nnetworks:       files\n'),
    // The official images' apt hook that deletes downloaded .deb files after every install
    // (why `apt-get clean` in a Dockerfile saves almost nothing; COVERAGE 06.08).
    text('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n'),
  ];
}

export const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

export const UBUNTU_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
`;

/** /etc/shadow: every system account locked (`*`), as a fresh rootfs has it. */
export function shadowFor(passwd: string): string {
  return passwd
    .trim()
    .split('\n')
    .map((line) => `${line.split(':')[0]}:*:19641:0:99999:7:::`)
    .join('\n')
    .concat('\n');
}
