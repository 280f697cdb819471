import { dockerSize } from '../cli/humanSize';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

export interface CopyUpPoint {
  readonly fileSize: number;
  /** Seconds the first write took (the model's copy-up cost). */
  readonly seconds: number;
  /** Series label, e.g. "이미지 레이어에 있는 파일" / "컨테이너가 만든 파일". */
  readonly series: string;
}

/** First-write (copy-up) cost against file size, one line per series, log-scaled size axis. */
export function copyUpCostPlot(points: readonly CopyUpPoint[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const series = [...new Set(points.map((p) => p.series))];
  const colors = series.map((_, i) => PALETTE.series[i % PALETTE.series.length]!);
  // A log axis has no zero: empty files are left out of the chart (they cost nothing to copy).
  const data = points.filter((p) => p.fileSize > 0);
  const text = series.map((s) => `${s}: ` + data.filter((d) => d.series === s).map((d) => `${dockerSize(d.fileSize)}→${d.seconds.toFixed(2)}s`).join(', ')).join('\n') + '\n';
  return plotFigure({
    title: options.title ?? '첫 쓰기(copy-up) 비용과 파일 크기',
    subtitle: '이미지 레이어의 파일을 처음 고치면 파일 전체가 쓰기 레이어로 복사된다',
    legend: series.map((s, i) => ({ label: s, color: colors[i]!, shape: 'line' as const })),
    text,
    plot: {
      width: 900,
      height: 440,
      marginTop: 36,
      marginBottom: 52,
      marginLeft: 70,
      x: { type: 'log', label: '파일 크기 (로그 눈금)', grid: true, tickFormat: (v: number) => dockerSize(v), labelAnchor: 'center', labelOffset: 40, labelArrow: 'none' },
      y: { label: '첫 쓰기에 걸린 시간 (초)', grid: true },
      color: { domain: series, range: colors },
      marks: [
        Plot.line(data, { x: 'fileSize', y: 'seconds', stroke: 'series', strokeWidth: 3, sort: 'fileSize' }),
        Plot.dot(data, { x: 'fileSize', y: 'seconds', fill: 'series', r: 5 }),
        Plot.ruleY([0]),
      ],
    },
  });
}
