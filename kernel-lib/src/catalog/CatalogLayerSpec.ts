/**
 * How a catalog layer is described: its history line, the files it holds, and the byte count its
 * files must add up to (docker's DiffSize for the real layer). The bytes not accounted for by the
 * named files are spread over `filler` files, so the layer has the real size without listing every
 * file of a Debian install.
 */
import type { LayerEntryInput } from '../layer/LayerEntry';
import { CatalogLayerSizeError } from './CatalogError';
import { catalogFileBytes, type CatalogFile } from './catalogFiles';
import { lazyPayload } from './lazyPayload';
import { PAYLOAD_RANDOM_SHARE } from './payloadRandomShare';

export interface CatalogLayerSpec {
  /** Stable key: the image that introduced the layer and its position (`debian:bookworm#0`). */
  readonly key: string;
  /** The `created_by` of the history entry, as `docker history --no-trunc` shows it. */
  readonly createdBy: string;
  readonly comment?: string;
  /** RFC 3339; also the mtime of every entry (a reproducible snapshot). */
  readonly created: string;
  /**
   * Bytes of regular files in the layer: what `docker history` shows as its SIZE (the real layer's
   * figure). Absent: just the named files.
   */
  readonly fileBytes?: number;
  /**
   * Compressed/uncompressed ratio of the real layer: the layer's gzip blob is about `ratio` of its
   * size (payloads are part random, part zeros; see payloadRandomShare.ts).
   */
  readonly ratio: number;
  readonly files: () => readonly CatalogFile[];
  /** Where the bytes not in `files` go: split evenly over these paths. */
  readonly filler?: readonly string[];
}

const strip = (path: string): string => path.replace(/^\/+/, '');

/** The layer's changeset: named files, filler payloads, and every parent directory (as docker's layers carry them). */
export function catalogLayerEntries(spec: CatalogLayerSpec): LayerEntryInput[] {
  const mtimeMs = Date.parse(spec.created);
  const share = payloadRandomShare(spec);
  const files = spec.files();
  const named = files.reduce((sum, f) => sum + catalogFileBytes(f), 0);
  const rest = (spec.fileBytes ?? named) - named;
  const filler = spec.filler ?? [];
  if (rest < 0 || (rest > 0 && filler.length === 0)) throw new CatalogLayerSizeError(spec.key, spec.fileBytes ?? named, named);
  const entries: LayerEntryInput[] = [];
  for (const f of files) {
    const path = strip(f.path);
    switch (f.kind) {
      case 'text':
        entries.push({ kind: 'file', path, content: f.text, mode: f.mode, mtimeMs });
        break;
      case 'payload':
        entries.push({ kind: 'file', path, content: lazyPayload(`${spec.key}:${path}`, f.size, share), mode: f.mode, mtimeMs });
        break;
      case 'dir':
        entries.push({ kind: 'dir', path, mode: f.mode, mtimeMs });
        break;
      case 'symlink':
        entries.push({ kind: 'symlink', path, linkTarget: f.target, mtimeMs });
        break;
      case 'hardlink':
        entries.push({ kind: 'hardlink', path, linkTarget: f.target, mtimeMs });
        break;
      case 'whiteout':
        entries.push({ kind: 'whiteout', path, mtimeMs });
        break;
    }
  }
  if (rest > 0) {
    const each = Math.floor(rest / filler.length);
    filler.forEach((p, i) => {
      const size = i === filler.length - 1 ? rest - each * (filler.length - 1) : each;
      entries.push({ kind: 'file', path: strip(p), content: lazyPayload(`${spec.key}:${strip(p)}`, size, share), mode: 0o644, mtimeMs });
    });
  }
  // Parent directories: a layer tar lists the directories above each change.
  const present = new Set(entries.map((e) => e.path));
  for (const e of [...entries]) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!present.has(parent)) {
        present.add(parent);
        entries.push({ kind: 'dir', path: parent, mode: parent === 'tmp' || parent === 'var/tmp' ? 0o1777 : 0o755, mtimeMs });
      }
    }
  }
  return entries;
}

/** The layer's DiffSize: `fileBytes`, or the bytes of its named files. */
export function catalogLayerFileBytes(spec: CatalogLayerSpec): number {
  return spec.fileBytes ?? spec.files().reduce((sum, f) => sum + catalogFileBytes(f), 0);
}

/** The fraction of payload bytes that are random for this layer (calibrated, else `ratio`). */
export function payloadRandomShare(spec: CatalogLayerSpec): number {
  return PAYLOAD_RANDOM_SHARE[spec.key] ?? spec.ratio;
}
