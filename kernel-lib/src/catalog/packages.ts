/**
 * The package-size catalog the simulated package managers install from (apt-get, apk, npm, pip,
 * curl/wget), implementing the shell's `PackageCatalog` contract.
 *
 * Where the figures come from (all rounded; they are for lessons about layer sizes, not for
 * capacity planning):
 * - apt: Debian 12 "bookworm" amd64 package control data — `Installed-Size` (KiB) and the .deb
 *   size as packages.debian.org lists them. Dependencies are those apt pulls into the official
 *   debian:bookworm image with its default of installing Recommends (which is why
 *   `apt-get install python3-pip` brings a compiler along). Ubuntu 22.04 uses the same table: its
 *   jammy packages are within a few percent for these names (the versions shown are Debian's).
 * - apt lists: the index sizes apt logs on `apt-get update` (e.g. "bookworm/main amd64 Packages
 *   [8,788 kB]", an apt-get log quoted in github.com/tteck/Proxmox/issues/3355) converted to what
 *   the Docker images keep: lz4-compressed lists (≈ 1.6× the xz download for Debian's Packages).
 *   Ubuntu keeps far more (main, restricted, universe, multiverse × release, -updates, -security,
 *   -backports): ≈ 54 MB, close to the "RUN apt-get update → 50MB" layer the course's seed material shows.
 * - apk: Alpine 3.18 x86_64 package metadata (`I:` installed size in /lib/apk/db/installed, the
 *   .apk download size), and the APKINDEX.tar.gz sizes of v3.18 main and community.
 * - npm: the registry's `dist.unpackedSize` and tarball size of each version, with each package's
 *   runtime dependencies (transitive dependencies grouped under their main names).
 * - pip: the wheel sizes on PyPI (manylinux x86_64 / py3-none-any) and the installed size of the
 *   unpacked wheel (site-packages directory plus .dist-info).
 */
import type { CatalogPackage, IndexFile, PackageCatalog, PackageEcosystem } from '../shell/packages/PackageCatalog';

/** [name, version, installed KiB, download KiB, depends ("?name": a Recommends, skipped by --no-install-recommends), commands] */
type Row = readonly [string, string, number, number, (readonly string[])?, (readonly string[])?];

const KIB = 1024;

function table(rows: readonly Row[]): ReadonlyMap<string, CatalogPackage> {
  return new Map(
    rows.map(([name, version, installed, download, depends, bins]) => [
      name,
      Object.freeze({ name, version, installedBytes: installed * KIB, downloadBytes: download * KIB, depends: depends ?? [], bins: bins ?? [] }),
    ]),
  );
}

const KRB = ['libgssapi-krb5-2', 'libkrb5-3', 'libk5crypto3', 'libkrb5support0', 'libkeyutils1'];
const CURL_LIBS = ['libnghttp2-14', 'librtmp1', 'libssh2-1', 'libpsl5', 'libbrotli1', 'libldap-2.5-0', 'libsasl2-2', 'libsasl2-modules-db', 'libssl3', ...KRB];
const PERL = ['perl', 'perl-modules-5.36', 'libperl5.36', 'libgdbm6', 'libgdbm-compat4'];
const GCC_LIBS = ['libisl23', 'libmpc3', 'libmpfr6', 'libasan8', 'libtsan2', 'libubsan1', 'liblsan0', 'libgomp1', 'libitm1', 'libatomic1', 'libquadmath0', 'libcc1-0'];

