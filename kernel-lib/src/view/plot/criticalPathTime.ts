import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

export interface ParallelBuildInput {
  readonly name: string;
  /** Σ of all steps' seconds (one worker). */
  readonly summedSeconds: number;
  /** Seconds along the critical path (parallel stages). */
  readonly criticalSeconds: number;
}

/** Summed vs critical-path build time: what parallel stages save. */
export function criticalPathTimePlot(builds: readonly ParallelBuildInput[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const data = builds.flatMap((b) => [
    { name: b.name, kind: '단계 시간의 합 (순서대로)', seconds: b.summedSeconds },
    { name: b.name, kind: '임계 경로 (병렬 실행)', seconds: b.criticalSeconds },
  ]);
  const kinds = ['단계 시간의 합 (순서대로)', '임계 경로 (병렬 실행)'];
  const text = builds.map((b) => `${b.name}: 합 ${b.summedSeconds.toFixed(1)}s, 임계 경로 ${b.criticalSeconds.toFixed(1)}s`).join('\n') + '\n';
  return plotFigure({
    title: options.title ?? '병렬 스테이지: 합계 시간 vs 임계 경로',
    subtitle: 'BuildKit은 서로 기다릴 필요 없는 스테이지를 동시에 실행한다',
    legend: [{ label: kinds[0]!, color: PALETTE.muted }, { label: kinds[1]!, color: PALETTE.critical }],
    text,
    plot: {
      width: Math.max(600, 220 * builds.length + 120),
      height: 420,
      marginLeft: 70,
      fx: { label: null, padding: 0.2, domain: builds.map((b) => b.name) },
      x: { axis: null, domain: kinds },
      marginTop: 36,
      y: { label: '초', grid: true, domain: [0, Math.max(1, ...builds.map((b) => b.summedSeconds)) * 1.12], nice: true },
      color: { domain: kinds, range: [PALETTE.muted, PALETTE.critical] },
      marks: [
        Plot.barY(data, { fx: 'name', x: 'kind', y: 'seconds', fill: 'kind' }),
        Plot.text(data, { fx: 'name', x: 'kind', y: 'seconds', text: (d: { seconds: number }) => `${d.seconds.toFixed(1)}s`, dy: -8, fontSize: 15 }),
        Plot.ruleY([0]),
      ],
    },
  });
}
