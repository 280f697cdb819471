import { dockerSize } from '../cli/humanSize';
import { Figure } from '../display/Figure';
import { KOREAN_MONO_STACK } from '../display/fonts';
import { el, finishSvg, svgText } from '../svg/svgDocument';
import { PALETTE } from '../svg/palette';
import { fitText } from '../svg/svgText';

/** One layer's entries as the union needs them (a layer tar's changeset, or the upper dir). */
export interface UnionLayerInput {
  readonly label: string;
  readonly entries: ReadonlyArray<{ readonly path: string; readonly type: 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque'; readonly size?: number }>;
}

export interface UnionViewInput {
  /** Image layers, bottom first. */
  readonly lower: readonly UnionLayerInput[];
  /** The container's writable layer. */
  readonly upper: UnionLayerInput;
  /** The paths to draw as columns (default: every non-directory path, at most 8). */
  readonly paths?: readonly string[];
  readonly title?: string;
}

export type UnionCell =
  | { readonly kind: 'none' }
  | { readonly kind: 'present'; readonly size: number | undefined; readonly type: 'file' | 'dir' | 'symlink' }
  | { readonly kind: 'whiteout' };

export interface UnionResolution {
  /** Index into [upper, lower top … lower bottom] of the layer that supplies the path, or -1. */
  readonly from: number;
  readonly deleted: boolean;
}

function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push('/' + parts.slice(0, i).join('/'));
  return out;
}

function norm(p: string): string {
  return '/' + p.split('/').filter(Boolean).join('/');
}

function cellOf(layer: UnionLayerInput, path: string): UnionCell {
  for (const e of layer.entries) {
    if (norm(e.path) !== path) continue;
    if (e.type === 'whiteout') return { kind: 'whiteout' };
    if (e.type === 'opaque') continue;
    return { kind: 'present', size: e.size, type: e.type };
  }
  return { kind: 'none' };
}

/**
 * overlayfs lookup, top-down (OCI layer spec "whiteouts"; kernel overlayfs): the first layer
 * that has the path supplies it; a whiteout of the path or of a parent directory hides everything
 * below; an opaque parent directory stops the search at that layer.
 */
export function resolveUnion(layersTopDown: readonly UnionLayerInput[], path: string): UnionResolution {
  const p = norm(path);
  const parents = ancestors(p);
  for (let i = 0; i < layersTopDown.length; i++) {
    const layer = layersTopDown[i]!;
    const set = new Map(layer.entries.map((e) => [norm(e.path), e.type]));
    if (parents.some((a) => set.get(a) === 'whiteout')) return { from: -1, deleted: true };
    const t = set.get(p);
    if (t === 'whiteout') return { from: -1, deleted: true };
    if (t !== undefined && t !== 'opaque') return { from: i, deleted: false };
    if (parents.some((a) => layer.entries.some((e) => e.type === 'opaque' && norm(e.path) === a))) return { from: -1, deleted: false };
  }
  return { from: -1, deleted: false };
}

const LEFT = 250;
const COL = 170;
const ROW = 62;
const M = 28;

