/**
 * The printed table: what | ours | reference | ratio | cpu ratio | target | met, then one line per
 * missed target saying why, and the notes.
 */
import { verdict, type BenchRow, type Figure, type Target } from './BenchRow';

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatFigure(figure: Figure | undefined): string {
  if (figure === undefined) return '—';
  const label = figure.label !== undefined ? `${figure.label} ` : '';
  switch (figure.unit) {
    case 'ms':
      return `${label}${formatMs(figure.value)}${figure.cpuMs !== undefined ? ` [cpu ${formatMs(figure.cpuMs)}]` : ''}`;
    case 'ns/op':
      return `${label}${figure.value < 10 ? figure.value.toFixed(1) : figure.value.toFixed(0)} ns/op`;
    case 'MB':
      return `${label}${figure.value.toFixed(0)} MB`;
  }
}

export function formatTarget(target: Target, unit: Figure['unit'] | undefined): string {
  switch (target.kind) {
    case 'ratio':
      return `≤ ${target.max}×`;
    case 'limit': {
      const bound = unit === 'ms' ? formatMs(target.max) : `${target.max} ${unit ?? ''}`.trim();
      return `${target.strict ? '<' : '≤'} ${bound}`;
    }
    case 'none':
      return '—';
  }
}

const ratioText = (r: number | undefined): string => (r === undefined ? '—' : `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`);

/** When the wall figure misses but the CPU figure is within the target, say so first. */
function cpuAside(row: BenchRow): string {
  if (row.error !== undefined) return '';
  const { cpuRatio } = verdict(row);
  if (row.target.kind === 'ratio' && cpuRatio !== undefined && cpuRatio <= row.target.max) {
    return `on CPU time it is ${ratioText(cpuRatio)} (within the target); `;
  }
  if (row.target.kind === 'limit' && row.ours?.unit === 'ms' && row.ours.cpuMs !== undefined && row.ours.cpuMs <= row.target.max) {
    return `its CPU time is ${formatMs(row.ours.cpuMs)} (within the target); `;
  }
  return '';
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['what', 'ours', 'reference', 'ratio', 'cpu ratio', 'target', 'met?'];
  const body = rows.map((row) => {
    const v = verdict(row);
    return [
      row.what,
      row.error !== undefined ? `error: ${row.error.split('\n')[0]}` : formatFigure(row.ours),
      formatFigure(row.reference),
      ratioText(v.ratio),
      ratioText(v.cpuRatio),
      formatTarget(row.target, row.ours?.unit),
      v.met === undefined ? '—' : v.met ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  const missed = rows.filter((row) => verdict(row).met === false);
  if (missed.length > 0) {
    out.push('', 'Missed targets:');
    for (const row of missed) out.push(`  ✗ ${row.what}: ${cpuAside(row)}${row.whyMissed ?? row.error ?? 'no explanation recorded'}`);
  }
  const notes = rows.filter((row) => row.note !== undefined);
  if (notes.length > 0) {
    out.push('', 'Notes:');
    for (const row of notes) out.push(`  · ${row.what}: ${row.note}`);
  }
  return out.join('\n');
}
