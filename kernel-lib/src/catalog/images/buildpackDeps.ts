/**
 * buildpack-deps:bookworm-curl → bookworm-scm → bookworm (docker-library/buildpack-deps): each adds
 * one `apt-get install` layer on debian:bookworm — download tools, then version control, then
 * compilers and -dev libraries. node:18, python:3.11 and golang:1.19 are built on them, so those
 * images really share these layers (and share them with debian:bookworm).
 * Layer sizes chosen so that the stack matches the images built on it (node:18 993MB = this stack
 * + node's own ≈184MB; golang:1.19 992MB on bookworm-scm).
 */
import { bin, data, text } from '../catalogFiles';
import { BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_DEV, BOOKWORM_SCM, dpkgStatus } from './packageDatabases';
import { layerStep, runCreatedBy, type CatalogImageSpec } from '../CatalogImageSpec';

const CREATED = '2023-10-11T02:00:00Z';
const apt = (packages: string): string =>
  runCreatedBy(`set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\t${packages.split(' ').join(' \t\t')} \t; \trm -rf /var/lib/apt/lists/*`);

export const buildpackDepsCurl: CatalogImageSpec = {
  reference: 'buildpack-deps:bookworm-curl',
  parent: 'debian:bookworm',
  created: CREATED,
  description: 'debian:bookworm + curl, wget, ca-certificates, gnupg',
  published: { size: 138_600_000, source: 'docker images buildpack-deps:bookworm-curl (linux/amd64, 2023-10): ≈139MB' },
  steps: [
    layerStep({
      key: 'buildpack-deps:bookworm-curl#1',
      createdBy: apt('ca-certificates curl gnupg netbase sq wget'),
      created: CREATED,
      fileBytes: 21_600_000,
      ratio: 0.42,
      files: () => [bin('/usr/bin/curl', 256_336), bin('/usr/bin/wget', 514_712), bin('/usr/bin/gpg', 1_130_936), bin('/usr/bin/sq', 9_876_128), data('/etc/ssl/certs/ca-certificates.crt', 216_843), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, BOOKWORM_CURL))],
      filler: ['/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', '/usr/lib/x86_64-linux-gnu/libgnutls.so.30', '/usr/lib/x86_64-linux-gnu/libnghttp2.so.14.24.1'],
    }),
  ],
};

export const buildpackDepsScm: CatalogImageSpec = {
  reference: 'buildpack-deps:bookworm-scm',
  parent: 'buildpack-deps:bookworm-curl',
  created: CREATED,
  description: 'buildpack-deps:bookworm-curl + git, mercurial, subversion, openssh-client',
  published: { size: 262_600_000, source: 'docker images buildpack-deps:bookworm-scm (linux/amd64, 2023-10): ≈263MB' },
  steps: [
    layerStep({
      key: 'buildpack-deps:bookworm-scm#2',
      createdBy: apt('git mercurial openssh-client subversion procps'),
      created: CREATED,
      fileBytes: 124_000_000,
      ratio: 0.38,
      files: () => [bin('/usr/bin/git', 3_978_576), bin('/usr/bin/ssh', 944_848), bin('/usr/bin/svn', 272_616), bin('/usr/bin/hg', 1_326), bin('/usr/bin/ps', 145_856), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_SCM))],
      filler: ['/usr/lib/git-core/git-remote-http', '/usr/lib/python3/dist-packages/mercurial/cext/parsers.cpython-311-x86_64-linux-gnu.so', '/usr/lib/x86_64-linux-gnu/libsvn_subr-1.so.1', '/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0', '/usr/lib/python3.11/lib-dynload/_ssl.so', '/usr/lib/x86_64-linux-gnu/perl/5.36.0/auto/POSIX/POSIX.so'],
    }),
  ],
};

export const buildpackDeps: CatalogImageSpec = {
  reference: 'buildpack-deps:bookworm',
  parent: 'buildpack-deps:bookworm-scm',
  created: CREATED,
  description: 'buildpack-deps:bookworm-scm + gcc, make and common -dev libraries',
  published: { size: 808_790_000, source: 'docker images buildpack-deps:bookworm (linux/amd64, 2023-10): ≈809MB' },
  steps: [
    layerStep({
      key: 'buildpack-deps:bookworm#3',
      createdBy: apt('autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev'),
      created: CREATED,
      fileBytes: 546_190_000,
      ratio: 0.33,
      files: () => [bin('/usr/bin/x86_64-linux-gnu-gcc-12', 1_006_496), bin('/usr/bin/x86_64-linux-gnu-g++-12', 1_010_592), bin('/usr/bin/make', 256_240), bin('/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 33_869_624), bin('/usr/libexec/gcc/x86_64-linux-gnu/12/cc1plus', 36_328_888), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_SCM, BOOKWORM_DEV))],
      filler: [
        '/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1',
        '/usr/lib/x86_64-linux-gnu/libicudata.so.72.1',
        '/usr/lib/x86_64-linux-gnu/libMagickCore-6.Q16.so.6.0.0',
        '/usr/lib/x86_64-linux-gnu/libgtk-3.so.0.2406.32',
        '/usr/lib/gcc/x86_64-linux-gnu/12/lto1',
        '/usr/lib/x86_64-linux-gnu/libstdc++.a',
        '/usr/lib/x86_64-linux-gnu/libc.a',
        '/usr/include/x86_64-linux-gnu/c++/12/bits/stdc++.h.gch',
        '/usr/share/mime/mime.cache',
        '/usr/lib/x86_64-linux-gnu/libmysqlclient.so.21',
        '/usr/lib/x86_64-linux-gnu/libpq.so.5.15',
      ],
    }),
  ],
};