const APT: readonly Row[] = [
  ['curl', '7.88.1-10+deb12u5', 500, 315, ['libcurl4', '?ca-certificates', '?publicsuffix'], ['curl']],
  ['libcurl4', '7.88.1-10+deb12u5', 1100, 390, CURL_LIBS],
  ['libcurl3-gnutls', '7.88.1-10+deb12u5', 1100, 385, CURL_LIBS],
  ['libnghttp2-14', '1.52.0-1+deb12u1', 460, 73],
  ['librtmp1', '2.4+20151223.gitfa8646d.1-2+b2', 140, 60],
  ['libssh2-1', '1.10.0-3+b1', 280, 210],
  ['libpsl5', '0.21.2-1', 90, 58],
  ['publicsuffix', '20230209.2326-1', 230, 126],
  ['libbrotli1', '1.0.9-2+b6', 800, 270],
  ['libldap-2.5-0', '2.5.13+dfsg-5', 600, 183],
  ['libsasl2-2', '2.1.28+dfsg-10', 230, 57],
  ['libsasl2-modules-db', '2.1.28+dfsg-10', 60, 20],
  ['libgssapi-krb5-2', '1.20.1-2+deb12u1', 450, 135],
  ['libkrb5-3', '1.20.1-2+deb12u1', 1100, 332],
  ['libk5crypto3', '1.20.1-2+deb12u1', 280, 79],
  ['libkrb5support0', '1.20.1-2+deb12u1', 120, 33],
  ['libkeyutils1', '1.6.3-2', 40, 9],
  ['libssl3', '3.0.11-1~deb12u2', 6100, 2000],
  ['openssl', '3.0.11-1~deb12u2', 2300, 1400, ['libssl3'], ['openssl']],
  ['ca-certificates', '20230311', 380, 153, ['openssl']],
  ['wget', '1.21.3-1+b2', 3600, 970, ['libpsl5', '?publicsuffix', '?ca-certificates'], ['wget']],
  ['vim', '2:9.0.1378-2', 3700, 1500, ['vim-runtime', 'vim-common', 'libgpm2', 'libsodium23', 'xxd'], ['vim', 'vi']],
  ['vim-runtime', '2:9.0.1378-2', 36800, 7000],
  ['vim-common', '2:9.0.1378-2', 380, 168],
  ['xxd', '2:9.0.1378-2', 100, 80, [], ['xxd']],
  ['libgpm2', '1.20.7-10+b1', 60, 15],
  ['libsodium23', '1.0.18-1', 400, 161],
  ['nano', '7.2-1', 2800, 690, [], ['nano']],
  ['less', '590-2', 500, 130, [], ['less']],
  ['git', '1:2.39.2-1.1', 38000, 7300, ['git-man', 'liberror-perl', 'libcurl3-gnutls', 'libexpat1', '?ca-certificates', '?patch', '?less', '?openssh-client', ...PERL], ['git']],
  ['git-man', '1:2.39.2-1.1', 12000, 2000],
  ['liberror-perl', '0.17029-2', 40, 25],
  ['libexpat1', '2.5.0-1', 350, 99],
  ['patch', '2.7.6-7', 250, 128, [], ['patch']],
  ['perl', '5.36.0-7+deb12u1', 670, 239],
  ['perl-modules-5.36', '5.36.0-7+deb12u1', 17000, 2800],
  ['libperl5.36', '5.36.0-7+deb12u1', 28000, 4200],
  ['libgdbm6', '1.23-3', 110, 73],
  ['libgdbm-compat4', '1.23-3', 60, 47],
  ['openssh-client', '1:9.2p1-2+deb12u2', 4500, 990, ['libcbor0.8', 'libfido2-1', 'libedit2', 'libbsd0', 'libmd0', 'libssl3'], ['ssh', 'scp']],
  ['libcbor0.8', '0.8.0-2+b1', 110, 28],
  ['libfido2-1', '1.12.0-2+b1', 240, 78],
  ['libedit2', '3.1-20221030-2', 250, 89],
  ['libbsd0', '0.11.7-2', 200, 117],
  ['libmd0', '1.0.4-2', 80, 28],
  ['nginx', '1.22.1-9', 1300, 520, ['nginx-common', 'libssl3', '?iproute2'], ['nginx']],
  ['nginx-common', '1.22.1-9', 320, 112],
  ['iproute2', '6.1.0-3', 3600, 1000, ['libbpf1', 'libmnl0', 'libxtables12', 'libcap2-bin', 'libelf1'], ['ip', 'ss']],
  ['libbpf1', '1:1.1.0-1', 400, 145],
  ['libmnl0', '1.0.4-3', 50, 12],
  ['libxtables12', '1.8.9-2', 100, 31],
  ['libcap2-bin', '1:2.66-4', 100, 34],
  ['libelf1', '0.188-2.1', 1000, 174],
  ['build-essential', '12.9', 20, 8, ['gcc', 'g++', 'make', 'dpkg-dev', 'libc6-dev'], []],
  ['gcc', '4:12.2.0-3', 50, 5, ['gcc-12', 'cpp'], ['gcc', 'cc']],
  ['gcc-12', '12.2.0-14', 66000, 19000, ['cpp-12', 'binutils', 'libgcc-12-dev', ...GCC_LIBS], ['gcc-12']],
  ['g++', '4:12.2.0-3', 30, 2, ['g++-12', 'gcc'], ['g++', 'c++']],
  ['g++-12', '12.2.0-14', 36000, 10500, ['gcc-12', 'libstdc++-12-dev'], ['g++-12']],
  ['cpp', '4:12.2.0-3', 60, 7, ['cpp-12'], ['cpp']],
  ['cpp-12', '12.2.0-14', 33000, 9700],
  ['libstdc++-12-dev', '12.2.0-14', 19000, 2000],
  ['libgcc-12-dev', '12.2.0-14', 9000, 2400],
  ['libc6-dev', '2.36-9+deb12u3', 12000, 1900, ['linux-libc-dev', 'libc-dev-bin', 'libcrypt-dev', 'rpcsvc-proto', 'libtirpc-dev', 'libnsl-dev']],
  ['linux-libc-dev', '6.1.66-1', 8600, 1700],
  ['libc-dev-bin', '2.36-9+deb12u3', 200, 47],
  ['libcrypt-dev', '1:4.4.33-2', 350, 113],
  ['rpcsvc-proto', '1.4.3-1', 250, 63],
  ['libtirpc-dev', '1.3.3+ds-1', 900, 191],
  ['libnsl-dev', '1.3.0-2', 250, 66],
  ['binutils', '2.40-2', 3600, 1500, ['binutils-x86-64-linux-gnu', 'libbinutils', 'libctf0', 'libgprofng0', 'libjansson4'], ['ld', 'as', 'objdump', 'strip']],
  ['binutils-x86-64-linux-gnu', '2.40-2', 10800, 2300],
  ['libbinutils', '2.40-2', 2700, 670],
  ['libctf0', '2.40-2', 250, 90],
  ['libgprofng0', '2.40-2', 4200, 808],
  ['libjansson4', '2.14-2', 90, 40],
  ['libisl23', '0.25-1.1', 3800, 670],
  ['libmpc3', '1.3.1-1', 120, 52],
  ['libmpfr6', '4.2.0-1', 1100, 701],
  ['libasan8', '12.2.0-14', 9100, 2200],
  ['libtsan2', '12.2.0-14', 10000, 2300],
  ['libubsan1', '12.2.0-14', 3100, 883],
  ['liblsan0', '12.2.0-14', 3400, 958],
  ['libgomp1', '12.2.0-14', 330, 116],
  ['libitm1', '12.2.0-14', 110, 26],
  ['libatomic1', '12.2.0-14', 40, 9],
  ['libquadmath0', '12.2.0-14', 300, 145],
  ['libcc1-0', '12.2.0-14', 150, 41],
  ['make', '4.3-4.1', 1600, 396, [], ['make']],
  ['dpkg-dev', '1.21.22', 2000, 1300, ['libdpkg-perl', 'patch', 'binutils', ...PERL], ['dpkg-buildpackage']],
  ['libdpkg-perl', '1.21.22', 1900, 1500],
  ['python3', '3.11.2-1+b1', 90, 26, ['python3.11', 'python3-minimal', 'libpython3.11-stdlib', 'media-types'], ['python3']],
  ['python3.11', '3.11.2-6', 600, 573, ['python3.11-minimal', 'libpython3.11-stdlib']],
  ['python3-minimal', '3.11.2-1+b1', 130, 26],
  ['python3.11-minimal', '3.11.2-6', 6000, 2000, ['libpython3.11-minimal']],
  ['libpython3.11-minimal', '3.11.2-6', 5000, 816],
  ['libpython3.11-stdlib', '3.11.2-6', 8000, 1800, ['libmpdec3', 'libreadline8', 'libsqlite3-0', 'libncursesw6', 'libffi8', 'libexpat1', 'libssl3']],
  ['media-types', '10.0.0', 100, 35],
  ['libmpdec3', '2.5.1-2', 250, 87],
  ['libreadline8', '8.2-1.3', 470, 163],
  ['libsqlite3-0', '3.40.1-2', 1700, 805],
  ['libncursesw6', '6.4-4', 420, 134],
  ['libffi8', '3.4.4-1', 70, 23],
  ['python3-pip', '23.0.1+dfsg-1', 9000, 1300, ['python3', 'python3-setuptools', 'python3-wheel', 'python3-distutils', 'python3-lib2to3', '?build-essential', '?python3-dev'], ['pip', 'pip3']],
  ['python3-setuptools', '66.1.1-1', 3000, 521],
  ['python3-wheel', '0.38.4-2', 200, 62],
  ['python3-distutils', '3.11.2-3', 300, 131],
  ['python3-lib2to3', '3.11.2-3', 300, 76],
  ['python3-dev', '3.11.2-1+b1', 30, 26, ['python3.11-dev'], []],
  ['python3.11-dev', '3.11.2-6', 2000, 500, ['libpython3.11-dev', 'libexpat1-dev', 'zlib1g-dev']],
  ['libpython3.11-dev', '3.11.2-6', 22000, 4700],
  ['libexpat1-dev', '2.5.0-1', 600, 150],
  ['zlib1g-dev', '1:1.2.13.dfsg-1', 600, 916],
  ['unzip', '6.0-28', 400, 166, [], ['unzip']],
  ['zip', '3.0-13', 600, 230, [], ['zip']],
  ['jq', '1.6-2.1', 100, 64, ['libjq1', 'libonig5'], ['jq']],
  ['libjq1', '1.6-2.1', 400, 135],
  ['libonig5', '6.9.8-1', 600, 188],
  ['htop', '3.2.2-2', 350, 152, ['libnl-3-200', 'libnl-genl-3-200'], ['htop']],
  ['libnl-3-200', '3.7.0-0.2+b1', 200, 63],
  ['libnl-genl-3-200', '3.7.0-0.2+b1', 60, 21],
  ['procps', '2:4.0.2-3', 2000, 709, ['libproc2-0', 'libncursesw6'], ['ps', 'top', 'free']],
  ['libproc2-0', '2:4.0.2-3', 200, 62],
  ['iputils-ping', '3:20221126-1', 150, 49, ['libcap2-bin'], ['ping']],
  ['net-tools', '2.10-0.1', 900, 243, [], ['netstat', 'ifconfig']],
  ['gnupg', '2.2.40-1.1', 900, 846, ['gpg', 'dirmngr', 'gpg-agent'], []],
  ['gpg', '2.2.40-1.1', 1600, 949, [], ['gpg']],
  ['dirmngr', '2.2.40-1.1', 1400, 793],
  ['gpg-agent', '2.2.40-1.1', 900, 695],
  ['tzdata', '2024a-0+deb12u1', 3300, 255],
  ['locales', '2.36-9+deb12u3', 16000, 3900],
  ['sudo', '1.9.13p3-1+deb12u1', 6300, 1900, [], ['sudo']],
  ['postgresql-client', '15+248', 3500, 1700, ['libpq5'], ['psql']],
  ['libpq5', '15.5-0+deb12u1', 900, 190],
  ['default-jre-headless', '2:1.17-74', 5, 3, ['openjdk-17-jre-headless'], []],
  ['openjdk-17-jre-headless', '17.0.9+9-1~deb12u1', 190000, 43000, [], ['java']],
  ['nodejs', '18.19.0+dfsg-6~deb12u1', 48000, 11000, ['libnode108'], ['node', 'nodejs']],
  ['libnode108', '18.19.0+dfsg-6~deb12u1', 55000, 10000],
  ['npm', '9.2.0~ds1-1', 12000, 2200, ['nodejs'], ['npm', 'npx']],
];

