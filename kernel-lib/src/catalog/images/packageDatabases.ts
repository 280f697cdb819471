/**
 * The package databases of the catalog's distributions, as text in their real formats: dpkg's
 * `/var/lib/dpkg/status` (RFC 822-style stanzas) and apk's `/lib/apk/db/installed` (one-letter
 * fields). Every `apt-get install` layer rewrites the whole status file — one of the real reasons a
 * path shows up in several layers (what dive calls wasted space).
 */

/** name, version, installed size (KiB), section, one-line description. */
export type DebPackage = readonly [string, string, number, string, string];

export const BOOKWORM_BASE: readonly DebPackage[] = [
  ['apt', '2.6.1', 4168, 'admin', 'commandline package manager'],
  ['base-files', '12.4+deb12u2', 394, 'admin', 'Debian base system miscellaneous files'],
  ['base-passwd', '3.6.1', 243, 'admin', 'Debian base system master password and group files'],
  ['bash', '5.2.15-2+b2', 7164, 'shells', 'GNU Bourne Again SHell'],
  ['bsdutils', '1:2.38.1-5+b1', 355, 'utils', 'basic utilities from 4.4BSD-Lite'],
  ['coreutils', '9.1-1', 18062, 'utils', 'GNU core utilities'],
  ['dash', '0.5.12-2', 206, 'shells', 'POSIX-compliant shell'],
  ['debconf', '1.5.82', 512, 'admin', 'Debian configuration management system'],
  ['debian-archive-keyring', '2023.3+deb12u1', 245, 'misc', 'GnuPG archive keys of the Debian archive'],
  ['debianutils', '5.7-0.5~deb12u1', 243, 'utils', 'Miscellaneous utilities specific to Debian'],
  ['diffutils', '1:3.8-4', 1597, 'utils', 'File comparison utilities'],
  ['dpkg', '1.21.22', 6559, 'admin', 'Debian package management system'],
  ['findutils', '4.9.0-4', 1776, 'utils', 'utilities for finding files--find, xargs'],
  ['gpgv', '2.2.40-1.1', 842, 'utils', 'GNU privacy guard - signature verification tool'],
  ['grep', '3.8-5', 1444, 'utils', 'GNU grep, egrep and fgrep'],
  ['gzip', '1.12-1', 257, 'utils', 'GNU compression utilities'],
  ['hostname', '3.23+nmu1', 46, 'admin', 'utility to set/show the host name or domain name'],
  ['libc-bin', '2.36-9+deb12u3', 2613, 'libs', 'GNU C Library: Binaries'],
  ['libc6', '2.36-9+deb12u3', 12986, 'libs', 'GNU C Library: Shared libraries'],
  ['login', '1:4.13+dfsg1-1+b1', 2632, 'admin', 'system login tools'],
  ['mount', '2.38.1-5+b1', 446, 'admin', 'tools for mounting and manipulating filesystems'],
  ['ncurses-base', '6.4-4', 393, 'utils', 'basic terminal type definitions'],
  ['passwd', '1:4.13+dfsg1-1+b1', 2793, 'admin', 'change and administer password and group data'],
  ['perl-base', '5.36.0-7+deb12u1', 7620, 'perl', 'minimal Perl system'],
  ['sed', '4.9-1', 883, 'utils', 'GNU stream editor for filtering/transforming text'],
  ['sysvinit-utils', '3.06-4', 93, 'admin', 'System-V-like utilities'],
  ['tar', '1.34+dfsg-1.2+deb12u1', 3152, 'utils', 'GNU version of the tar archiving utility'],
  ['tzdata', '2023c-5+deb12u1', 3297, 'localization', 'time zone and daylight-saving time data'],
  ['util-linux', '2.38.1-5+b1', 4932, 'utils', 'miscellaneous system utilities'],
  ['zlib1g', '1:1.2.13.dfsg-1', 170, 'libs', 'compression library - runtime'],
];

const ubuntu = (versions: Readonly<Record<string, string>>): DebPackage[] =>
  BOOKWORM_BASE.filter((p) => versions[p[0]] !== undefined).map(([name, , size, section, description]) => [name, versions[name]!, size, section, description]);

export const FOCAL_BASE: readonly DebPackage[] = ubuntu({
  apt: '2.0.9', 'base-files': '11ubuntu5.7', bash: '5.0-6ubuntu1.2', coreutils: '8.30-3ubuntu2', dash: '0.5.10.2-6',
  dpkg: '1.19.7ubuntu3.2', grep: '3.4-1', gzip: '1.10-0ubuntu4.1', libc6: '2.31-0ubuntu9.12', sed: '4.7-1',
  tar: '1.30+dfsg-7ubuntu0.20.04.3', 'perl-base': '5.30.0-9ubuntu0.4', 'util-linux': '2.34-0.1ubuntu9.4', zlib1g: '1:1.2.11.dfsg-2ubuntu1.5',
});

