/**
 * `docker history` (moby daemon/images/image_history.go; docker/cli image/formatter_history.go),
 * graphdriver store. One row per config `history` entry, newest first. SIZE is the DiffSize of the
 * layer the entry made (0 for `empty_layer`). IMAGE: the top row shows the image's ID, the next row
 * its local parent's, and so on up the parent chain; rows past the end of the chain show
 * `<missing>` — so a BuildKit image (no local parents) has an ID on the top row only.
 * CREATED BY has tabs turned into spaces and is cut to 45 columns with "…" unless `noTrunc`.
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import { layerDiffSize } from '../image/ImageLayer';
import { LayerlabError } from '../errors/LayerlabError';
import type { Engine } from './Engine';
import { repoTagsOf, resolveImageRef } from './resolveImage';

/**
 * One row of `docker history`. The capitalised members are the Engine API's
 * `HistoryResponseItem` (what the view module's `formatHistory` takes: full ID or `<missing>`,
 * Unix seconds, the untouched CREATED BY); the others are the values as the CLI shows them.
 */
export interface ImageHistoryRow {
  readonly Id: string;
  /** Unix seconds (0 when absent). */
  readonly Created: number;
  readonly CreatedBy: string;
  readonly Tags: readonly string[];
  readonly Size: number;
  readonly Comment: string;
  /** IMAGE as shown: 12 hex (`noTrunc`: the full `sha256:…`), or `<missing>`. */
  readonly image: string;
  /** The full ID of the local image at this row, when there is one. */
  readonly imageId: Digest | undefined;
  /** CREATED: ms since the epoch, whole seconds (the API sends Unix seconds); undefined when absent. */
  readonly created: number | undefined;
  /** CREATED BY as shown (tabs → spaces; cut to 45 columns unless `noTrunc`). */
  readonly createdBy: string;
  /** CREATED BY exactly as the config has it. */
  readonly createdByFull: string;
  /** SIZE in bytes (the layer's DiffSize; 0 for an empty layer). */
  readonly size: number;
  readonly comment: string;
  readonly emptyLayer: boolean;
  /** The diff_id of the layer this entry made, if it made one. */
  readonly diffId: Digest | undefined;
  /** Tags of the image at this row (`nginx:latest`), as the API's `Tags`. */
  readonly tags: readonly string[];
}

export interface HistoryOptions {
  /** `--no-trunc`: full IDs and full CREATED BY. */
  readonly noTrunc?: boolean;
}

/** moby's failure when history and diff_ids disagree. */
export class HistoryLayersMismatchError extends LayerlabError {
  constructor(imageId: string) {
    super('HistoryLayersMismatch', 'too many non-empty layers in History section', {
      data: { imageId },
      hint: 'config의 history에서 empty_layer가 아닌 항목 수가 rootfs.diff_ids 개수보다 많습니다.',
    });
  }
}

/** Display width of one code point (East Asian wide and fullwidth forms take two columns). */
function columnWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * docker/cli `formatter.Ellipsis`: text wider than `max` columns is cut so that it plus "…" fits
 * `max` columns (for ASCII: the first max−1 characters and "…").
 */
export function dockerEllipsis(text: string, max: number): string {
  const chars = [...text];
  const widths = chars.map((c) => columnWidth(c.codePointAt(0)!));
  if (widths.reduce((a, b) => a + b, 0) <= max) return text;
  let out = '';
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    if (used + widths[i]! > max - 1) break;
    out += chars[i]!;
    used += widths[i]!;
  }
  return out + '…';
}

export function engineHistory(engine: Engine, ref: string, options: HistoryOptions = {}): ImageHistoryRow[] {
  const { image } = resolveImageRef(engine, ref);
  const noTrunc = options.noTrunc ?? false;
  type Draft = Omit<ImageHistoryRow, 'image' | 'imageId' | 'tags' | 'Id' | 'Created' | 'CreatedBy' | 'Tags' | 'Size' | 'Comment'>;
  const drafts: Draft[] = [];
  let layer = 0;
  for (const entry of image.history) {
    let size = 0;
    let diffId: Digest | undefined;
    if (!entry.empty_layer) {
      const l = image.layers[layer];
      if (l === undefined) throw new HistoryLayersMismatchError(image.id);
      size = layerDiffSize(l);
      diffId = l.diffId;
      layer++;
    }
    const createdBy = entry.created_by ?? '';
    const shown = createdBy.replace(/\t/g, ' ');
    const created = entry.created === undefined ? undefined : Math.floor(Date.parse(entry.created) / 1000) * 1000;
    drafts.unshift({
      created,
      createdBy: noTrunc ? shown : dockerEllipsis(shown, 45),
      createdByFull: createdBy,
      size,
      comment: entry.comment ?? '',
      emptyLayer: entry.empty_layer === true,
      diffId,
    });
  }
  // Walk the local parent chain from the top row down.
  const ids: (Digest | undefined)[] = drafts.map(() => undefined);
  let id: Digest | undefined = image.id;
  for (let i = 0; i < drafts.length && id !== undefined; i++) {
    ids[i] = id;
    const parent: Digest | undefined = engine.state.parents.get(id);
    id = parent !== undefined && engine.state.images.has(parent) ? parent : undefined;
  }
  return drafts.map((draft, i) => {
    const imageId = ids[i];
    const tags = Object.freeze(imageId === undefined ? [] : repoTagsOf(engine, imageId));
    return Object.freeze({
      Id: imageId ?? '<missing>',
      Created: draft.created === undefined ? 0 : draft.created / 1000,
      CreatedBy: draft.createdByFull,
      Tags: tags,
      Size: draft.size,
      Comment: draft.comment,
      image: imageId === undefined ? '<missing>' : noTrunc ? imageId : shortId(imageId),
      imageId,
      tags,
      ...draft,
    });
  });
}
