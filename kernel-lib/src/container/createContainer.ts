/**
 * Assembling a container as the daemon does at `docker create`: the root filesystem (image layers,
 * the init layer, an empty writable layer — moby layer store `CreateRWLayer` with the init layer
 * in between), the working directory and volume mount points made in the writable layer (they show
 * in `docker diff` as docker's do), the runtime's mounts, and the configuration.
 */
import type { Digest } from '../digest/Digest';
import type { Image } from '../image/Image';
import type { FileTree, TreeDirNode } from '../layer/FileTree';
import { UnionFs } from '../unionfs/UnionFs';
import { lowerIndex } from '../unionfs/lowerIndex';
import { FS_CLOCK_EPOCH_MS } from '../unionfs/FsClock';
import { Container, type ContainerConfig, type ContainerHost } from './Container';
import { ContainerFs } from './ContainerFs';
import type { ContainerMount } from './ContainerMount';
import { containerInitLayer } from './initLayer';
import { MountedFile } from './MountedFile';
import { bridgeAddress, hostnameFile, hostsFile, resolvConfFile } from './runtimeFiles';
import type { VolumeStore } from './Volume';

export interface ContainerCreateOptions {
  /** `--name`; docker-style generated when absent. */
  readonly name?: string;
  /** `-e`: variables over the image's Env (a record, or "KEY=value" strings). */
  readonly env?: Readonly<Record<string, string>> | readonly string[];
  /** `-w`: the working directory (made in the writable layer when missing). */
  readonly workdir?: string;
  /** `-v name:/path`: named volumes by mount path, e.g. `{ '/data': 'appdata' }`. */
  readonly volumes?: Readonly<Record<string, string>>;
  /** `--hostname`; default the short container ID. */
  readonly hostname?: string;
  /** A command line for the main process (`docker run IMAGE sh -c "<command>"`); see ContainerConfig.command. */
  readonly command?: string;
}

export interface AssembleContainerInput {
  readonly id: string;
  readonly name: string;
  readonly image: Image;
  readonly imageRef: string;
  readonly options: ContainerCreateOptions;
  readonly host: ContainerHost & { readonly clock: { now(): number; advance(ms: number): unknown } };
  readonly volumes: VolumeStore;
  /** Which address on the default bridge the container gets (0 → 172.17.0.2). */
  readonly addressIndex: number;
}

function envList(image: Image, extra: ContainerCreateOptions['env']): string[] {
  const order: string[] = [];
  const values = new Map<string, string>();
  const put = (kv: string) => {
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    if (!values.has(key)) order.push(key);
    values.set(key, eq < 0 ? '' : kv.slice(eq + 1));
  };
  for (const kv of image.runConfig.Env ?? []) put(kv);
  if (Array.isArray(extra)) for (const kv of extra as readonly string[]) put(kv);
  else if (extra) for (const [k, v] of Object.entries(extra)) put(`${k}=${v}`);
  return order.map((k) => `${k}=${values.get(k)}`);
}

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** The tmpfs docker mounts on /dev, with the devices and links runc creates (as empty placeholders). */
function devTmpfs(clock: { now(): number }): UnionFs {
  const dev = new UnionFs({ clock, umask: 0 });
  for (const name of ['null', 'zero', 'full', 'random', 'urandom', 'tty']) dev.writeFile(`/${name}`, '', { mode: 0o666 });
  dev.mkdir('/pts', { mode: 0o755 });
  dev.mkdir('/shm', { mode: 0o1777 });
  dev.mkdir('/mqueue', { mode: 0o1777 });
  dev.symlink('/proc/self/fd', '/fd');
  dev.symlink('/proc/self/fd/0', '/stdin');
  dev.symlink('/proc/self/fd/1', '/stdout');
  dev.symlink('/proc/self/fd/2', '/stderr');
  dev.symlink('pts/ptmx', '/ptmx');
  dev.symlink('/proc/kcore', '/core');
  return dev;
}

function dirAt(tree: FileTree, path: string): TreeDirNode | undefined {
  const node = tree.get(path);
  return node?.kind === 'dir' ? node : undefined;
}

export function assembleContainer(input: AssembleContainerInput): Container {
  const { id, image, options, host } = input;
  const clock = host.clock;
  const now = clock.now();
  const imageTree = lowerIndex(image.layers);
  const init = containerInitLayer(imageTree, image.createdMs ?? FS_CLOCK_EPOCH_MS);
  const rootfs = new UnionFs({ layers: [...image.layers, init], clock });

  const run = image.runConfig;
  const workingDir = normalisePath(options.workdir ?? (run.WorkingDir || '/'));
  const hostname = options.hostname ?? id.slice(0, 12);
  const config: ContainerConfig = {
    image: input.imageRef,
    hostname,
    env: envList(image, options.env),
    cmd: options.command !== undefined ? ['sh', '-c', options.command] : [...(run.Cmd ?? [])],
    entrypoint: options.command !== undefined ? [] : [...(run.Entrypoint ?? [])],
    workingDir,
    ...(options.command !== undefined ? { command: options.command } : {}),
  };

  // moby SetupWorkingDirectory: the working directory is made (0755) when the image lacks it.
  if (workingDir !== '/') rootfs.mkdir(workingDir, { recursive: true, mode: 0o755 });

  const mounts: ContainerMount[] = [
    { kind: 'file', path: '/etc/resolv.conf', source: `/var/lib/docker/containers/${id}/resolv.conf`, file: new MountedFile(resolvConfFile(), { mtimeMs: now }) },
    { kind: 'file', path: '/etc/hostname', source: `/var/lib/docker/containers/${id}/hostname`, file: new MountedFile(hostnameFile(hostname), { mtimeMs: now }) },
    { kind: 'file', path: '/etc/hosts', source: `/var/lib/docker/containers/${id}/hosts`, file: new MountedFile(hostsFile(hostname, bridgeAddress(input.addressIndex)), { mtimeMs: now }) },
    { kind: 'dir', path: '/dev', type: 'tmpfs', source: 'tmpfs', fs: devTmpfs(clock), readOnly: false },
    { kind: 'dir', path: '/proc', type: 'proc', source: 'proc', fs: new UnionFs({ clock }), readOnly: true },
    { kind: 'dir', path: '/sys', type: 'sysfs', source: 'sysfs', fs: new UnionFs({ clock }), readOnly: true },
  ];
  for (const [target, name] of Object.entries(options.volumes ?? {})) {
    const path = normalisePath(target);
    // The mount point is made in the writable layer (moby createContainerOSSpecificSettings).
    rootfs.mkdir(path, { recursive: true, mode: 0o755 });
    const { volume } = input.volumes.ensure(name, clock);
    volume.populateFrom(dirAt(imageTree, path));
    mounts.push({ kind: 'dir', path, type: 'volume', source: name, fs: volume.fs, readOnly: false });
  }
  const fs = new ContainerFs(rootfs, mounts, clock);
  return new Container({ id, name: input.name, imageId: image.id as Digest, config, createdMs: now, rootfs, fs, host });
}
