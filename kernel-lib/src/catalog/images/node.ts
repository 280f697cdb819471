/**
 * node:18 (on buildpack-deps:bookworm), node:18-slim (on debian:bookworm-slim) and node:18-alpine
 * (on alpine:3.18), Node.js 18.18.2 as the official images of 2023-10 build them
 * (nodejs/docker-node 18/{bookworm,bookworm-slim,alpine3.18}/Dockerfile): a user layer, ENV
 * NODE_VERSION, the install layer, ENV YARN_VERSION, the Yarn layer, the entrypoint script,
 * ENTRYPOINT and CMD ["node"].
 * Sizes (seeds, `docker images`, linux/amd64): node:18 993MB, node:18-slim 244MB, node:18-alpine 174MB.
 */
import { sha256 } from '../../digest/sha256';
import { text, type CatalogFile } from '../catalogFiles';
import { ALPINE_318_BASE, NODE_ALPINE_PACKAGES, apkInstalled } from './packageDatabases';
import {
  addFileCreatedBy,
  cmdStep,
  entrypointStep,
  envStep,
  layerStep,
  runCreatedBy,
  type CatalogImageSpec,
  type CatalogStep,
} from '../CatalogImageSpec';
import type { CatalogLayerSpec } from '../CatalogLayerSpec';
import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine';
import { DEBIAN_GROUP, DEBIAN_PASSWD, shadowFor } from './debianFiles';
import {
  NODE_ENTRYPOINT,
  NODE_INSTALL_FILLER,
  NODE_RUN_INSTALL,
  NODE_VERSION,
  YARN_FILLER,
  YARN_RUN_INSTALL,
  YARN_VERSION,
  nodeInstallFiles,
  nodeUserFiles,
  yarnFiles,
} from './nodeFiles';

const CREATED = '2023-10-17T03:00:00Z';

interface Variant {
  readonly tag: string;
  readonly parent: string;
  readonly alpine: boolean;
  readonly userLayer: Omit<CatalogLayerSpec, 'key' | 'created'>;
  readonly installBytes: number;
  readonly nodeBinary: number;
  readonly installRatio: number;
  readonly installCommand: string;
  /** Files the install RUN changes besides Node itself (apk's database on Alpine). */
  readonly installExtras?: () => readonly CatalogFile[];
  readonly published: CatalogImageSpec['published'];
  readonly description: string;
}

function nodeImage(v: Variant): CatalogImageSpec {
  const key = (i: number): string => `node:${v.tag}#${i}`;
  const steps: CatalogStep[] = [
    layerStep({ ...v.userLayer, key: key(0), created: CREATED }),
    envStep(CREATED, 'NODE_VERSION', NODE_VERSION),
    layerStep({
      key: key(1),
      createdBy: runCreatedBy(v.installCommand),
      created: CREATED,
      fileBytes: v.installBytes,
      ratio: v.installRatio,
      files: () => [...nodeInstallFiles(v.nodeBinary), ...(v.installExtras?.() ?? [])],
      filler: NODE_INSTALL_FILLER,
    }),
    envStep(CREATED, 'YARN_VERSION', YARN_VERSION),
    layerStep({
      key: key(2),
      createdBy: runCreatedBy(v.alpine ? `apk add --no-cache --virtual .build-deps-yarn curl gnupg tar && ${YARN_RUN_INSTALL} && apk del .build-deps-yarn` : YARN_RUN_INSTALL),
      created: CREATED,
      fileBytes: 7_600_000,
      ratio: 0.25,
      files: yarnFiles,
      filler: YARN_FILLER,
    }),
    layerStep({
      key: key(3),
      createdBy: addFileCreatedBy('COPY', sha256(NODE_ENTRYPOINT).slice(7), '/usr/local/bin/'),
      created: CREATED,
      ratio: 1,
      files: () => [text('/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT, 0o755)],
    }),
    entrypointStep(CREATED, ['docker-entrypoint.sh']),
    cmdStep(CREATED, ['node']),
  ];
  return {
    reference: `node:${v.tag}`,
    aliases: [`node:${NODE_VERSION}${v.tag.slice(2)}`, `node:hydrogen${v.tag.slice(2)}`],
    parent: v.parent,
    created: CREATED,
    description: v.description,
    published: v.published,
    steps,
  };
}

const debianUser = {
  createdBy: runCreatedBy('groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'),
  ratio: 0.3,
  files: () => nodeUserFiles(DEBIAN_PASSWD, DEBIAN_GROUP, shadowFor(DEBIAN_PASSWD), 'bash'),
};

export const node18: CatalogImageSpec = nodeImage({
  tag: '18',
  parent: 'buildpack-deps:bookworm',
  alpine: false,
  userLayer: debianUser,
  installBytes: 176_600_000,
  nodeBinary: 96_012_888,
  installRatio: 0.26,
  installCommand: NODE_RUN_INSTALL,
  description: 'Node.js 18 on buildpack-deps:bookworm (compilers and -dev libraries included)',
  published: { size: 993_000_000, source: 'seed figure (docker images node:18, linux/amd64): 993MB' },
});

export const node18Slim: CatalogImageSpec = nodeImage({
  tag: '18-slim',
  parent: 'debian:bookworm-slim',
  alpine: false,
  userLayer: debianUser,
  installBytes: 161_590_000,
  nodeBinary: 96_012_888,
  installRatio: 0.26,
  installCommand: `set -ex   && savedAptMark="$(apt-mark showmanual)"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends   && rm -rf /var/lib/apt/lists/*   && ${NODE_RUN_INSTALL}   && apt-mark auto '.*' > /dev/null   && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; }   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false`,
  description: 'Node.js 18 on debian:bookworm-slim',
  published: { size: 244_000_000, source: 'seed figure (docker images node:18-slim, linux/amd64): 244MB' },
});

export const node18Alpine: CatalogImageSpec = nodeImage({
  tag: '18-alpine',
  parent: 'alpine:3.18',
  alpine: true,
  userLayer: {
    createdBy: runCreatedBy('addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node'),
    ratio: 0.3,
    files: () =>
      nodeUserFiles(
        ALPINE_PASSWD,
        ALPINE_GROUP,
        ALPINE_PASSWD.trim().split('\n').map((l) => `${l.split(':')[0]}:!::0:::::`).join('\n').concat('\n'),
        'sh',
      ),
  },
  installBytes: 159_350_000,
  installExtras: () => [text('/lib/apk/db/installed', apkInstalled(ALPINE_318_BASE, NODE_ALPINE_PACKAGES))],
  nodeBinary: 88_650_712,
  installRatio: 0.27,
  installCommand: `apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= && alpineArch="$(apk --print-arch)"       && case "\${alpineArch##*-}" in         x86_64)           ARCH='x64'           CHECKSUM="…"           ;;         *) ;;       esac   && curl -fsSLO --compressed "https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && apk del .build-deps   && node --version   && npm --version`,
  description: 'Node.js 18 on alpine:3.18 (musl libc)',
  published: { size: 174_000_000, source: 'seed figure (docker images node:18-alpine, linux/amd64): 174MB' },
});
