/**
 * busybox:latest (1.36.1, glibc variant): one layer whose /bin holds the BusyBox binary once and
 * hard links to it for every applet, with the glibc it needs in /lib; `CMD ["sh"]`.
 * Size: `docker images busybox:1.36.1-glibc` (linux/amd64): 4.26MB.
 */
import { sha256 } from '../../digest/sha256';
import { bin, dir, text, type CatalogFile } from '../catalogFiles';
import { addFileCreatedBy, layerStep, type CatalogImageSpec } from '../CatalogImageSpec';

const CREATED = '2023-07-18T23:19:33Z';
const APPLETS = ['[[', 'busybox', 'sh', 'ash', 'ls', 'cat', 'cp', 'mv', 'rm', 'mkdir', 'rmdir', 'echo', 'touch', 'chmod', 'chown', 'ln', 'grep', 'sed', 'tar', 'gzip', 'head', 'tail', 'date', 'sleep', 'df', 'du', 'hostname', 'ps', 'pwd', 'uname', 'true', 'false', 'env', 'wc', 'sort', 'find', 'id', 'whoami', 'wget', 'vi'];

function rootfs(): CatalogFile[] {
  return [
    // The tar holds the binary once, under the first name in walk order (`bin/[`); every other
    // applet, /bin/busybox included, is a hard link to it (as in the real image's layer).
    bin('/bin/[', 1_148_440),
    bin('/lib/libc.so.6', 1_922_136),
    bin('/lib/ld-linux-x86-64.so.2', 210_968),
    bin('/lib/libresolv.so.2', 68_552),
    text('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    text('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n'),
    dir('/dev'), dir('/etc'), dir('/home'), dir('/root', 0o700), dir('/tmp', 0o1777), dir('/usr/sbin'), dir('/var/spool/mail'), dir('/var/www'),
  ];
}

export const busyboxLatest: CatalogImageSpec = {
  reference: 'busybox:latest',
  aliases: ['busybox:1.36', 'busybox:1.36.1'],
  created: CREATED,
  description: 'BusyBox: one binary providing sh and the core utilities',
  published: { size: 4_260_000, source: 'docker images busybox:1.36.1 (glibc, linux/amd64): 4.26MB' },
  steps: [
    layerStep({
      key: 'busybox:latest#0',
      createdBy: addFileCreatedBy('ADD', sha256('busybox 1.36.1 glibc rootfs').slice(7), '/'),
      created: CREATED,
      fileBytes: 4_260_000,
      ratio: 0.5,
      // Hard links add no bytes of their own.
      files: () => [...rootfs(), ...APPLETS.map((a): CatalogFile => ({ kind: 'hardlink', path: `/bin/${a}`, target: 'bin/[' }))],
      filler: ['/lib/libm.so.6', '/lib/libnss_files.so.2', '/lib/libnss_dns.so.2', '/lib/libpthread.so.0'],
    }),
    { kind: 'meta', createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', created: CREATED, config: (c) => ({ ...c, Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] }) },
  ],
};