const APK: readonly Row[] = [
  ['curl', '8.4.0-r0', 248, 152, ['libcurl', 'ca-certificates'], ['curl']],
  ['libcurl', '8.4.0-r0', 628, 331, ['brotli-libs', 'libidn2', 'nghttp2-libs', 'c-ares', 'zstd-libs']],
  ['brotli-libs', '1.0.9-r14', 716, 332],
  ['libidn2', '2.3.4-r1', 216, 57, ['libunistring']],
  ['libunistring', '1.1-r1', 1640, 490],
  ['nghttp2-libs', '1.57.0-r0', 160, 72],
  ['c-ares', '1.20.1-r0', 108, 65],
  ['zstd-libs', '1.5.5-r4', 680, 302],
  ['ca-certificates', '20230506-r0', 684, 366],
  ['wget', '1.21.4-r0', 488, 228, ['libidn2', 'pcre2'], ['wget']],
  ['pcre2', '10.42-r1', 672, 280],
  ['bash', '5.2.15-r5', 1296, 429, ['readline'], ['bash']],
  ['readline', '8.2.1-r1', 292, 120],
  ['git', '2.40.1-r0', 12900, 4800, ['libcurl', 'libexpat', 'pcre2', 'zlib'], ['git']],
  ['libexpat', '2.5.0-r1', 180, 74],
  ['zlib', '1.2.13-r1', 108, 53],
  ['vim', '9.0.1568-r0', 3300, 1500, ['xxd', 'vim-common'], ['vim']],
  ['vim-common', '9.0.1568-r0', 28000, 7000],
  ['xxd', '9.0.1568-r0', 28, 19],
  ['nano', '7.2-r1', 600, 218, [], ['nano']],
  ['jq', '1.6-r3', 160, 85, ['oniguruma'], ['jq']],
  ['oniguruma', '6.9.8-r1', 564, 186],
  ['tzdata', '2023c-r1', 3000, 477],
  ['openssh-client', '9.3_p2-r0', 1400, 600, [], ['ssh']],
  ['python3', '3.11.6-r0', 45000, 12000, ['libffi', 'gdbm', 'mpdecimal', 'sqlite-libs', 'ncurses-libs', 'libbz2', 'xz-libs'], ['python3']],
  ['libffi', '3.4.4-r2', 48, 20],
  ['gdbm', '1.23-r1', 180, 68],
  ['mpdecimal', '2.5.1-r2', 240, 80],
  ['sqlite-libs', '3.41.2-r2', 1300, 740],
  ['ncurses-libs', '6.4_p20230506-r0', 320, 130],
  ['libbz2', '1.0.8-r5', 76, 35],
  ['xz-libs', '5.4.3-r0', 180, 91],
  ['py3-pip', '23.1.2-r0', 9600, 2300, ['python3'], ['pip', 'pip3']],
  ['nodejs', '18.18.2-r0', 45000, 13000, ['icu-libs', 'libstdc++'], ['node']],
  ['icu-libs', '73.2-r2', 36000, 12000],
  ['libstdc++', '12.2.1_git20220924-r10', 2400, 780],
  ['npm', '9.6.6-r0', 10000, 2400, ['nodejs'], ['npm', 'npx']],
  ['build-base', '0.5-r3', 4, 2, ['gcc', 'g++', 'make', 'musl-dev', 'binutils', 'fortify-headers', 'patch', 'libc-dev'], []],
  ['gcc', '12.2.1_git20220924-r10', 110000, 32000, ['binutils', 'libgomp', 'libatomic', 'gmp', 'mpc1', 'mpfr4', 'isl26'], ['gcc', 'cc']],
  ['g++', '12.2.1_git20220924-r10', 42000, 12000, ['gcc', 'libstdc++-dev'], ['g++']],
  ['libstdc++-dev', '12.2.1_git20220924-r10', 17000, 2400],
  ['make', '4.4.1-r1', 272, 130, [], ['make']],
  ['musl-dev', '1.2.4-r2', 4400, 1100],
  ['libc-dev', '0.7.2-r5', 4, 2],
  ['binutils', '2.40-r7', 7400, 2800, [], ['ld', 'as']],
  ['fortify-headers', '1.1-r3', 100, 12],
  ['patch', '2.7.6-r10', 140, 77, [], ['patch']],
  ['libgomp', '12.2.1_git20220924-r10', 300, 110],
  ['libatomic', '12.2.1_git20220924-r10', 32, 9],
  ['gmp', '6.2.1-r3', 440, 220],
  ['mpc1', '1.3.1-r1', 124, 50],
  ['mpfr4', '4.2.0_p12-r0', 1600, 360],
  ['isl26', '0.26-r1', 3300, 800],
  ['postgresql15-client', '15.5-r0', 2500, 800, ['libpq'], ['psql']],
  ['libpq', '15.5-r0', 320, 150],
  ['shadow', '4.13-r4', 2400, 700, [], ['useradd', 'groupadd']],
  ['su-exec', '0.2-r3', 20, 7, [], ['su-exec']],
  ['tini', '0.19.0-r1', 36, 12, [], ['tini']],
];

