/**
 * How a catalog image is described: the catalog image it is built `FROM` (so its layers are the
 * very same layer values — sharing is real, and only where the real images share), then its own
 * steps in Dockerfile order. A step either adds a layer or only changes the config (an
 * `empty_layer` history entry). History lines use the classic builder's `created_by` forms that
 * the official images of this snapshot carry (`/bin/sh -c #(nop)  ENV …`, OCI-FACTS §4.1).
 */
import type { ImageRunConfig } from '../image/ImageConfig';
import type { CatalogLayerSpec } from './CatalogLayerSpec';

export type CatalogStep =
  | { readonly kind: 'layer'; readonly layer: CatalogLayerSpec }
  | {
      readonly kind: 'meta';
      readonly createdBy: string;
      readonly created: string;
      readonly config?: (config: ImageRunConfig) => ImageRunConfig;
    };

export interface CatalogImageSpec {
  /** The familiar reference: `node:18`. */
  readonly reference: string;
  /** Other tags of the same image in the snapshot (`node:18-bookworm`). */
  readonly aliases?: readonly string[];
  /** The catalog image this one is built FROM; absent for a rootfs image built FROM scratch. */
  readonly parent?: string;
  readonly steps: readonly CatalogStep[];
  /** `created` of the image config. */
  readonly created: string;
  /** What the image is, in a phrase (shown in the catalog listing). */
  readonly description: string;
  /**
   * The size `docker images` reports for the real image (linux/amd64), in bytes, and where the
   * figure comes from; the model's size is checked against it.
   */
  readonly published: { readonly size: number; readonly source: string };
}

const nop = (instruction: string): string => `/bin/sh -c #(nop)  ${instruction}`;

export const layerStep = (layer: CatalogLayerSpec): CatalogStep => ({ kind: 'layer', layer });

/** `ENV KEY=value`: sets or replaces one variable, keeping the order of the others. */
export function envStep(created: string, key: string, value: string): CatalogStep {
  return {
    kind: 'meta',
    createdBy: nop(`ENV ${key}=${value}`),
    created,
    config: (c) => {
      const env = (c.Env ?? []).filter((e) => !e.startsWith(`${key}=`));
      const at = (c.Env ?? []).findIndex((e) => e.startsWith(`${key}=`));
      const next = [...env];
      next.splice(at === -1 ? next.length : at, 0, `${key}=${value}`);
      return { ...c, Env: next };
    },
  };
}

const json = (list: readonly string[]): string => `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;

/** `CMD [...]` (the classic builder prints the list space-separated, as Go's %v of []string in JSON form). */
export function cmdStep(created: string, cmd: readonly string[]): CatalogStep {
  return { kind: 'meta', createdBy: nop(`CMD ${json(cmd)}`), created, config: (c) => ({ ...c, Cmd: [...cmd] }) };
}

export function entrypointStep(created: string, entrypoint: readonly string[]): CatalogStep {
  // Setting ENTRYPOINT resets an inherited CMD (the Dockerfile then sets its own).
  return { kind: 'meta', createdBy: nop(`ENTRYPOINT ${json(entrypoint)}`), created, config: (c) => ({ ...c, Entrypoint: [...entrypoint] }) };
}

export function exposeStep(created: string, port: string): CatalogStep {
  return {
    kind: 'meta',
    createdBy: nop(`EXPOSE ${port}`),
    created,
    config: (c) => ({ ...c, ExposedPorts: { ...(c.ExposedPorts ?? {}), [`${port}/tcp`]: {} } }),
  };
}

export function stopSignalStep(created: string, signal: string): CatalogStep {
  return { kind: 'meta', createdBy: nop(`STOPSIGNAL ${signal}`), created, config: (c) => ({ ...c, StopSignal: signal }) };
}

export function labelStep(created: string, key: string, value: string): CatalogStep {
  return {
    kind: 'meta',
    createdBy: nop(`LABEL ${key}=${value}`),
    created,
    config: (c) => ({ ...c, Labels: { ...(c.Labels ?? {}), [key]: value } }),
  };
}

/** `ARG NAME`: recorded in history, changes nothing in the config. */
export function argStep(created: string, name: string): CatalogStep {
  return { kind: 'meta', createdBy: nop(`ARG ${name}`), created };
}

/** `WORKDIR /dir` on a directory that already exists: the classic builder records it with no layer. */
export function workdirStep(created: string, dir: string): CatalogStep {
  return { kind: 'meta', createdBy: `/bin/sh -c #(nop) WORKDIR ${dir}`, created, config: (c) => ({ ...c, WorkingDir: dir }) };
}

/** The classic builder's ADD/COPY line: `#(nop) ADD file:<hash> in <dest> ` (note the trailing space). */
export function addFileCreatedBy(instruction: 'ADD' | 'COPY', hash: string, dest: string): string {
  return `/bin/sh -c #(nop) ${instruction} file:${hash} in ${dest} `;
}

/** A RUN line as the classic builder records it. */
export function runCreatedBy(command: string): string {
  return `/bin/sh -c ${command}`;
}
