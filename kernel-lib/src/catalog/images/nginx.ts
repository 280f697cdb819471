/**
 * nginx:latest (1.25.3 on debian:bookworm-slim) and nginx:alpine (1.25.3 on alpine:3.18), as
 * nginxinc/docker-nginx builds them (mainline/{debian,alpine-slim,alpine}/Dockerfile, 2023-10):
 * one install RUN, five small entrypoint scripts (COPY each), ENTRYPOINT, EXPOSE 80, STOPSIGNAL
 * SIGQUIT, CMD; the alpine image then adds njs and the dynamic modules in a second RUN. The two are
 * built on different bases and share no layer (COVERAGE 03.29).
 * Sizes (`docker images`, linux/amd64, 1.25.3): nginx:latest 187MB, nginx:alpine 43MB.
 */
import { sha256 } from '../../digest/sha256';
import { bin, data, dir, link, text, type CatalogFile } from '../catalogFiles';
import {
  addFileCreatedBy,
  cmdStep,
  entrypointStep,
  envStep,
  exposeStep,
  labelStep,
  layerStep,
  runCreatedBy,
  stopSignalStep,
  type CatalogImageSpec,
  type CatalogStep,
} from '../CatalogImageSpec';
import { DEBIAN_GROUP, DEBIAN_PASSWD } from './debianFiles';
import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine';
import { ALPINE_318_BASE, BOOKWORM_BASE, NGINX_ALPINE_MODULES, NGINX_ALPINE_PACKAGES, NGINX_DEBIAN, apkInstalled, dpkgStatus } from './packageDatabases';

const CREATED = '2023-10-24T22:00:00Z';

const NGINX_CONF = `user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    access_log  /var/log/nginx/access.log;
    sendfile        on;
    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
`;

const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

const INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

/** The five scripts of /docker-entrypoint.d and the entrypoint that runs them (own shorter text, same roles). */
const SCRIPTS: ReadonlyArray<readonly [string, string, string]> = [
  ['docker-entrypoint.sh', '/', '#!/bin/sh\n# Runs the scripts in /docker-entrypoint.d/ before starting nginx, then execs the command.\nset -e\nif [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then\n    for f in $(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f | sort -V); do\n        case "$f" in\n            *.envsh) [ -x "$f" ] && . "$f" ;;\n            *.sh) [ -x "$f" ] && "$f" ;;\n        esac\n    done\nfi\nexec "$@"\n'],
  ['10-listen-on-ipv6-by-default.sh', '/docker-entrypoint.d', '#!/bin/sh\n# Adds "listen [::]:80" to default.conf when the container has IPv6.\nset -e\n[ -f /proc/net/if_inet6 ] || exit 0\ngrep -q "listen  \\[::]\\:80;" /etc/nginx/conf.d/default.conf && exit 0\nsed -i -E \'s,listen       80;,listen       80;\\n    listen  [::]:80;,\' /etc/nginx/conf.d/default.conf\n'],
  ['15-local-resolvers.envsh', '/docker-entrypoint.d', '#!/bin/sh\n# Exports NGINX_LOCAL_RESOLVERS from /etc/resolv.conf when asked to.\n[ "${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0\nNGINX_LOCAL_RESOLVERS=$(awk \'/^nameserver/ {print $2}\' /etc/resolv.conf | xargs)\nexport NGINX_LOCAL_RESOLVERS\n'],
  ['20-envsubst-on-templates.sh', '/docker-entrypoint.d', '#!/bin/sh\n# Renders /etc/nginx/templates/*.template with envsubst into /etc/nginx/conf.d.\nset -e\ntemplate_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"\n[ -d "$template_dir" ] || exit 0\nfor t in "$template_dir"/*.template; do\n    [ -e "$t" ] || continue\n    envsubst < "$t" > "/etc/nginx/conf.d/$(basename "$t" .template)"\ndone\n'],
  ['30-tune-worker-processes.sh', '/docker-entrypoint.d', '#!/bin/sh\n# Sets worker_processes from the CPU quota when NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE is set.\nset -e\n[ "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0\nncpu=$(getconf _NPROCESSORS_ONLN)\nsed -i "s/^worker_processes.*/worker_processes $ncpu;/" /etc/nginx/nginx.conf\n'],
];

function nginxFiles(alpine: boolean): CatalogFile[] {
  return [
    bin('/usr/sbin/nginx', alpine ? 1_363_824 : 1_431_448),
    bin('/usr/sbin/nginx-debug', alpine ? 1_454_000 : 1_504_488),
    text('/etc/nginx/nginx.conf', NGINX_CONF),
    text('/etc/nginx/conf.d/default.conf', DEFAULT_CONF),
    data('/etc/nginx/mime.types', 5_349),
    text('/usr/share/nginx/html/index.html', INDEX_HTML),
    text('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n'),
    dir('/var/cache/nginx'),
    link('/var/log/nginx/access.log', '/dev/stdout'),
    link('/var/log/nginx/error.log', '/dev/stderr'),
    link('/etc/nginx/modules', alpine ? '/usr/lib/nginx/modules' : '../../usr/lib/nginx/modules'),
    text('/etc/passwd', alpine ? `${ALPINE_PASSWD}nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n` : `${DEBIAN_PASSWD}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`),
    text('/etc/group', alpine ? `${ALPINE_GROUP}nginx:x:101:nginx\n` : `${DEBIAN_GROUP}nginx:x:101:\n`),
  ];
}

