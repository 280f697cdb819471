/**
 * debian:bookworm and debian:bookworm-slim (Debian 12.2, the 2023-10-11 official images, built by
 * debuerreotype): one rootfs layer each, `CMD ["bash"]`. The two are separate rootfs tarballs —
 * -slim drops docs, man pages and locales — so they share no layer.
 * Sizes: `docker images` on linux/amd64 for that snapshot: bookworm 117MB, bookworm-slim 74.8MB.
 */
import { sha256 } from '../../digest/sha256';
import { text, link } from '../catalogFiles';
import { addFileCreatedBy, layerStep, type CatalogImageSpec } from '../CatalogImageSpec';
import { DEBIAN_GROUP, DEBIAN_PASSWD, debianSkeleton, debianTools, mergedUsr, shadowFor } from './debianFiles';
import { BOOKWORM_BASE, dpkgStatus } from './packageDatabases';

const CREATED = '2023-10-11T00:00:00Z';
export const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const SOURCES = `Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

function debianRootfs(slim: boolean) {
  return [
    ...mergedUsr(),
    ...debianSkeleton(),
    ...debianTools(),
    text('/usr/lib/os-release', OS_RELEASE),
    link('/etc/os-release', '../usr/lib/os-release'),
    text('/etc/debian_version', '12.2\n'),
    text('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n'),
    text('/etc/issue.net', 'Debian GNU/Linux 12\n'),
    text('/etc/hostname', ''),
    text('/etc/passwd', DEBIAN_PASSWD),
    text('/etc/group', DEBIAN_GROUP),
    text('/etc/shadow', shadowFor(DEBIAN_PASSWD), 0o640),
    text('/etc/apt/sources.list.d/debian.sources', SOURCES),
    text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE)),
    ...(slim ? [text('/etc/dpkg/dpkg.cfg.d/docker', 'path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n')] : []),
  ];
}

const FILLER = [
  '/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30',
  '/usr/lib/x86_64-linux-gnu/libcrypto.so.3',
  '/usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0',
  '/usr/lib/x86_64-linux-gnu/libdb-5.3.so',
  '/usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3',
  '/usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0',
  '/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache',
  '/usr/lib/x86_64-linux-gnu/perl-base/auto/POSIX/POSIX.so',
  '/usr/lib/apt/methods/http',
  '/usr/share/zoneinfo/posixrules',
  '/usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1',
  '/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0',
];

const FULL_EXTRA = ['/usr/share/doc/bash/changelog.Debian.gz', '/usr/share/man/man1/bash.1.gz', '/usr/lib/locale/C.utf8/LC_CTYPE', '/usr/share/info/coreutils.info.gz'];

export const debianBookworm: CatalogImageSpec = {
  reference: 'debian:bookworm',
  aliases: ['debian:12', 'debian:latest'],
  created: CREATED,
  description: 'Debian 12 (bookworm) root filesystem',
  published: { size: 117_000_000, source: 'docker images debian:bookworm (linux/amd64, 2023-10-11 image): 117MB' },
  steps: [
    layerStep({
      key: 'debian:bookworm#0',
      createdBy: addFileCreatedBy('ADD', sha256('debian:bookworm rootfs 20231009').slice(7), '/'),
      created: CREATED,
      fileBytes: 117_000_000,
      ratio: 0.424,
      files: () => debianRootfs(false),
      filler: [...FILLER, ...FULL_EXTRA],
    }),
    { kind: 'meta', createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', created: CREATED, config: (c) => ({ ...c, Env: [`PATH=${DEBIAN_PATH}`], Cmd: ['bash'] }) },
  ],
};

export const debianBookwormSlim: CatalogImageSpec = {
  reference: 'debian:bookworm-slim',
  aliases: ['debian:12-slim'],
  created: CREATED,
  description: 'Debian 12 without docs, man pages and locales',
  published: { size: 74_800_000, source: 'docker images debian:bookworm-slim (linux/amd64, 2023-10-11 image): 74.8MB' },
  steps: [
    layerStep({
      key: 'debian:bookworm-slim#0',
      createdBy: addFileCreatedBy('ADD', sha256('debian:bookworm-slim rootfs 20231009').slice(7), '/'),
      created: CREATED,
      fileBytes: 74_800_000,
      ratio: 0.389,
      files: () => debianRootfs(true),
      filler: FILLER,
    }),
    { kind: 'meta', createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', created: CREATED, config: (c) => ({ ...c, Env: [`PATH=${DEBIAN_PATH}`], Cmd: ['bash'] }) },
  ],
};