const NPM: readonly Row[] = [
  ['express', '4.18.2', 215, 54, ['body-parser', 'cookie', 'debug', 'finalhandler', 'send', 'serve-static', 'qs', 'path-to-regexp', 'accepts', 'mime-types', 'express-deps']],
  ['body-parser', '1.20.1', 59, 18, ['raw-body', 'iconv-lite', 'qs', 'type-is']],
  ['raw-body', '2.5.1', 21, 6],
  ['iconv-lite', '0.4.24', 335, 133, ['safer-buffer']],
  ['safer-buffer', '2.1.2', 42, 11],
  ['qs', '6.11.0', 240, 62, ['side-channel']],
  ['side-channel', '1.0.4', 17, 5, ['get-intrinsic', 'object-inspect']],
  ['get-intrinsic', '1.2.2', 44, 13],
  ['object-inspect', '1.13.1', 91, 25],
  ['type-is', '1.6.18', 18, 6, ['media-typer', 'mime-types']],
  ['media-typer', '0.3.0', 14, 5],
  ['mime-types', '2.1.35', 18, 6, ['mime-db']],
  ['mime-db', '1.52.0', 210, 27],
  ['cookie', '0.5.0', 22, 7],
  ['debug', '2.6.9', 79, 17, ['ms']],
  ['ms', '2.0.0', 6, 3],
  ['finalhandler', '1.2.0', 18, 6],
  ['send', '0.18.0', 50, 14, ['mime', 'http-errors']],
  ['mime', '1.6.0', 54, 16],
  ['http-errors', '2.0.0', 19, 6],
  ['serve-static', '1.15.0', 25, 7],
  ['path-to-regexp', '0.1.7', 7, 3],
  ['accepts', '1.3.8', 17, 6, ['negotiator']],
  ['negotiator', '0.6.3', 28, 8],
  /** The rest of express 4.18.2's 57-package tree (array-flatten, content-disposition, etag, fresh, …), grouped. */
  ['express-deps', '4.18.2', 1100, 300],
  ['react', '18.2.0', 316, 81, ['loose-envify']],
  ['loose-envify', '1.4.0', 10, 4, ['js-tokens']],
  ['js-tokens', '4.0.0', 15, 5],
  ['react-dom', '18.2.0', 4440, 1090, ['react', 'scheduler']],
  ['scheduler', '0.23.0', 102, 26],
  ['lodash', '4.17.21', 1412, 318],
  ['axios', '1.6.0', 1900, 350, ['follow-redirects', 'form-data', 'proxy-from-env']],
  ['follow-redirects', '1.15.3', 30, 10],
  ['form-data', '4.0.0', 37, 11, ['asynckit', 'combined-stream', 'mime-types']],
  ['asynckit', '0.4.0', 27, 7],
  ['combined-stream', '1.0.8', 11, 4, ['delayed-stream']],
  ['delayed-stream', '1.0.0', 10, 4],
  ['proxy-from-env', '1.1.0', 11, 4],
  ['dotenv', '16.3.1', 77, 20],
  ['cors', '2.8.5', 20, 7, ['object-assign', 'vary']],
  ['object-assign', '4.1.1', 9, 4],
  ['vary', '1.1.2', 9, 4],
  ['chalk', '5.3.0', 43, 13],
  ['uuid', '9.0.1', 121, 33],
  ['moment', '2.29.4', 4350, 770],
  ['mongoose', '8.0.3', 2700, 560, ['mongodb']],
  ['mongodb', '6.2.0', 8500, 1200],
  ['pg', '8.11.3', 77, 20],
  ['redis', '4.6.11', 10, 3],
  ['jsonwebtoken', '9.0.2', 43, 13],
  ['bcrypt', '5.1.1', 1100, 300],
  ['nodemon', '3.0.2', 200, 55, ['chokidar']],
  ['chokidar', '3.5.3', 3000, 700],
  ['typescript', '5.3.3', 31600, 5700],
  ['webpack', '5.89.0', 26000, 4800],
  ['jest', '29.7.0', 40000, 8000],
  ['vite', '5.0.10', 8500, 1900],
  ['next', '14.0.4', 90000, 19000, ['react', 'react-dom']],
  ['eslint', '8.56.0', 12000, 2800],
  ['prettier', '3.1.1', 8300, 2100],
];