function scriptSteps(tag: string, first: number): CatalogStep[] {
  return SCRIPTS.map(([name, dest, body], i) =>
    layerStep({
      key: `nginx:${tag}#${first + i}`,
      createdBy: addFileCreatedBy('COPY', sha256(body).slice(7), `${dest === '/' ? '/' : `${dest}`}`),
      created: CREATED,
      ratio: 1,
      files: () => [text(`${dest === '/' ? '' : dest}/${name}`, body, 0o775)],
    }),
  );
}

const tail = (): CatalogStep[] => [
  entrypointStep(CREATED, ['/docker-entrypoint.sh']),
  exposeStep(CREATED, '80'),
  stopSignalStep(CREATED, 'SIGQUIT'),
  cmdStep(CREATED, ['nginx', '-g', 'daemon off;']),
];

export const nginxLatest: CatalogImageSpec = {
  reference: 'nginx:latest',
  aliases: ['nginx:1.25', 'nginx:1.25.3', 'nginx:mainline', 'nginx:bookworm'],
  parent: 'debian:bookworm-slim',
  created: CREATED,
  description: 'nginx 1.25 on debian:bookworm-slim',
  published: { size: 187_000_000, source: 'docker images nginx:1.25.3 (linux/amd64): 187MB' },
  steps: [
    labelStep(CREATED, 'maintainer', 'NGINX Docker Maintainers <docker-maint@nginx.com>'),
    envStep(CREATED, 'NGINX_VERSION', '1.25.3'),
    envStep(CREATED, 'NJS_VERSION', '0.8.2'),
    envStep(CREATED, 'PKG_RELEASE', '1~bookworm'),
    layerStep({
      key: 'nginx:latest#0',
      createdBy: runCreatedBy('set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y nginx=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-xslt=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-geoip=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-image-filter=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${PKG_RELEASE} gettext-base curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d'),
      created: CREATED,
      fileBytes: 112_100_000,
      ratio: 0.35,
      files: () => [...nginxFiles(false), dir('/docker-entrypoint.d'), text('/var/lib/dpkg/status', dpkgStatus(BOOKWORM_BASE, NGINX_DEBIAN))],
      filler: ['/usr/lib/nginx/modules/ngx_http_js_module.so', '/usr/lib/nginx/modules/ngx_http_image_filter_module.so', '/usr/lib/x86_64-linux-gnu/libgd.so.3.0.11', '/usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14', '/usr/lib/x86_64-linux-gnu/libicudata.so.72.1', '/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', '/usr/lib/x86_64-linux-gnu/libfontconfig.so.1.12.0', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/GeoIP/GeoIP.dat'],
    }),
    ...scriptSteps('latest', 1),
    ...tail(),
  ],
};

export const nginxAlpine: CatalogImageSpec = {
  reference: 'nginx:alpine',
  aliases: ['nginx:1.25-alpine', 'nginx:1.25.3-alpine', 'nginx:mainline-alpine'],
  parent: 'alpine:3.18',
  created: CREATED,
  description: 'nginx 1.25 on alpine:3.18, with njs and the dynamic modules',
  published: { size: 43_000_000, source: 'docker images nginx:1.25.3-alpine (linux/amd64): 43MB' },
  steps: [
    labelStep(CREATED, 'maintainer', 'NGINX Docker Maintainers <docker-maint@nginx.com>'),
    envStep(CREATED, 'NGINX_VERSION', '1.25.3'),
    envStep(CREATED, 'PKG_RELEASE', '1'),
    layerStep({
      key: 'nginx:alpine#0',
      createdBy: runCreatedBy('set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE}"     && apk add --no-cache --virtual .checksum-deps openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d'),
      created: CREATED,
      fileBytes: 4_930_000,
      ratio: 0.4,
      files: () => [...nginxFiles(true), dir('/docker-entrypoint.d'), text('/lib/apk/db/installed', apkInstalled(ALPINE_318_BASE, NGINX_ALPINE_PACKAGES))],
      filler: ['/usr/share/zoneinfo/posixrules', '/usr/lib/libpcre2-8.so.0.11.2'],
    }),
    ...scriptSteps('alpine', 1),
    ...tail(),
    envStep(CREATED, 'NJS_VERSION', '0.8.2'),
    layerStep({
      key: 'nginx:alpine#6',
      createdBy: runCreatedBy('set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="nginx=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-xslt=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-geoip=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-image-filter=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${PKG_RELEASE}"     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk add --no-cache curl ca-certificates'),
      created: CREATED,
      fileBytes: 30_970_000,
      ratio: 0.38,
      files: () => [bin('/usr/bin/curl', 239_664), text('/lib/apk/db/installed', apkInstalled(ALPINE_318_BASE, NGINX_ALPINE_PACKAGES, NGINX_ALPINE_MODULES))],
      filler: ['/usr/lib/nginx/modules/ngx_http_js_module.so', '/usr/lib/nginx/modules/ngx_stream_js_module.so', '/usr/lib/nginx/modules/ngx_http_image_filter_module.so', '/usr/lib/libgd.so.3.0.11', '/usr/lib/libxml2.so.2.11.4', '/usr/lib/libcurl.so.4.8.0', '/usr/lib/libtiff.so.6.0.1', '/usr/lib/libheif.so.1.16.2', '/usr/share/GeoIP/GeoIP.dat'],
    }),
  ],
};
