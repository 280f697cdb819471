/**
 * The exact bytes of an image config, written the way BuildKit's image exporter writes them
 * (moby/buildkit exporter/containerimage/writer.go `patchImageConfig`): the document is re-encoded
 * as a Go `map[string]json.RawMessage`, so the **top-level keys are sorted** (architecture, author,
 * config, created, history, os, os.features, os.version, rootfs, variant), while each nested
 * object keeps its Go struct order — `config` in `ocispec.ImageConfig` order followed by Docker's
 * extension fields (Healthcheck, OnBuild, Shell), history entries as `created, created_by, author,
 * comment, empty_layer`, rootfs as `type, diff_ids`. Compact, no trailing newline, Go string
 * escaping (`&&` in a RUN line becomes `\u0026\u0026`).
 *
 * This is the order Docker Hub's official images (all built by BuildKit) have. Configs read from
 * an archive are never re-serialised: `Image` keeps their original bytes (OCI-FACTS §1.5).
 *
 * Style `'ocispec'` is the other order in the wild: `json.Marshal(ocispec.Image)` — struct order
 * `created, author, architecture, os, os.version, os.features, variant, config, rootfs, history`,
 * with `config` always present (a struct is never omitted). Tools that convert a Docker config to
 * OCI re-marshal it this way (skopeo/containers-image copying docker-archive → oci), which is why
 * such a copy has the same content but a different image ID.
 */
import type { ImageConfigFile, ImageHealthcheck, ImageHistoryEntry, ImageRunConfig } from './ImageConfig';
import { goJsonStringify, goMap, type GoJsonValue } from './goJson';

function list(values: readonly string[] | undefined): readonly string[] | undefined {
  return values === undefined || values.length === 0 ? undefined : values;
}

function healthcheckJson(h: ImageHealthcheck | undefined): GoJsonValue {
  if (h === undefined) return undefined;
  return {
    Test: list(h.Test),
    Interval: h.Interval || undefined,
    Timeout: h.Timeout || undefined,
    StartPeriod: h.StartPeriod || undefined,
    StartInterval: h.StartInterval || undefined,
    Retries: h.Retries || undefined,
  };
}

/** The `config` object in Go struct order (omitempty everywhere, as in ocispec.ImageConfig). */
export function imageRunConfigJson(c: ImageRunConfig): GoJsonValue {
  return {
    User: c.User || undefined,
    ExposedPorts: goMap(c.ExposedPorts),
    Env: list(c.Env),
    Entrypoint: list(c.Entrypoint),
    Cmd: list(c.Cmd),
    Volumes: goMap(c.Volumes),
    WorkingDir: c.WorkingDir || undefined,
    Labels: goMap(c.Labels),
    StopSignal: c.StopSignal || undefined,
    ArgsEscaped: c.ArgsEscaped || undefined,
    Healthcheck: healthcheckJson(c.Healthcheck),
    OnBuild: list(c.OnBuild),
    Shell: list(c.Shell),
  };
}

export function imageHistoryEntryJson(h: ImageHistoryEntry): GoJsonValue {
  return {
    created: h.created,
    created_by: h.created_by || undefined,
    author: h.author || undefined,
    comment: h.comment || undefined,
    empty_layer: h.empty_layer || undefined,
  };
}

/** Who wrote the config bytes: BuildKit's exporter (default) or a plain `json.Marshal(ocispec.Image)`. */
export type ImageConfigStyle = 'buildkit' | 'ocispec';

function ocispecImageJson(config: ImageConfigFile): string {
  return goJsonStringify({
    created: config.created,
    author: config.author || undefined,
    architecture: config.architecture,
    os: config.os,
    'os.version': config['os.version'] || undefined,
    'os.features': config['os.features'] !== undefined && config['os.features'].length > 0 ? config['os.features'] : undefined,
    variant: config.variant || undefined,
    config: imageRunConfigJson(config.config ?? {}),
    rootfs: { type: config.rootfs.type, diff_ids: config.rootfs.diff_ids },
    history: config.history !== undefined && config.history.length > 0 ? config.history.map(imageHistoryEntryJson) : undefined,
  });
}

/** The config document as JSON text (see the file comment for the key order). */
export function imageConfigJson(config: ImageConfigFile, style: ImageConfigStyle = 'buildkit'): string {
  if (style === 'ocispec') return ocispecImageJson(config);
  // Written as a Go map: keys sorted when encoded.
  const top = new Map<string, GoJsonValue>();
  top.set('architecture', config.architecture);
  if (config.author) top.set('author', config.author);
  if (config.config !== undefined) top.set('config', imageRunConfigJson(config.config));
  if (config.created !== undefined) top.set('created', config.created);
  if (config.history !== undefined) top.set('history', config.history.map(imageHistoryEntryJson));
  top.set('os', config.os);
  if (config['os.features'] !== undefined && config['os.features'].length > 0) top.set('os.features', config['os.features']);
  if (config['os.version']) top.set('os.version', config['os.version']);
  top.set('rootfs', { type: config.rootfs.type, diff_ids: config.rootfs.diff_ids });
  if (config.variant) top.set('variant', config.variant);
  return goJsonStringify(top);
}

/** The config document as the exact bytes whose SHA-256 is the image ID. */
export function serializeImageConfig(config: ImageConfigFile, style: ImageConfigStyle = 'buildkit'): Uint8Array {
  return new Uint8Array(Buffer.from(imageConfigJson(config, style), 'utf8'));
}
