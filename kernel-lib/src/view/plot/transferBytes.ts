import { dockerSize } from '../cli/humanSize';
import type { Figure } from '../display/Figure';
import { PALETTE } from '../svg/palette';
import { loadPlot } from './plotRuntime';
import { plotFigure } from './plotFigure';

export interface TransferInput {
  /** "docker push app:v1", "docker pull app:v2" … */
  readonly operation: string;
  /** Bytes actually sent over the network. */
  readonly movedBytes: number;
  /** Bytes of layers the other side already had (skipped: "Layer already exists" / "Already exists"). */
  readonly skippedBytes: number;
}

/** Bytes moved vs skipped per push/pull: only missing layers cross the network. */
export function transferBytesPlot(rows: readonly TransferInput[], options: { readonly title?: string } = {}): Figure {
  const Plot = loadPlot();
  const data = rows.flatMap((r) => [
    { operation: r.operation, kind: '전송함', mb: r.movedBytes / 1e6, order: 0 },
    { operation: r.operation, kind: '이미 있어서 건너뜀', mb: r.skippedBytes / 1e6, order: 1 },
  ]);
  const text = rows.map((r) => `${r.operation}: 전송 ${dockerSize(r.movedBytes)}, 건너뜀 ${dockerSize(r.skippedBytes)}`).join('\n') + '\n';
  return plotFigure({
    title: options.title ?? 'push/pull 때 실제로 옮긴 바이트',
    subtitle: '레지스트리와 로컬에 이미 있는 레이어는 다시 보내지 않는다',
    legend: [{ label: '전송함', color: PALETTE.baseStroke }, { label: '이미 있어서 건너뜀', color: PALETTE.faint }],
    text,
    plot: {
      width: 900,
      height: 90 + rows.length * 56,
      marginBottom: 52,
      marginLeft: 240,
      marginRight: 130,
      x: { label: '크기 (MB)', grid: true, labelAnchor: 'center', labelOffset: 40, labelArrow: 'none' },
      y: { label: null, domain: rows.map((r) => r.operation), tickSize: 0 },
      color: { domain: ['전송함', '이미 있어서 건너뜀'], range: [PALETTE.baseStroke, PALETTE.faint] },
      marks: [
        Plot.barX(data, { x: 'mb', y: 'operation', fill: 'kind', order: 'order' }),
        Plot.text(rows, { x: (r: TransferInput) => (r.movedBytes + r.skippedBytes) / 1e6, y: 'operation', text: (r: TransferInput) => `전송 ${dockerSize(r.movedBytes)}`, dx: 8, textAnchor: 'start', fontSize: 16, fontWeight: 700 }),
        Plot.ruleX([0]),
      ],
    },
  });
}
