import type { BuildStepInput } from '../diagram/buildInput';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

/** Start/end of every step: given starts are kept; otherwise steps of one stage run one after another. */
export function stepTimes(steps: readonly BuildStepInput[]): Array<BuildStepInput & { start: number; end: number; label: string }> {
  const clock = new Map<string, number>();
  return steps.map((s, i) => {
    const stage = s.stage ?? '';
    const start = s.start ?? clock.get(stage) ?? 0;
    const end = start + s.seconds;
    clock.set(stage, end);
    return { ...s, start, end, label: `${i + 1}. ${s.instruction.length > 38 ? s.instruction.slice(0, 37) + '…' : s.instruction}` };
  });
}

/** A build as a timeline (Gantt): one bar per step from its start to its end, cache hits green. */
export function buildTimelinePlot(steps: readonly BuildStepInput[], options: { readonly title?: string; readonly subtitle?: string } = {}): Figure {
  const Plot = loadPlot();
  // Metadata-only steps (ENV, CMD …) take no time and run nothing: left out of the timeline.
  const rows = stepTimes(steps).filter((s) => s.runs !== false).map((s) => ({ ...s, status: s.cached ? '캐시 적중' : '실행' }));
  const total = Math.max(0, ...rows.map((r) => r.end));
  const text = rows.map((r) => `${r.label}  ${r.start.toFixed(1)}s → ${r.end.toFixed(1)}s  ${r.status}`).join('\n') + `\n끝난 시각 ${total.toFixed(1)}s\n`;
  return plotFigure({
    title: options.title ?? '빌드 단계별 타임라인',
    subtitle: options.subtitle ?? `전체 ${total.toFixed(1)}초 · 캐시 적중 ${rows.filter((r) => r.cached).length}/${rows.length}단계`,
    legend: [{ label: '실행 (캐시 미스)', color: PALETTE.miss }, { label: '캐시 적중', color: PALETTE.hit }],
    text,
    plot: {
      width: 960,
      height: 90 + rows.length * 40,
      marginBottom: 52,
      marginLeft: 380,
      marginRight: 60,
      x: { label: '빌드 시작 후 경과 (초)', grid: true, labelAnchor: 'center', labelOffset: 40, labelArrow: 'none', domain: [0, Math.max(total, 1)] },
      y: { label: null, domain: rows.map((r) => r.label), tickSize: 0 },
      color: { domain: ['실행', '캐시 적중'], range: [PALETTE.miss, PALETTE.hit] },
      marks: [
        Plot.barX(rows, { x1: 'start', x2: (d: { end: number; start: number }) => Math.max(d.end, d.start + total / 400), y: 'label', fill: 'status' }),
        Plot.text(rows, { x: 'end', y: 'label', text: (d: { seconds: number }) => `${d.seconds.toFixed(1)}s`, dx: 6, textAnchor: 'start', fontSize: 15 }),
      ],
    },
  });
}