const PIP: readonly Row[] = [
  ['flask', '3.0.0', 260, 99, ['werkzeug', 'jinja2', 'itsdangerous', 'click', 'blinker']],
  ['werkzeug', '3.0.1', 950, 226, ['markupsafe']],
  ['jinja2', '3.1.2', 560, 133, ['markupsafe']],
  ['markupsafe', '2.1.3', 60, 28],
  ['itsdangerous', '2.1.2', 50, 16],
  ['click', '8.1.7', 410, 97],
  ['blinker', '1.7.0', 30, 13],
  ['requests', '2.31.0', 200, 62, ['urllib3', 'idna', 'certifi', 'charset-normalizer']],
  ['urllib3', '2.1.0', 580, 104],
  ['idna', '3.6', 380, 61],
  ['certifi', '2023.11.17', 300, 160],
  ['charset-normalizer', '3.3.2', 1000, 140],
  ['numpy', '1.26.2', 61000, 18000],
  ['pandas', '2.1.4', 62000, 12000, ['numpy', 'python-dateutil', 'pytz', 'tzdata']],
  ['python-dateutil', '2.8.2', 750, 247, ['six']],
  ['six', '1.16.0', 40, 11],
  ['pytz', '2023.3', 1500, 502],
  ['tzdata', '2023.3', 1700, 341],
  ['django', '5.0', 40000, 8100, ['asgiref', 'sqlparse']],
  ['asgiref', '3.7.2', 90, 24],
  ['sqlparse', '0.4.4', 250, 41],
  ['fastapi', '0.105.0', 500, 93, ['starlette', 'pydantic', 'anyio', 'typing-extensions']],
  ['starlette', '0.27.0', 400, 66],
  ['pydantic', '2.5.2', 2200, 381, ['pydantic-core', 'annotated-types', 'typing-extensions']],
  ['pydantic-core', '2.14.5', 5000, 2000],
  ['annotated-types', '0.6.0', 40, 12],
  ['typing-extensions', '4.9.0', 130, 32],
  ['anyio', '3.7.1', 300, 80, ['idna', 'sniffio']],
  ['sniffio', '1.3.0', 20, 10],
  ['uvicorn', '0.25.0', 250, 60, ['click', 'h11']],
  ['h11', '0.14.0', 160, 58],
  ['gunicorn', '21.2.0', 500, 80, ['packaging']],
  ['packaging', '23.2', 180, 53],
  ['sqlalchemy', '2.0.23', 14000, 3100, ['greenlet', 'typing-extensions']],
  ['greenlet', '3.0.2', 900, 616],
  ['psycopg2-binary', '2.9.9', 9400, 3000],
  ['redis', '5.0.1', 1300, 250],
  ['pytest', '7.4.3', 1500, 325, ['iniconfig', 'packaging', 'pluggy']],
  ['iniconfig', '2.0.0', 20, 6],
  ['pluggy', '1.3.0', 60, 18],
  ['boto3', '1.34.2', 800, 139, ['botocore', 'jmespath', 's3transfer']],
  ['botocore', '1.34.2', 95000, 11800, ['jmespath', 'python-dateutil', 'urllib3']],
  ['jmespath', '1.0.1', 100, 20],
  ['s3transfer', '0.9.0', 350, 82],
  ['pillow', '10.1.0', 12000, 3600],
  ['scikit-learn', '1.3.2', 35000, 10800, ['numpy', 'scipy', 'joblib', 'threadpoolctl']],
  ['scipy', '1.11.4', 100000, 36000, ['numpy']],
  ['joblib', '1.3.2', 1200, 302],
  ['threadpoolctl', '3.2.0', 50, 15],
];

