import { dockerSize } from '../cli/humanSize';
import { Figure } from '../display/Figure';
import { KOREAN_MONO_STACK } from '../display/fonts';
import { el, finishSvg, svgText } from '../svg/svgDocument';
import { PALETTE } from '../svg/palette';
import { fitText, textWidth } from '../svg/svgText';
import type { StackContainerInput, StackImageInput, StackLayerInput } from './stackInput';
import { isEngineLike, isImageLike, type EngineLike, type ImageLike } from '../model/modelShapes';
import { stackImageOf } from '../model/stackFromImage';

/** An image for the figure: the figure's own input shape, or a model `Image` (named by its short ID). */
export type StackSource = StackImageInput | ImageLike;

export interface LayerStackOptions {
  readonly containers?: readonly StackContainerInput[];
  /** Show history entries that made no layer (ENV, CMD …) as thin dashed rows. Default false. */
  readonly showEmptyLayers?: boolean;
  readonly title?: string;
}

interface Row { layer: StackLayerInput; key: string; sharedBy: number; y: number; h: number; index: number }

const COL_W = 360;
const GAP = 56;
const ROW_H = 56;
const THIN_H = 26;
const MARGIN = 28;

function shortHex(d: string): string {
  const hex = d.includes(':') ? d.slice(d.indexOf(':') + 1) : d;
  return hex.slice(0, 12);
}

