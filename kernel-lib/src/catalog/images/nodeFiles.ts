/**
 * What the official node images add, shared by the Debian and Alpine variants: the `node` user,
 * the Node.js 18.18.2 install in /usr/local, Yarn 1.22.19 in /opt, and the entrypoint script.
 */
import { bin, data, link, text, type CatalogFile } from '../catalogFiles';

export const NODE_VERSION = '18.18.2';
export const YARN_VERSION = '1.22.19';

/** The entrypoint's job (docker-node's docker-entrypoint.sh): run `node <args>` when the first argument is an option or not a command. */
export const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Prepend "node" when the first argument is an option (e.g. -e) or is not an executable command,
# so that \`docker run node:18 app.js\` runs \`node app.js\`.
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

export function nodeUserFiles(passwd: string, group: string, shadow: string, shell: 'bash' | 'sh'): CatalogFile[] {
  return [
    text('/etc/passwd', `${passwd}node:x:1000:1000:${shell === 'sh' ? 'Linux User,,,' : ''}:/home/node:/bin/${shell}\n`),
    text('/etc/group', `${group}node:x:1000:\n`),
    text('/etc/shadow', `${shadow}node:!:19647:0:99999:7:::\n`, 0o640),
    ...(shell === 'bash'
      ? [
          text('/home/node/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n\ncase $- in\n    *i*) ;;\n      *) return;;\nesac\n\nHISTCONTROL=ignoreboth\nshopt -s histappend\nHISTSIZE=1000\nHISTFILESIZE=2000\n'),
          text('/home/node/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n\nif [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then\n    . "$HOME/.bashrc"\nfi\n\nif [ -d "$HOME/bin" ] ; then\n    PATH="$HOME/bin:$PATH"\nfi\n'),
          text('/home/node/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n\nif [ "$SHLVL" = 1 ]; then\n    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q\nfi\n'),
        ]
      : [{ kind: 'dir', path: '/home/node', mode: 0o2755 } as const]),
  ];
}

/** The Node.js install: the binary (its size is most of the layer), npm, corepack, headers. */
export function nodeInstallFiles(nodeBinarySize: number): CatalogFile[] {
  return [
    bin('/usr/local/bin/node', nodeBinarySize),
    link('/usr/local/bin/nodejs', '/usr/local/bin/node'),
    link('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js'),
    link('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js'),
    link('/usr/local/bin/corepack', '../lib/node_modules/corepack/dist/corepack.js'),
    text('/usr/local/lib/node_modules/npm/package.json', '{\n  "name": "npm",\n  "version": "9.8.1",\n  "bin": {\n    "npm": "bin/npm-cli.js",\n    "npx": "bin/npx-cli.js"\n  }\n}\n'),
    text('/usr/local/lib/node_modules/npm/bin/npm-cli.js', "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n", 0o755),
    text('/usr/local/lib/node_modules/npm/bin/npx-cli.js', "#!/usr/bin/env node\nprocess.argv[1] = require.resolve('./npm-cli.js')\nprocess.argv.splice(2, 0, 'exec')\nrequire('../lib/cli.js')(process)\n", 0o755),
    data('/usr/local/lib/node_modules/npm/lib/cli.js', 4_096),
    data('/usr/local/lib/node_modules/corepack/dist/corepack.js', 2_100_000, 0o755),
    data('/usr/local/share/doc/node/gdbinit', 7_812),
  ];
}

export const NODE_INSTALL_FILLER = [
  '/usr/local/lib/node_modules/npm/node_modules/.package-lock.json',
  '/usr/local/lib/node_modules/npm/docs/content/commands/npm-install.md',
  '/usr/local/lib/node_modules/npm/lib/commands/install.js',
  '/usr/local/lib/node_modules/corepack/dist/lib/corepack.cjs',
  '/usr/local/include/node/v8-internal.h',
  '/usr/local/include/node/openssl/archs/linux-x86_64/asm/include/openssl/opensslconf.h',
  '/usr/local/share/man/man1/node.1',
];

export function yarnFiles(): CatalogFile[] {
  const root = `/opt/yarn-v${YARN_VERSION}`;
  return [
    text(`${root}/bin/yarn`, '#!/bin/sh\nbasedir=$(dirname "$(readlink -f "$0")")\nexec node "$basedir/yarn.js" "$@"\n', 0o755),
    text(`${root}/bin/yarnpkg`, '#!/usr/bin/env node\nrequire(\'./yarn.js\');\n', 0o755),
    text(`${root}/bin/yarn.js`, "#!/usr/bin/env node\nmodule.exports = require('../lib/cli.js');\n", 0o755),
    text(`${root}/package.json`, `{\n  "name": "yarn",\n  "version": "${YARN_VERSION}",\n  "license": "BSD-2-Clause"\n}\n`),
    link('/usr/local/bin/yarn', `${root}/bin/yarn`),
    link('/usr/local/bin/yarnpkg', `${root}/bin/yarnpkg`),
  ];
}

export const YARN_FILLER = [`/opt/yarn-v${YARN_VERSION}/lib/cli.js`, `/opt/yarn-v${YARN_VERSION}/lib/v8-compile-cache.js`, `/opt/yarn-v${YARN_VERSION}/lib/cli.js.gz`];

export const NODE_RUN_INSTALL = 'ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     arm64) ARCH=\'arm64\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && set -ex   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version';

export const YARN_RUN_INSTALL = 'set -ex   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version';
