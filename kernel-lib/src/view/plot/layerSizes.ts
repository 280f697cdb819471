import { dockerSize } from '../cli/humanSize';
import { layerLabel } from '../diagram/layerStack';
import type { StackImageInput } from '../diagram/stackInput';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

function chainKeys(img: StackImageInput): string[] {
  let acc = '';
  return img.layers.filter((l) => !l.emptyLayer).map((l) => (acc = l.chainId ?? (acc === '' ? l.diffId : `${acc} ${l.diffId}`)));
}

/** Per-layer rows with their sharing status (same ChainID in another image = shared). */
export function layerRows(images: readonly StackImageInput[]): Array<{ image: string; index: number; bytes: number; shared: boolean; label: string }> {
  const keys = images.map(chainKeys);
  const count = new Map<string, number>();
  for (const ks of keys) for (const k of new Set(ks)) count.set(k, (count.get(k) ?? 0) + 1);
  return images.flatMap((img, c) => img.layers.filter((l) => !l.emptyLayer).map((l, i) => ({
    image: img.name, index: i + 1, bytes: l.size, shared: (count.get(keys[c]![i]!) ?? 0) > 1, label: layerLabel(l.createdBy),
  })));
}

/** Each image as a stack of its layers (bottom = base), shared layers green, the image's own orange. */
export function layerSizesPlot(images: readonly StackImageInput[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const rows = layerRows(images).map((r) => ({ ...r, mb: r.bytes / 1e6, kind: r.shared ? '공유 레이어' : '이 이미지만의 레이어' }));
  const text = images.map((img) => {
    const rs = rows.filter((r) => r.image === img.name);
    return `${img.name}: ` + rs.map((r) => `${r.index}:${dockerSize(r.bytes)}${r.shared ? '*' : ''}`).join(' + ') + ` = ${dockerSize(rs.reduce((s, r) => s + r.bytes, 0))}`;
  }).join('\n') + '\n(* = 다른 이미지와 공유)\n';
  return plotFigure({
    title: options.title ?? '이미지별 레이어 크기',
    subtitle: '막대 하나가 이미지 하나, 마디 하나가 레이어 하나 (아래쪽이 베이스)',
    legend: [{ label: '다른 이미지와 공유하는 레이어', color: PALETTE.sharedStroke }, { label: '이 이미지에만 있는 레이어', color: PALETTE.ownStroke }],
    text,
    plot: {
      width: 900,
      height: 460,
      marginLeft: 70,
      x: { label: null, domain: images.map((i) => i.name), tickSize: 0 },
      marginTop: 36,
      y: { label: '크기 (MB)', grid: true },
      color: { domain: ['공유 레이어', '이 이미지만의 레이어'], range: [PALETTE.sharedStroke, PALETTE.ownStroke] },
      marks: [
        Plot.barY(rows, { x: 'image', y: 'mb', fill: 'kind', stroke: '#ffffff', strokeWidth: 1.5, order: 'index', title: (d: { label: string; bytes: number }) => `${d.label} (${dockerSize(d.bytes)})` }),
        Plot.ruleY([0]),
      ],
    },
  });
}
