/**
 * alpine:3.18 (3.18.4, 2023-09-28): one rootfs layer and `CMD ["/bin/sh"]`. BusyBox provides the
 * shell and the core tools as symlinks to /bin/busybox; musl is the C library.
 * Size: the seeds' figure, 7.04MB (`docker images`, linux/amd64).
 */
import { sha256 } from '../../digest/sha256';
import { bin, data, dir, link, text, type CatalogFile } from '../catalogFiles';
import { addFileCreatedBy, layerStep, type CatalogImageSpec } from '../CatalogImageSpec';
import { ALPINE_318_BASE, apkInstalled } from './packageDatabases';

const CREATED = '2023-09-28T21:19:27Z';
export const ALPINE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/ash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
man:x:13:15:man:/usr/man:/sbin/nologin
postmaster:x:14:12:postmaster:/var/mail:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
at:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin
squid:x:31:31:Squid:/var/cache/squid:/sbin/nologin
xfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
cyrus:x:85:12::/usr/cyrus:/sbin/nologin
vpopmail:x:89:89::/var/vpopmail:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
smmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin,adm
adm:x:4:root,adm,daemon
tty:x:5:
disk:x:6:root,adm
lp:x:7:lp
mem:x:8:
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
man:x:15:man
cron:x:16:cron
console:x:17:
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
at:x:25:at
tape:x:26:root
video:x:27:root
netdev:x:28:
readproc:x:30:
squid:x:31:squid
xfs:x:33:xfs
kvm:x:34:kvm
games:x:35:
shadow:x:42:
cdrw:x:80:
www-data:x:82:
usb:x:85:
vpopmail:x:89:
users:x:100:games
ntp:x:123:
nofiles:x:200:
smmsp:x:209:smmsp
locate:x:245:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

/** The applets a lesson's shell session uses, each a symlink to BusyBox (as in Alpine's /bin). */
const APPLETS = ['sh', 'ash', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'echo', 'touch', 'chmod', 'chown', 'ln', 'grep', 'sed', 'tar', 'gzip', 'head', 'tail', 'date', 'sleep', 'df', 'hostname', 'ps', 'pwd', 'uname', 'true', 'false', 'env'];

function alpineRootfs(): CatalogFile[] {
  return [
    bin('/bin/busybox', 817_952),
    ...APPLETS.map((a) => link(`/bin/${a}`, '/bin/busybox')),
    bin('/lib/ld-musl-x86_64.so.1', 642_096),
    link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'),
    bin('/sbin/apk', 68_952),
    bin('/lib/libapk.so.2.14.0', 243_792),
    bin('/lib/libcrypto.so.3', 4_125_128),
    bin('/lib/libssl.so.3', 609_096),
    bin('/lib/libz.so.1.2.13', 100_392),
    link('/lib/libz.so.1', 'libz.so.1.2.13'),
    data('/etc/ssl/certs/ca-certificates.crt', 219_783),
    text('/etc/alpine-release', '3.18.4\n'),
    text('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n'),
    text('/etc/issue', 'Welcome to Alpine Linux 3.18\nKernel \\r on an \\m (\\l)\n\n'),
    text('/etc/hostname', 'localhost\n'),
    text('/etc/passwd', ALPINE_PASSWD),
    text('/etc/group', ALPINE_GROUP),
    text('/etc/shadow', ALPINE_PASSWD.trim().split('\n').map((l) => `${l.split(':')[0]}:!::0:::::`).join('\n').replace(/^root:!/, 'root:*').concat('\n'), 0o640),
    text('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n'),
    text('/etc/profile', 'export CHARSET=UTF-8\nexport LANG=C.UTF-8\nexport PAGER=less\nexport PS1=\'\\h:\\w\\$ \'\numask 022\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n'),
    text('/etc/motd', 'Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n'),
    text('/lib/apk/db/installed', apkInstalled(ALPINE_318_BASE)),
    text('/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.18/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.18/community\n'),
    text('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nbusybox-binsh\nca-certificates-bundle\nlibc-utils\nlibcrypto3\nlibssl3\nmusl\nmusl-utils\nscanelf\nssl_client\nzlib\n'),
    dir('/dev'), dir('/home'), dir('/media'), dir('/mnt'), dir('/opt'), dir('/proc', 0o555), dir('/root', 0o700),
    dir('/run'), dir('/srv'), dir('/sys', 0o555), dir('/tmp', 0o1777), dir('/usr/local/bin'), dir('/usr/sbin'),
    dir('/var/cache/apk'), dir('/var/log'), dir('/var/tmp', 0o1777), dir('/var/spool/cron/crontabs', 0o700),
  ];
}

export const alpine318: CatalogImageSpec = {
  reference: 'alpine:3.18',
  aliases: ['alpine:3.18.4'],
  created: CREATED,
  description: 'Alpine Linux 3.18 (musl libc, BusyBox)',
  published: { size: 7_040_000, source: 'seed figure (docker images alpine, linux/amd64): 7.04MB' },
  steps: [
    layerStep({
      key: 'alpine:3.18#0',
      createdBy: addFileCreatedBy('ADD', sha256('alpine-minirootfs-3.18.4-x86_64.tar.gz').slice(7), '/'),
      created: CREATED,
      fileBytes: 7_040_000,
      ratio: 0.46,
      files: alpineRootfs,
      filler: ['/lib/apk/db/scripts.tar', '/usr/lib/libssl.so.3.1.3', '/usr/lib/engines-3/afalg.so', '/usr/bin/ssl_client', '/usr/bin/scanelf', '/usr/bin/iconv', '/usr/bin/getconf'],
    }),
    { kind: 'meta', createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', created: CREATED, config: (c) => ({ ...c, Env: [`PATH=${ALPINE_PATH}`], Cmd: ['/bin/sh'] }) },
  ],
};
