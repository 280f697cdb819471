/**
 * ubuntu:20.04 (focal, 20.04.6) and ubuntu:22.04 (jammy, 22.04.3): one rootfs layer, preceded by
 * the ARG/LABEL lines Canonical's Dockerfile has carried since 2023, and `CMD ["/bin/bash"]`.
 * Sizes: `docker images` on linux/amd64: ubuntu:20.04 72.8MB (the seeds round it to 72MB),
 * ubuntu:22.04 77.9MB.
 */
import { sha256 } from '../../digest/sha256';
import { link, text } from '../catalogFiles';
import { addFileCreatedBy, argStep, labelStep, layerStep, type CatalogImageSpec } from '../CatalogImageSpec';
import { DEBIAN_GROUP, UBUNTU_PASSWD, debianSkeleton, debianTools, mergedUsr, shadowFor } from './debianFiles';
import { DEBIAN_PATH } from './debian';
import { FOCAL_BASE, JAMMY_BASE, dpkgStatusBy } from './packageDatabases';

interface UbuntuRelease {
  readonly version: '20.04' | '22.04';
  readonly point: string;
  readonly codename: string;
  readonly name: string;
  readonly created: string;
  readonly size: number;
  readonly ratio: number;
}

function osRelease(r: UbuntuRelease): string {
  const common = `HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
`;
  if (r.version === '20.04') {
    return `NAME="Ubuntu"
VERSION="${r.point} LTS (${r.name})"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu ${r.point} LTS"
VERSION_ID="${r.version}"
${common}VERSION_CODENAME=${r.codename}
UBUNTU_CODENAME=${r.codename}
`;
  }
  return `PRETTY_NAME="Ubuntu ${r.point} LTS"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.point} LTS (${r.name})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
${common}UBUNTU_CODENAME=${r.codename}
`;
}

function ubuntu(r: UbuntuRelease): CatalogImageSpec {
  const c = r.created;
  return {
    reference: `ubuntu:${r.version}`,
    aliases: [`ubuntu:${r.codename}`],
    created: c,
    description: `Ubuntu ${r.point} LTS (${r.name}) root filesystem`,
    published: { size: r.size, source: `docker images ubuntu:${r.version} (linux/amd64, ${r.point} image): ${(r.size / 1e6).toFixed(1)}MB` },
    steps: [
      argStep(c, 'RELEASE'),
      argStep(c, 'LAUNCHPAD_BUILD_ARCH'),
      labelStep(c, 'org.opencontainers.image.ref.name', 'ubuntu'),
      labelStep(c, 'org.opencontainers.image.version', r.version),
      layerStep({
        key: `ubuntu:${r.version}#0`,
        createdBy: addFileCreatedBy('ADD', sha256(`ubuntu:${r.version} rootfs ${r.point}`).slice(7), '/'),
        created: c,
        fileBytes: r.size,
        ratio: r.ratio,
        files: () => [
          ...mergedUsr(),
          ...debianSkeleton(),
          ...debianTools(),
          text('/usr/lib/os-release', osRelease(r)),
          link('/etc/os-release', '../usr/lib/os-release'),
          text('/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.version}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"\n`),
          text('/etc/issue', `Ubuntu ${r.point} LTS \\n \\l\n\n`),
          text('/etc/issue.net', `Ubuntu ${r.point} LTS\n`),
          text('/etc/debian_version', r.version === '20.04' ? 'bullseye/sid\n' : 'bookworm/sid\n'),
          text('/etc/hostname', ''),
          text('/var/lib/dpkg/status', dpkgStatusBy('Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>', r.version === '20.04' ? FOCAL_BASE : JAMMY_BASE)),
          text('/etc/passwd', UBUNTU_PASSWD),
          text('/etc/group', DEBIAN_GROUP),
          text('/etc/shadow', shadowFor(UBUNTU_PASSWD), 0o640),
          text(
            '/etc/apt/sources.list',
            [`${r.codename}`, `${r.codename}-updates`, `${r.codename}-backports`, `${r.codename}-security`]
              .map((s) => `deb http://${s.endsWith('security') ? 'security' : 'archive'}.ubuntu.com/ubuntu/ ${s} main restricted universe multiverse`)
              .join('\n')
              .concat('\n'),
          ),
        ],
        filler: [
          '/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.28',
          '/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1',
          '/usr/lib/x86_64-linux-gnu/libsystemd.so.0.28.0',
          '/usr/lib/x86_64-linux-gnu/libdb-5.3.so',
          '/usr/lib/x86_64-linux-gnu/libgnutls.so.30.27.0',
          '/usr/lib/x86_64-linux-gnu/libunistring.so.2.1.0',
          '/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache',
          '/usr/lib/x86_64-linux-gnu/perl-base/auto/POSIX/POSIX.so',
          '/usr/lib/apt/methods/http',
          '/usr/share/zoneinfo/posixrules',
          '/usr/lib/x86_64-linux-gnu/libgcrypt.so.20.2.5',
          '/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0',
        ],
      }),
      { kind: 'meta', createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', created: c, config: (cfg) => ({ ...cfg, Env: [`PATH=${DEBIAN_PATH}`], Cmd: ['/bin/bash'] }) },
    ],
  };
}

export const ubuntu2004 = ubuntu({ version: '20.04', point: '20.04.6', codename: 'focal', name: 'Focal Fossa', created: '2023-10-04T00:00:00Z', size: 72_800_000, ratio: 0.378 });
export const ubuntu2204 = ubuntu({ version: '22.04', point: '22.04.3', codename: 'jammy', name: 'Jammy Jellyfish', created: '2023-10-04T00:00:00Z', size: 77_900_000, ratio: 0.379 });