export const JAMMY_BASE: readonly DebPackage[] = ubuntu({
  apt: '2.4.10', 'base-files': '12ubuntu4.4', bash: '5.1-6ubuntu1', coreutils: '8.32-4.1ubuntu1',
  dash: '0.5.11+git20210903+057cd650a4ed-3build1', dpkg: '1.21.1ubuntu2.2', grep: '3.7-1build1', gzip: '1.10-4ubuntu4.1',
  libc6: '2.35-0ubuntu3.4', sed: '4.8-1ubuntu2', tar: '1.34+dfsg-1ubuntu0.1.22.04.1', 'perl-base': '5.34.0-3ubuntu1.2',
  'util-linux': '2.37.2-4ubuntu3', zlib1g: '1:1.2.11.dfsg-2ubuntu9.2',
});

export const BOOKWORM_CURL: readonly DebPackage[] = [
  ['ca-certificates', '20230311', 374, 'misc', 'Common CA certificates'],
  ['curl', '7.88.1-10+deb12u4', 502, 'web', 'command line tool for transferring data with URL syntax'],
  ['gnupg', '2.2.40-1.1', 885, 'utils', 'GNU privacy guard - a free PGP replacement'],
  ['netbase', '6.4', 41, 'admin', 'Basic TCP/IP networking system'],
  ['sq', '0.27.0-2+b1', 9730, 'utils', 'OpenPGP command-line tool from Sequoia'],
  ['wget', '1.21.3-1+b2', 3900, 'web', 'retrieves files from the web'],
];

export const BOOKWORM_SCM: readonly DebPackage[] = [
  ['git', '1:2.39.2-1.1', 38213, 'vcs', 'fast, scalable, distributed revision control system'],
  ['mercurial', '6.3.2-1', 1135, 'vcs', 'easy-to-use, scalable distributed version control system'],
  ['openssh-client', '1:9.2p1-2+deb12u1', 4896, 'net', 'secure shell (SSH) client'],
  ['procps', '2:4.0.2-3', 2384, 'admin', '/proc file system utilities'],
  ['subversion', '1.14.2-4+b2', 4733, 'vcs', 'Advanced version control system'],
];

export const BOOKWORM_DEV: readonly DebPackage[] = [
  ['autoconf', '2.71-3', 2025, 'devel', 'automatic configure script builder'],
  ['automake', '1:1.16.5-1.3', 1838, 'devel', 'Tool for generating GNU Standards-compliant Makefiles'],
  ['g++', '4:12.2.0-3', 15, 'devel', 'GNU C++ compiler'],
  ['gcc', '4:12.2.0-3', 49, 'devel', 'GNU C compiler'],
  ['imagemagick', '8:6.9.11.60+dfsg-1.6', 275, 'graphics', 'image manipulation programs -- binaries'],
  ['libc6-dev', '2.36-9+deb12u3', 15767, 'libdevel', 'GNU C Library: Development Libraries and Header Files'],
  ['libssl-dev', '3.0.11-1~deb12u1', 12290, 'libdevel', 'Secure Sockets Layer toolkit - development files'],
  ['make', '4.3-4.1', 1615, 'devel', 'utility for directing compilation'],
  ['patch', '2.7.6-7', 238, 'vcs', 'Apply a diff file to an original'],
  ['unzip', '6.0-28', 382, 'utils', 'De-archiver for .zip files'],
  ['xz-utils', '5.4.1-0.2', 1290, 'utils', 'XZ-format compression utilities'],
  ['zlib1g-dev', '1:1.2.13.dfsg-1', 564, 'libdevel', 'compression library - development'],
];

export const GOLANG_BUILD: readonly DebPackage[] = [
  ['g++', '4:12.2.0-3', 15, 'devel', 'GNU C++ compiler'],
  ['gcc', '4:12.2.0-3', 49, 'devel', 'GNU C compiler'],
  ['libc6-dev', '2.36-9+deb12u3', 15767, 'libdevel', 'GNU C Library: Development Libraries and Header Files'],
  ['make', '4.3-4.1', 1615, 'devel', 'utility for directing compilation'],
  ['pkg-config', '1.8.1-1', 64, 'devel', 'manage compile and link flags for libraries'],
];

export const NGINX_DEBIAN: readonly DebPackage[] = [
  ['ca-certificates', '20230311', 374, 'misc', 'Common CA certificates'],
  ['curl', '7.88.1-10+deb12u4', 502, 'web', 'command line tool for transferring data with URL syntax'],
  ['gettext-base', '0.21-12', 1018, 'misc', 'GNU Internationalization utilities for the base system'],
  ['nginx', '1.25.3-1~bookworm', 3474, 'httpd', 'high performance web server'],
  ['nginx-module-njs', '1.25.3+0.8.2-1~bookworm', 5102, 'httpd', 'nginx njs dynamic modules'],
];

