import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

export interface EditSeriesPoint {
  /** Which Dockerfile ("나쁜 순서", "좋은 순서"). */
  readonly dockerfile: string;
  /** The edit before this build ("처음 빌드", "app.js 수정", "package.json 수정" …). */
  readonly edit: string;
  readonly seconds: number;
}

/** Total build time over a series of edits, two (or more) Dockerfiles side by side per edit. */
export function editSeriesPlot(points: readonly EditSeriesPoint[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const files = [...new Set(points.map((p) => p.dockerfile))];
  const edits = [...new Set(points.map((p) => p.edit))];
  const colors = files.map((_, i) => (i === 0 ? PALETTE.miss : i === 1 ? PALETTE.hit : PALETTE.series[i % PALETTE.series.length]!));
  const totals = files.map((f) => points.filter((p) => p.dockerfile === f).reduce((s, p) => s + p.seconds, 0));
  const text = edits.map((e) => `${e}: ` + files.map((f) => `${f} ${(points.find((p) => p.edit === e && p.dockerfile === f)?.seconds ?? 0).toFixed(1)}s`).join(' / ')).join('\n') +
    '\n합계: ' + files.map((f, i) => `${f} ${totals[i]!.toFixed(1)}s`).join(' / ') + '\n';
  return plotFigure({
    title: options.title ?? '수정할 때마다 다시 빌드하는 시간',
    subtitle: '합계: ' + files.map((f, i) => `${f} ${totals[i]!.toFixed(1)}초`).join(' · '),
    legend: files.map((f, i) => ({ label: f, color: colors[i]! })),
    text,
    plot: {
      width: Math.max(720, 140 * edits.length + 120),
      height: 440,
      marginLeft: 70,
      marginBottom: 60,
      fx: { label: null, domain: edits, padding: 0.15 },
      x: { axis: null, domain: files },
      marginTop: 36,
      y: { label: '빌드 시간 (초)', grid: true, domain: [0, Math.max(1, ...points.map((p) => p.seconds)) * 1.12], nice: true },
      color: { domain: files, range: colors },
      marks: [
        Plot.barY(points, { fx: 'edit', x: 'dockerfile', y: 'seconds', fill: 'dockerfile' }),
        Plot.text(points, { fx: 'edit', x: 'dockerfile', y: 'seconds', text: (d: EditSeriesPoint) => d.seconds.toFixed(1), dy: -8, fontSize: 14 }),
        Plot.ruleY([0]),
      ],
    },
  });
}
