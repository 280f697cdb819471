import { dockerSize } from '../cli/humanSize';
import type { StackImageInput } from '../diagram/stackInput';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { layerRows } from './layerSizes';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

/**
 * Disk used by a set of images with and without layer sharing: Σ image sizes (what adding up
 * `docker images` suggests) vs each distinct layer stored once (what `docker system df` counts —
 * by ChainID, OCI-FACTS §9).
 */
export function sharingDiskPlot(images: readonly StackImageInput[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const rows = layerRows(images);
  const without = rows.reduce((s, r) => s + r.bytes, 0);
  const seen = new Set<string>();
  let withSharing = 0;
  for (const img of images) {
    let acc = '';
    for (const l of img.layers) {
      if (l.emptyLayer) continue;
      acc = l.chainId ?? (acc === '' ? l.diffId : `${acc} ${l.diffId}`);
      if (!seen.has(acc)) { seen.add(acc); withSharing += l.size; }
    }
  }
  const data = [
    { case: '공유하지 않는다면 (이미지 크기의 합)', mb: without / 1e6, label: dockerSize(without) },
    { case: '실제 디스크 (공유 레이어는 한 번만)', mb: withSharing / 1e6, label: dockerSize(withSharing) },
  ];
  const saved = without - withSharing;
  const text = `이미지 ${images.length}개: 공유 없이 ${dockerSize(without)} · 실제 ${dockerSize(withSharing)} · 절약 ${dockerSize(saved)}\n`;
  return plotFigure({
    title: options.title ?? '레이어 공유로 아낀 디스크',
    subtitle: `${images.map((i) => i.name).join(', ')} — 절약 ${dockerSize(saved)} (${without === 0 ? 0 : Math.round((saved / without) * 100)}%)`,
    text,
    plot: {
      width: 900,
      height: 220,
      marginBottom: 52,
      marginLeft: 300,
      marginRight: 100,
      x: { label: '크기 (MB)', grid: true, labelAnchor: 'center', labelOffset: 40, labelArrow: 'none' },
      y: { label: null, tickSize: 0, domain: data.map((d) => d.case) },
      marks: [
        Plot.barX(data, { x: 'mb', y: 'case', fill: (d: { case: string }) => (d.case.startsWith('실제') ? PALETTE.sharedStroke : PALETTE.muted) }),
        Plot.text(data, { x: 'mb', y: 'case', text: 'label', dx: 8, textAnchor: 'start', fontSize: 17, fontWeight: 700 }),
        Plot.ruleX([0]),
      ],
    },
  });
}