export const PYTHON_SLIM_DEPS: readonly DebPackage[] = [
  ['ca-certificates', '20230311', 374, 'misc', 'Common CA certificates'],
  ['netbase', '6.4', 41, 'admin', 'Basic TCP/IP networking system'],
];

export const PYTHON_DEV_DEPS: readonly DebPackage[] = [
  ['libbluetooth-dev', '5.66-1+deb12u1', 590, 'libdevel', 'Development files for using the BlueZ Linux Bluetooth library'],
  ['tk-dev', '8.6.13', 20, 'devel', 'Toolkit for Tcl and X11 (default version) - development files'],
  ['uuid-dev', '2.38.1-5+b1', 107, 'libdevel', 'Universally Unique ID library - headers and static libraries'],
];

/** The status file after installing `layers` of packages, in order (later duplicates keep the first). */
export function dpkgStatus(...layers: ReadonlyArray<readonly DebPackage[]>): string {
  return dpkgStatusBy('Debian Developers <debian-devel@lists.debian.org>', ...layers);
}

export function dpkgStatusBy(maintainer: string, ...layers: ReadonlyArray<readonly DebPackage[]>): string {
  const seen = new Map<string, DebPackage>();
  for (const list of layers) for (const p of list) if (!seen.has(p[0])) seen.set(p[0], p);
  return [...seen.values()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(
      ([name, version, size, section, description]) =>
        `Package: ${name}\nStatus: install ok installed\nPriority: ${section === 'admin' || section === 'shells' ? 'required' : 'optional'}\nSection: ${section}\nInstalled-Size: ${size}\nMaintainer: ${maintainer}\nArchitecture: ${section === 'misc' || name.endsWith('-base') ? 'all' : 'amd64'}\nVersion: ${version}\nDescription: ${description}\n`,
    )
    .join('\n');
}

/** name, version, installed size (bytes), description. */
export type ApkPackage = readonly [string, string, number, string];

export const ALPINE_318_BASE: readonly ApkPackage[] = [
  ['musl', '1.2.4-r2', 643072, 'the musl c library (libc) implementation'],
  ['busybox', '1.36.1-r2', 966656, 'Size optimized toolbox of many common UNIX utilities'],
  ['busybox-binsh', '1.36.1-r2', 0, 'busybox ash /bin/sh'],
  ['alpine-baselayout', '3.4.3-r1', 331776, 'Alpine base dir structure and init scripts'],
  ['alpine-baselayout-data', '3.4.3-r1', 77824, 'Alpine base dir structure and init scripts'],
  ['alpine-keys', '2.4-r1', 159744, 'Public keys for Alpine Linux packages'],
  ['ca-certificates-bundle', '20230506-r0', 237568, 'Pre generated bundle of Mozilla certificates'],
  ['libcrypto3', '3.1.3-r0', 4337664, 'Crypto library from openssl'],
  ['libssl3', '3.1.3-r0', 618496, 'SSL shared libraries'],
  ['ssl_client', '1.36.1-r2', 28672, 'EXternal ssl_client for busybox wget'],
  ['zlib', '1.2.13-r1', 110592, 'A compression/decompression Library'],
  ['apk-tools', '2.14.0-r2', 307200, 'Alpine Package Keeper - package manager for alpine'],
  ['scanelf', '1.3.7-r1', 81920, 'Scan ELF binaries for stuff'],
  ['musl-utils', '1.2.4-r2', 135168, 'the musl c library (libc) implementation'],
  ['libc-utils', '0.7.2-r5', 4096, 'Meta package to pull in correct libc'],
];

/** apk's installed database for `packages` (the fields `apk info` reads). */
export const NGINX_ALPINE_PACKAGES: readonly ApkPackage[] = [
  ['nginx', '1.25.3-r1', 1355776, 'High performance web server'],
  ['tzdata', '2023c-r1', 1478656, 'Timezone data'],
];

export const NGINX_ALPINE_MODULES: readonly ApkPackage[] = [
  ['nginx-module-njs', '1.25.3.0.8.2-r1', 5033984, 'nginx njs dynamic modules'],
  ['nginx-module-image-filter', '1.25.3-r1', 45056, 'nginx image filter dynamic module'],
  ['curl', '8.4.0-r0', 249856, 'URL retrival utility and library'],
];

export const NODE_ALPINE_PACKAGES: readonly ApkPackage[] = [
  ['libgcc', '12.2.1_git20220924-r10', 139264, 'GNU C compiler runtime libraries'],
  ['libstdc++', '12.2.1_git20220924-r10', 2256896, 'GNU C++ standard runtime library'],
];

export function apkInstalled(...layers: ReadonlyArray<readonly ApkPackage[]>): string {
  return layers
    .flat()
    .map(([name, version, size, description]) => `P:${name}\nV:${version}\nA:x86_64\nI:${size}\nT:${description}\nL:\no:${name}\n`)
    .join('\n');
}