const APT_LISTS: Readonly<Record<string, readonly IndexFile[]>> = {
  'debian:bookworm': [
    { name: 'deb.debian.org_debian_dists_bookworm_InRelease', bytes: 151_000 },
    { name: 'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', bytes: 14_100_000 },
    { name: 'deb.debian.org_debian_dists_bookworm-updates_InRelease', bytes: 55_400 },
    { name: 'deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4', bytes: 22_000 },
    { name: 'deb.debian.org_debian-security_dists_bookworm-security_InRelease', bytes: 48_000 },
    { name: 'deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4', bytes: 270_000 },
  ],
  'ubuntu:jammy': ubuntuLists('jammy', [1_750_000, 27_800_000, 4_100_000, 430_000], [4_800_000, 3_900_000, 2_600_000, 40_000]),
  'ubuntu:noble': ubuntuLists('noble', [1_800_000, 29_000_000, 3_200_000, 450_000], [3_100_000, 2_400_000, 1_900_000, 30_000]),
  'ubuntu:focal': ubuntuLists('focal', [1_300_000, 17_500_000, 2_900_000, 250_000], [5_300_000, 4_200_000, 2_800_000, 40_000]),
};

/** Ubuntu's lists: main, universe, restricted, multiverse for the release, plus -updates/-security/-backports. */
function ubuntuLists(codename: string, release: readonly number[], updates: readonly number[]): IndexFile[] {
  const components = ['main', 'universe', 'restricted', 'multiverse'];
  const files: IndexFile[] = [];
  const host = (pocket: string): string => (pocket === 'security' ? 'security.ubuntu.com' : 'archive.ubuntu.com');
  for (const pocket of ['', 'updates', 'security', 'backports']) {
    const suite = pocket === '' ? codename : `${codename}-${pocket}`;
    files.push({ name: `${host(pocket)}_ubuntu_dists_${suite}_InRelease`, bytes: pocket === '' ? 270_000 : 119_000 });
    components.forEach((component, i) => {
      const base = pocket === '' ? (release[i] ?? 0) : pocket === 'backports' ? Math.round((updates[i] ?? 0) / 40) : Math.round((updates[i] ?? 0) / (pocket === 'security' ? 1.4 : 1));
      files.push({ name: `${host(pocket)}_ubuntu_dists_${suite}_${component}_binary-amd64_Packages.lz4`, bytes: base });
    });
  }
  return files;
}