/** The lower/upper/merged picture of a container: what each layer holds and what the container sees. */
export function unionView(input: UnionViewInput): Figure {
  const layersTopDown = [input.upper, ...[...input.lower].reverse()];
  const all = new Set<string>();
  for (const l of layersTopDown) for (const e of l.entries) if (e.type !== 'dir' && e.type !== 'opaque') all.add(norm(e.path));
  const paths = (input.paths ?? [...all].sort().slice(0, 8)).map(norm);
  const title = input.title ?? '유니온 파일시스템: lower + upper = merged';
  const rowsY = (i: number): number => M + 56 + 40 + i * ROW; // i=0 merged, 1 upper, 2.. lowers
  const width = M * 2 + LEFT + paths.length * COL;
  const height = rowsY(layersTopDown.length + 1) + 50;
  const parts: string[] = [];
  parts.push(svgText(M, M + 30, title, { 'font-size': 26, 'font-weight': 700, fill: PALETTE.ink }));
  const rowLabels = ['merged (컨테이너가 보는 모습)', `upper: ${input.upper.label}`, ...layersTopDown.slice(1).map((l, i) => `lower ${layersTopDown.length - 1 - i}: ${l.label}`)];
  rowLabels.forEach((label, i) => {
    const y = rowsY(i);
    const fill = i === 0 ? '#eef4ff' : i === 1 ? PALETTE.writable : '#f6f8fa';
    parts.push(el('rect', { x: M, y: y + 2, width: width - 2 * M, height: ROW - 4, rx: 6, fill, stroke: i === 1 ? PALETTE.writableStroke : PALETTE.faint, 'stroke-dasharray': i === 1 ? '8 5' : undefined }));
    parts.push(svgText(M + 12, y + ROW / 2 + 6, fitText(label, LEFT - 24, 16), { 'font-size': 16, 'font-weight': i <= 1 ? 700 : 400, fill: PALETTE.ink }));
  });
  // A divider between the container's view and the layers that make it.
  parts.push(el('line', { x1: M, x2: width - M, y1: rowsY(1) - 1, y2: rowsY(1) - 1, stroke: PALETTE.muted, 'stroke-width': 2 }));

  const textRows: string[] = [];
  paths.forEach((path, c) => {
    const cx = M + LEFT + c * COL + COL / 2;
    parts.push(svgText(cx, rowsY(0) - 12, fitText(path, COL - 8, 15, true), { 'font-size': 15, 'text-anchor': 'middle', fill: PALETTE.ink, 'font-family': KOREAN_MONO_STACK }));
    const res = resolveUnion(layersTopDown, path);
    if (res.from >= 0) {
      // The lookup line from the supplying layer up to the merged row.
      parts.push(el('line', { x1: cx, x2: cx, y1: rowsY(res.from + 1) + 8, y2: rowsY(0) + ROW - 8, stroke: PALETTE.baseStroke, 'stroke-width': 2.5, 'marker-end': 'url(#{{id:arrow}})' }));
    }
    const cells: string[] = [];
    layersTopDown.forEach((layer, i) => {
      const cell = cellOf(layer, path);
      const y = rowsY(i + 1);
      if (cell.kind === 'present') {
        const used = res.from === i;
        parts.push(el('rect', { x: cx - COL / 2 + 14, y: y + 10, width: COL - 28, height: ROW - 20, rx: 5, fill: used ? '#ffffff' : '#eef0f2', stroke: used ? PALETTE.baseStroke : PALETTE.faint, 'stroke-width': used ? 2.5 : 1.5 }));
        parts.push(svgText(cx, y + ROW / 2 + 6, cell.size === undefined ? cell.type : dockerSize(cell.size), { 'font-size': 16, 'text-anchor': 'middle', fill: used ? PALETTE.ink : PALETTE.muted, 'text-decoration': used ? undefined : 'line-through' }));
        cells.push(used ? `[${cell.size === undefined ? cell.type : dockerSize(cell.size)}]` : `(${cell.size === undefined ? cell.type : dockerSize(cell.size)}, 가려짐)`);
      } else if (cell.kind === 'whiteout') {
        parts.push(el('rect', { x: cx - COL / 2 + 14, y: y + 10, width: COL - 28, height: ROW - 20, rx: 5, fill: PALETTE.missFill, stroke: PALETTE.whiteout, 'stroke-width': 2, 'stroke-dasharray': '5 3' }));
        parts.push(svgText(cx, y + ROW / 2 + 6, '✕ whiteout', { 'font-size': 16, 'text-anchor': 'middle', fill: PALETTE.whiteout, 'font-weight': 700 }));
        cells.push('✕whiteout');
      } else cells.push('·');
    });
    const my = rowsY(0);
    if (res.from >= 0) {
      const src = res.from === 0 ? 'upper' : `lower ${layersTopDown.length - res.from}`;
      parts.push(el('rect', { x: cx - COL / 2 + 10, y: my + 8, width: COL - 20, height: ROW - 16, rx: 6, fill: '#ffffff', stroke: PALETTE.baseStroke, 'stroke-width': 2.5 }));
      parts.push(svgText(cx, my + ROW / 2 + 6, `← ${src}`, { 'font-size': 16, 'text-anchor': 'middle', fill: PALETTE.baseStroke, 'font-weight': 700 }));
      textRows.push(`${path}: ${src}에서 보임   ${cells.join('  ')}`);
    } else {
      parts.push(svgText(cx, my + ROW / 2 + 6, res.deleted ? '(삭제됨)' : '(없음)', { 'font-size': 16, 'text-anchor': 'middle', fill: res.deleted ? PALETTE.whiteout : PALETTE.muted }));
      textRows.push(`${path}: ${res.deleted ? '삭제됨' : '없음'}   ${cells.join('  ')}`);
    }
  });
  const defs = el('defs', {}, el('marker', { id: '{{id:arrow}}', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0 0L10 5L0 10Z', fill: PALETTE.baseStroke })));
  const note = '위에서부터 찾는다: 가장 위 레이어의 파일이 보이고, whiteout은 아래 레이어의 파일을 가린다.';
  parts.push(svgText(M, height - 20, note, { 'font-size': 15, fill: PALETTE.muted }));
  const text = ['merged ← upper ← lower (위에서 아래로 찾기)', `열: [upper, ${layersTopDown.slice(1).map((_, i) => `lower ${layersTopDown.length - 1 - i}`).join(', ')}]`, ...textRows].join('\n') + '\n';
  const svg = finishSvg({ width, height, title, description: text }, defs + parts.join(''));
  return new Figure({ svg, text, alt: title, width, height });
}
