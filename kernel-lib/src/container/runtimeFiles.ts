/**
 * The files the runtime writes for a container and bind-mounts into it (moby
 * daemon/container_operations_unix.go; libnetwork etchosts and resolvconf):
 * - /etc/hostname: the hostname — the short container ID unless `--hostname` — and a newline;
 * - /etc/hosts: libnetwork's default records (etchosts.go `defaultContent`, "IP\tnames" lines,
 *   mode 0644), then the container's own address on the default bridge;
 * - /etc/resolv.conf: the host's, with localhost name servers dropped; when none is left, docker's
 *   fallback servers 8.8.8.8 and 8.8.4.4 — which is what the model shows (it has no host file).
 */

/** The first address docker's default bridge (172.17.0.0/16) hands out; the model gives each running container the next. */
export function bridgeAddress(index: number): string {
  const n = 2 + index;
  return `172.17.${Math.floor(n / 256)}.${n % 256}`;
}

export function hostnameFile(hostname: string): string {
  return `${hostname}\n`;
}

export function hostsFile(hostname: string, address: string): string {
  return [
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'ff00::0\tip6-mcastprefix',
    'ff02::1\tip6-allnodes',
    'ff02::2\tip6-allrouters',
    `${address}\t${hostname}`,
    '',
  ].join('\n');
}

export function resolvConfFile(): string {
  return 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n';
}