const APK_INDEXES: Readonly<Record<string, readonly IndexFile[]>> = {
  '3.18': [
    { name: 'APKINDEX.77a1e4b9.tar.gz', bytes: 1_051_000 },
    { name: 'APKINDEX.0ecda4f2.tar.gz', bytes: 2_148_000 },
  ],
};

/** Files a lesson downloads with curl/wget (any other URL gets the default size and a note). */
const DOWNLOADS: Readonly<Record<string, number>> = {
  'https://example.com/file1': 1_256,
  'https://example.com/file2': 1_256,
  'https://example.com/': 1_256,
  'https://get.docker.com': 22_000,
};

const TABLES: Readonly<Record<PackageEcosystem, ReadonlyMap<string, CatalogPackage>>> = {
  apt: table(APT),
  apk: table(APK),
  npm: table(NPM),
  pip: table(PIP),
};

/** The course's package catalog; the engine passes it to every shell it starts. */
export const PACKAGE_CATALOG: PackageCatalog = Object.freeze({
  lookup: (ecosystem: PackageEcosystem, name: string) => TABLES[ecosystem].get(ecosystem === 'pip' ? name.toLowerCase().replace(/_/g, '-') : name),
  names: (ecosystem: PackageEcosystem) => [...TABLES[ecosystem].keys()],
  aptLists: (distribution: string, codename: string) => APT_LISTS[`${distribution}:${codename}`] ?? APT_LISTS[distribution === 'ubuntu' ? 'ubuntu:jammy' : 'debian:bookworm'] ?? [],
  apkIndexes: (release: string) => APK_INDEXES[release] ?? APK_INDEXES['3.18'] ?? [],
  downloadSize: (url: string) => DOWNLOADS[url] ?? DOWNLOADS[url.replace(/\/$/, '')],
});
