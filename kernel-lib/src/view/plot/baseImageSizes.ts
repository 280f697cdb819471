import { dockerSize } from '../cli/humanSize';
import { padEndWidth } from '../cli/displayWidth';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { textWidth } from '../svg/svgText';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

export interface ImageSizeInput { readonly name: string; readonly size: number }

/** Base images side by side by size (what `docker images` SIZE says), largest first, in MB. */
export function baseImageSizesPlot(images: readonly ImageSizeInput[], options: { readonly title?: string; readonly subtitle?: string } = {}): Figure {
  const Plot = loadPlot();
  const data = [...images].sort((a, b) => b.size - a.size).map((i) => ({ name: i.name, mb: i.size / 1e6, label: dockerSize(i.size) }));
  const text = data.map((d) => `${padEndWidth(d.name, 20)} ${d.label.padStart(8)}`).join('\n') + '\n';
  // Room for the longest name at the axis' 15px (plotFigure's style): Plot clips tick labels that
  // do not fit in the left margin, and the notebooks label bars with short sentences.
  const marginLeft = Math.max(170, Math.ceil(Math.max(0, ...data.map((d) => textWidth(d.name, 15)))) + 20);
  return plotFigure({
    title: options.title ?? '베이스 이미지 크기 비교',
    subtitle: options.subtitle ?? 'docker images의 SIZE (압축을 푼 전체 레이어 크기)',
    text,
    plot: {
      width: 900,
      height: 90 + data.length * 52,
      marginBottom: 52,
      marginLeft,
      marginRight: 90,
      x: { label: '크기 (MB)', grid: true, labelAnchor: 'center', labelOffset: 40, labelArrow: 'none', },
      y: { label: null, domain: data.map((d) => d.name), tickSize: 0 },
      marks: [
        Plot.barX(data, { x: 'mb', y: 'name', fill: PALETTE.baseStroke, fillOpacity: 0.85 }),
        Plot.text(data, { x: 'mb', y: 'name', text: 'label', textAnchor: 'start', dx: 8, fontSize: 17, fontWeight: 700 }),
        Plot.ruleX([0]),
      ],
    },
  });
}
