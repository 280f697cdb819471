/**
 * golang:1.19 (1.19.13 on buildpack-deps:bookworm-scm, docker-library/golang 2023-09): a gcc/make
 * layer, ENV PATH and GOLANG_VERSION, the Go distribution in /usr/local/go, ENV GOPATH, the
 * GOPATH directories, WORKDIR /go. No CMD: it inherits `bash` from debian.
 * Size (`docker images golang:1.19`, linux/amd64): 992MB.
 */
import { bin, dir, text } from '../catalogFiles';
import { BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_SCM, GOLANG_BUILD, dpkgStatus } from './packageDatabases';
import { envStep, layerStep, runCreatedBy, workdirStep, type CatalogImageSpec } from '../CatalogImageSpec';

const CREATED = '2023-09-06T20:00:00Z';

export const golang119: CatalogImageSpec = {
  reference: 'golang:1.19',
  aliases: ['golang:1.19.13', 'golang:1.19-bookworm'],
  parent: 'buildpack-deps:bookworm-scm',
  created: CREATED,
  description: 'Go 1.19 toolchain on buildpack-deps:bookworm-scm',
  published: { size: 992_000_000, source: 'docker images golang:1.19 (linux/amd64, 1.19.13): 992MB' },
  steps: [
    layerStep({
      key: 'golang:1.19#0',
      createdBy: runCreatedBy('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/*'),
      created: CREATED,
      fileBytes: 228_000_000,
      ratio: 0.3,
      files: () => [bin('/usr/bin/x86_64-linux-gnu-gcc-12', 1_006_496), bin('/usr/bin/make', 256_240), bin('/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 33_869_624), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, BOOKWORM_CURL, BOOKWORM_SCM, GOLANG_BUILD))],
      filler: ['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1plus', '/usr/lib/gcc/x86_64-linux-gnu/12/lto1', '/usr/lib/x86_64-linux-gnu/libc.a', '/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30'],
    }),
    envStep(CREATED, 'PATH', '/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    envStep(CREATED, 'GOLANG_VERSION', '1.19.13'),
    layerStep({
      key: 'golang:1.19#1',
      createdBy: runCreatedBy('set -eux; \tarch="$(dpkg --print-architecture)"; arch="${arch##*-}"; \turl=; \tcase "$arch" in \t\t\'amd64\') \t\t\turl=\'https://dl.google.com/go/go1.19.13.linux-amd64.tar.gz\'; \t\t\t;; \t\t*) echo >&2 "error: unsupported architecture \'$arch\'"; exit 1 ;; \tesac; \t\twget -O go.tgz.asc "$url.asc"; \twget -O go.tgz "$url" --progress=dot:giga; \t\tgpg --batch --verify go.tgz.asc go.tgz; \ttar -C /usr/local -xzf go.tgz; \trm go.tgz; \t\tgo version'),
      created: CREATED,
      fileBytes: 501_000_000,
      ratio: 0.3,
      files: () => [bin('/usr/local/go/bin/go', 14_925_512), bin('/usr/local/go/bin/gofmt', 3_562_776), text('/usr/local/go/VERSION', 'go1.19.13'), bin('/usr/local/go/pkg/tool/linux_amd64/compile', 24_213_688), bin('/usr/local/go/pkg/tool/linux_amd64/link', 6_691_032)],
      filler: ['/usr/local/go/pkg/linux_amd64/runtime.a', '/usr/local/go/pkg/linux_amd64/net/http.a', '/usr/local/go/src/cmd/vendor/golang.org/x/tools/go/analysis/analysis.go', '/usr/local/go/src/runtime/proc.go', '/usr/local/go/test/fixedbugs/issue10607.go', '/usr/local/go/api/go1.19.txt', '/usr/local/go/lib/time/zoneinfo.zip'],
    }),
    envStep(CREATED, 'GOPATH', '/go'),
    envStep(CREATED, 'PATH', '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    layerStep({
      key: 'golang:1.19#2',
      createdBy: runCreatedBy('mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"'),
      created: CREATED,
      ratio: 1,
      files: () => [dir('/go', 0o1777), dir('/go/src', 0o1777), dir('/go/bin', 0o1777)],
    }),
    workdirStep(CREATED, '/go'),
  ],
};