/** The instruction shown in a box: BuildKit's text without the shell and "# buildkit" noise. */
export function layerLabel(createdBy: string | undefined): string {
  if (!createdBy) return '(기록 없음)';
  return createdBy
    .replace(/ # buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Chain keys: a layer's identity is itself plus everything below it (so equal keys = truly shared). */
function chainKeys(image: StackImageInput): string[] {
  const keys: string[] = [];
  let acc = '';
  for (const l of image.layers) {
    if (l.emptyLayer) { keys.push(''); continue; }
    acc = l.chainId ?? (acc === '' ? l.diffId : acc + ' ' + l.diffId);
    keys.push(acc);
  }
  return keys;
}

/**
 * The layer stack of one or several images — drawn from the images a cell just made — with
 * each container's writable layer on top of its image, and layers shared between images (same
 * ChainID) drawn green and joined across neighbouring columns.
 */
export function layerStack(engine: EngineLike, refs: readonly string[], options?: LayerStackOptions): Figure;
export function layerStack(images: StackSource | readonly StackSource[], options?: LayerStackOptions): Figure;
export function layerStack(subject: EngineLike | StackSource | readonly StackSource[], a?: readonly string[] | LayerStackOptions, b?: LayerStackOptions): Figure {
  let list: readonly StackImageInput[];
  let options: LayerStackOptions;
  if (isEngineLike(subject)) {
    const refs = (a as readonly string[] | undefined) ?? [];
    list = refs.map((ref) => stackImageOf(subject.getImage(ref), ref));
    options = b ?? {};
  } else {
    const sources: readonly StackSource[] = Array.isArray(subject) ? subject : [subject as StackSource];
    list = sources.map((s) => (isImageLike(s) ? stackImageOf(s) : s));
    options = (a as LayerStackOptions | undefined) ?? {};
  }
  if (list.length === 0) throw new RangeError('layerStack: no image given');
  const showEmpty = options.showEmptyLayers ?? false;
  const containers = options.containers ?? [];

  const keysPerImage = list.map(chainKeys);
  const useCount = new Map<string, number>();
  for (const keys of keysPerImage) for (const k of new Set(keys)) if (k !== '') useCount.set(k, (useCount.get(k) ?? 0) + 1);

  // Rows bottom-up per column; y measured downward from the stack's baseline.
  const columns = list.map((img, c) => {
    const rows: Row[] = [];
    let y = 0;
    img.layers.forEach((layer, index) => {
      if (layer.emptyLayer && !showEmpty) return;
      const h = layer.emptyLayer ? THIN_H : ROW_H;
      y += h;
      const key = keysPerImage[c]![index]!;
      rows.push({ layer, key, sharedBy: key === '' ? 0 : useCount.get(key) ?? 1, y, h, index });
    });
    return { img, rows, stackH: y, containers: containers.filter((k) => k.image === img.name) };
  });
  const maxStack = Math.max(...columns.map((c) => c.stackH));
  const maxCont = Math.max(0, ...columns.map((c) => c.containers.length));
  const CONT_H = 66;
  const titleH = 56;
  const headerH = 34;
  const legendH = 44;
  const footH = 34;
  const top = MARGIN + titleH + headerH + maxCont * (CONT_H + 8);
  const baseline = top + maxStack;
  const width = MARGIN * 2 + list.length * COL_W + (list.length - 1) * GAP + 150;
  const height = baseline + footH + legendH + MARGIN;
  const colX = (c: number): number => MARGIN + c * (COL_W + GAP);

  const parts: string[] = [];
  const title = options.title ?? (list.length === 1 ? `${list[0]!.name} 이미지의 레이어` : `이미지 ${list.length}개의 레이어와 공유`);
  parts.push(svgText(MARGIN, MARGIN + 30, title, { 'font-size': 26, 'font-weight': 700, fill: PALETTE.ink }));

  // Joins between neighbouring columns for the same shared layer (drawn first, under the boxes).
  for (let c = 0; c + 1 < columns.length; c++) {
    const right = new Map(columns[c + 1]!.rows.map((r) => [r.key, r]));
    for (const r of columns[c]!.rows) {
      const o = r.key === '' ? undefined : right.get(r.key);
      if (!o) continue;
      const x1 = colX(c) + COL_W;
      const x2 = colX(c + 1);
      parts.push(el('path', {
        d: `M${x1} ${baseline - r.y + 6}L${x2} ${baseline - o.y + 6}L${x2} ${baseline - o.y + o.h - 6}L${x1} ${baseline - r.y + r.h - 6}Z`,
        fill: PALETTE.shared, stroke: PALETTE.sharedStroke, 'stroke-width': 1, 'stroke-dasharray': '4 3', opacity: 0.9,
      }));
    }
  }

  columns.forEach((col, c) => {
    const x = colX(c);
    const total = col.img.layers.filter((l) => !l.emptyLayer).reduce((s, l) => s + l.size, 0);
    const count = col.img.layers.filter((l) => !l.emptyLayer).length;
    parts.push(svgText(x + COL_W / 2, MARGIN + titleH + 20, fitText(col.img.name, COL_W, 22), { 'font-size': 22, 'font-weight': 700, 'text-anchor': 'middle', fill: PALETTE.ink }));
    for (const r of col.rows) {
      const y = baseline - r.y;
      const empty = r.layer.emptyLayer === true;
      const shared = r.sharedBy > 1;
      const fill = empty ? '#ffffff' : shared ? PALETTE.shared : PALETTE.own;
      const stroke = empty ? PALETTE.faint : shared ? PALETTE.sharedStroke : PALETTE.ownStroke;
      parts.push(el('rect', { x: x + 1, y: y + 1, width: COL_W - 2, height: r.h - 2, rx: 6, fill, stroke, 'stroke-width': empty ? 1 : 2, 'stroke-dasharray': empty ? '5 4' : undefined }));
      const label = layerLabel(r.layer.createdBy);
      if (empty) {
        parts.push(svgText(x + 12, y + r.h / 2 + 5, fitText(`${label}  (메타데이터만, 0B)`, COL_W - 24, 14), { 'font-size': 14, fill: PALETTE.muted }));
        continue;
      }
      const badge = shared ? `공유 ×${r.sharedBy}` : '';
      parts.push(svgText(x + 12, y + 24, fitText(label, COL_W - 24 - (badge ? 70 : 0), 18), { 'font-size': 18, fill: PALETTE.ink }));
      if (badge) parts.push(svgText(x + COL_W - 12, y + 24, badge, { 'font-size': 15, 'font-weight': 700, 'text-anchor': 'end', fill: PALETTE.sharedStroke }));
      parts.push(svgText(x + 12, y + 45, dockerSize(r.layer.size), { 'font-size': 15, 'font-weight': 700, fill: PALETTE.ink }));
      parts.push(svgText(x + COL_W - 12, y + 45, shortHex(r.layer.diffId), { 'font-size': 14, 'text-anchor': 'end', fill: PALETTE.muted, 'font-family': KOREAN_MONO_STACK }));
    }
    // Containers' writable layers above the image's top layer.
    col.containers.forEach((k, i) => {
      const y = baseline - col.stackH - (i + 1) * (CONT_H + 8);
      parts.push(el('rect', { x: x + 1, y, width: COL_W - 2, height: CONT_H, rx: 6, fill: PALETTE.writable, stroke: PALETTE.writableStroke, 'stroke-width': 2.5, 'stroke-dasharray': '8 5' }));
      const counts = (['A', 'C', 'D'] as const).map((kind) => `${kind} ${k.changes.filter((ch) => ch.kind === kind).length}`).join(' · ');
      const size = k.size === undefined ? '' : ` · ${dockerSize(k.size)}`;
      parts.push(svgText(x + 12, y + 24, fitText(`컨테이너 ${k.name} — 쓰기 레이어 (R/W)`, COL_W - 24, 18), { 'font-size': 18, 'font-weight': 700, fill: PALETTE.ink }));
      const paths = k.changes.slice(0, 3).map((ch) => `${ch.kind} ${ch.path}`).join('  ') + (k.changes.length > 3 ? '  …' : '');
      parts.push(svgText(x + 12, y + 46, fitText(`${counts}${size}`, COL_W - 24, 15), { 'font-size': 15, fill: PALETTE.ink }));
      if (paths) parts.push(svgText(x + 12, y + 61, fitText(paths, COL_W - 24, 12, true), { 'font-size': 12, fill: PALETTE.muted, 'font-family': KOREAN_MONO_STACK }));
    });
    parts.push(svgText(x + COL_W / 2, baseline + 24, `레이어 ${count}개 · 합계 ${dockerSize(total)}`, { 'font-size': 16, 'text-anchor': 'middle', fill: PALETTE.muted }));
  });

  // Brackets on the right: read-only image layers vs the writable container layer.
  const bx = colX(list.length - 1) + COL_W + 18;
  parts.push(el('path', { d: `M${bx} ${baseline - maxStack + 4}h8V${baseline - 4}h-8`, fill: 'none', stroke: PALETTE.muted, 'stroke-width': 2 }));
  parts.push(svgText(bx + 16, baseline - maxStack / 2 + 6, '읽기 전용', { 'font-size': 16, fill: PALETTE.muted }));
  parts.push(svgText(bx + 16, baseline - maxStack / 2 + 26, '(R/O)', { 'font-size': 14, fill: PALETTE.muted }));
  if (maxCont > 0) {
    const cTop = baseline - maxStack - maxCont * (CONT_H + 8);
    parts.push(el('path', { d: `M${bx} ${cTop + 4}h8V${baseline - maxStack - 12}h-8`, fill: 'none', stroke: PALETTE.writableStroke, 'stroke-width': 2 }));
    parts.push(svgText(bx + 16, cTop + (maxCont * (CONT_H + 8)) / 2, '쓰기 가능', { 'font-size': 16, fill: PALETTE.writableStroke }));
  }

  // Legend.
  const ly = baseline + footH + 14;
  const items: Array<[string, string, string, string | undefined]> = [
    [PALETTE.own, PALETTE.ownStroke, '이 이미지에만 있는 레이어', undefined],
    [PALETTE.shared, PALETTE.sharedStroke, '다른 이미지와 공유하는 레이어', undefined],
  ];
  if (maxCont > 0) items.push([PALETTE.writable, PALETTE.writableStroke, '컨테이너 쓰기 레이어', '8 5']);
  if (showEmpty) items.push(['#ffffff', PALETTE.faint, '메타데이터만 (레이어 없음)', '5 4']);
  let lx = MARGIN;
  for (const [fill, stroke, label, dash] of items) {
    parts.push(el('rect', { x: lx, y: ly, width: 22, height: 16, rx: 3, fill, stroke, 'stroke-width': 2, 'stroke-dasharray': dash }));
    parts.push(svgText(lx + 30, ly + 14, label, { 'font-size': 15, fill: PALETTE.ink }));
    lx += 44 + label.length * 15;
  }
  // A single column is narrower than the legend row or a long title: widen the picture to hold them.
  const fullWidth = Math.ceil(Math.max(width, lx + MARGIN, MARGIN * 2 + textWidth(title, 26)));

  const svg = finishSvg({ width: fullWidth, height, title, description: stackText(list, columns.map((c) => c.rows), containers) }, parts.join(''));
  return new Figure({ svg, text: stackText(list, columns.map((c) => c.rows), containers), alt: title, width: fullWidth, height });
}

function stackText(images: readonly StackImageInput[], rows: Row[][], containers: readonly StackContainerInput[]): string {
  const out: string[] = [];
  images.forEach((img, c) => {
    const real = img.layers.filter((l) => !l.emptyLayer);
    out.push(`${img.name}  (레이어 ${real.length}개, ${dockerSize(real.reduce((s, l) => s + l.size, 0))})`);
    for (const k of containers.filter((x) => x.image === img.name)) {
      out.push(`  [R/W] 컨테이너 ${k.name}: ${k.changes.map((ch) => `${ch.kind} ${ch.path}`).join(', ') || '변경 없음'}`);
    }
    // Number filesystem layers 1…n (as RootFS.Layers counts them); metadata rows get no number.
    const numbers = new Map<Row, number>();
    let k = 0;
    for (const r of rows[c]!) if (!r.layer.emptyLayer) numbers.set(r, ++k);
    const rs = [...rows[c]!].reverse();
    for (const r of rs) {
      const n = r.layer.emptyLayer ? '  ' : String(numbers.get(r)).padStart(2, ' ');
      if (r.layer.emptyLayer) { out.push(`  ${n}  ${layerLabel(r.layer.createdBy)}  (메타데이터만)`); continue; }
      out.push(`  ${n}  ${shortHex(r.layer.diffId)}  ${dockerSize(r.layer.size).padStart(7)}  ${layerLabel(r.layer.createdBy)}${r.sharedBy > 1 ? `  [공유 ×${r.sharedBy}]` : ''}`);
    }
  });
  return out.join('\n') + '\n';
}
