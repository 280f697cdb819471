/**
 * Functions that derive a new image from an old one (go-containerregistry's `mutate` package):
 * the old value is never changed, and the new one has a new ID whenever its config bytes differ.
 * Adding a layer appends its diff_id and a history entry; a metadata change (ENV, CMD, LABEL …)
 * changes only the config and adds a history entry with `empty_layer: true` (OCI-FACTS §2.5, §4).
 */
import { Image } from './Image';
import type { ImageConfigFile, ImageHistoryEntry, ImagePlatform, ImageRunConfig } from './ImageConfig';
import type { ImageLayer } from './ImageLayer';
import { formatGoTime } from './goTime';

/** What a step records in `history` (the `created_by` text, BuildKit's comment, the time). */
export interface ImageHistoryInput {
  readonly createdBy?: string;
  readonly comment?: string;
  /** RFC 3339 text or milliseconds since the epoch. */
  readonly created?: string | number;
  readonly author?: string;
}

function toCreated(created: string | number | undefined): string | undefined {
  return typeof created === 'number' ? formatGoTime(created) : created;
}

function historyEntry(input: ImageHistoryInput, emptyLayer: boolean): ImageHistoryEntry {
  const entry: { -readonly [K in keyof ImageHistoryEntry]: ImageHistoryEntry[K] } = {};
  const created = toCreated(input.created);
  if (created !== undefined) entry.created = created;
  if (input.createdBy) entry.created_by = input.createdBy;
  if (input.author) entry.author = input.author;
  if (input.comment) entry.comment = input.comment;
  if (emptyLayer) entry.empty_layer = true;
  return entry;
}

/**
 * The empty image `FROM scratch` starts from: no layers, no history, linux/amd64 unless told.
 * (BuildKit's exporter adds `Env PATH=…` and `WorkingDir /` to a scratch image it exports; the
 * builder decides whether to.)
 */
export function scratchImage(platform: ImagePlatform = { architecture: 'amd64', os: 'linux' }): Image {
  const config: ImageConfigFile = {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    rootfs: { type: 'layers', diff_ids: [] },
  };
  return Image.fromConfig(config, []);
}

/** A new image whose config is `change(old config)`; layers are kept (diff_ids must still match). */
export function setImageConfigFile(image: Image, change: (config: ImageConfigFile) => ImageConfigFile): Image {
  return Image.fromConfig(change(structuredClone(image.config) as ImageConfigFile), image.layers);
}

/** Appends `layer` (its diff_id, and a history entry without `empty_layer`). */
export function appendImageLayer(image: Image, layer: ImageLayer, history: ImageHistoryInput = {}): Image {
  const config = image.config;
  const next: ImageConfigFile = {
    ...config,
    rootfs: { type: 'layers', diff_ids: [...config.rootfs.diff_ids, layer.diffId] },
    history: [...(config.history ?? []), historyEntry(history, false)],
  };
  return Image.fromConfig(next, [...image.layers, layer]);
}

/** Adds a history entry with `empty_layer: true` (a step that changed only the config). */
export function addImageHistory(image: Image, history: ImageHistoryInput): Image {
  return setImageConfigFile(image, (config) => ({
    ...config,
    history: [...(config.history ?? []), historyEntry(history, true)],
  }));
}

/**
 * Changes the run config (`Env`, `Cmd`, `Entrypoint`, `WorkingDir`, `ExposedPorts`, `Labels`,
 * `User`, `Volumes` …): `patch` is merged over the old one (a member set to `undefined` removes
 * it), or a function returns the new one.
 */
export function setImageRunConfig(
  image: Image,
  patch: Partial<ImageRunConfig> | ((config: ImageRunConfig) => ImageRunConfig),
): Image {
  return setImageConfigFile(image, (config) => {
    const old = config.config ?? {};
    const merged: Record<string, unknown> = typeof patch === 'function' ? { ...patch(old) } : { ...old, ...patch };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    return { ...config, config: merged as ImageRunConfig };
  });
}

/** Sets the image's `created` time (RFC 3339 text or ms since the epoch). */
export function setImageCreated(image: Image, created: string | number): Image {
  return setImageConfigFile(image, (config) => ({ ...config, created: toCreated(created)! }));
}

/** Sets the image's `author`. */
export function setImageAuthor(image: Image, author: string): Image {
  return setImageConfigFile(image, (config) => ({ ...config, author }));
}
