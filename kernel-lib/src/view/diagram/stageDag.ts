import { Figure } from '../display/Figure';
import { el, finishSvg, svgText } from '../svg/svgDocument';
import { PALETTE } from '../svg/palette';
import { fitText } from '../svg/svgText';
import { padEndWidth } from '../cli/displayWidth';
import type { StageInput } from './buildInput';

export interface CriticalPath {
  /** Stage names from a root to the target along the longest (slowest) chain. */
  readonly path: readonly string[];
  /** Seconds along that path: what a build with unlimited parallelism waits for. */
  readonly seconds: number;
  /** Σ of every stage's seconds: what a one-at-a-time build would take. */
  readonly summedSeconds: number;
}

/**
 * The longest chain of dependent stages ending at `target` (default: the last stage) — BuildKit
 * runs stages that do not depend on each other in parallel, so this is the build's wall time.
 * Dependencies not listed as stages (base images) cost 0.
 */
export function criticalPath(stages: readonly StageInput[], target?: string): CriticalPath {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const goal = target ?? stages[stages.length - 1]?.name;
  if (goal === undefined || !byName.has(goal)) throw new RangeError(`criticalPath: unknown target stage ${String(goal)}`);
  const memo = new Map<string, { seconds: number; path: string[] }>();
  const visiting = new Set<string>();
  const longest = (name: string): { seconds: number; path: string[] } => {
    const hit = memo.get(name);
    if (hit) return hit;
    const s = byName.get(name);
    if (!s) return { seconds: 0, path: [] };
    if (visiting.has(name)) throw new RangeError(`criticalPath: stages depend on each other in a cycle at ${name}`);
    visiting.add(name);
    let best = { seconds: 0, path: [] as string[] };
    for (const d of s.dependsOn) {
      const r = longest(d);
      if (r.seconds > best.seconds || (r.seconds === best.seconds && r.path.length > best.path.length)) best = r;
    }
    visiting.delete(name);
    const out = { seconds: best.seconds + s.seconds, path: [...best.path, name] };
    memo.set(name, out);
    return out;
  };
  // Only stages the target needs are built (BuildKit skips unreachable stages).
  const needed = new Set<string>();
  const walk = (n: string): void => { if (needed.has(n) || !byName.has(n)) return; needed.add(n); for (const d of byName.get(n)!.dependsOn) walk(d); };
  walk(goal);
  const r = longest(goal);
  const summed = stages.filter((s) => needed.has(s.name)).reduce((a, s) => a + s.seconds, 0);
  return Object.freeze({ path: Object.freeze(r.path), seconds: r.seconds, summedSeconds: summed });
}

const M = 28;
const NODE_W = 210;
const NODE_H = 70;
const COL_GAP = 90;
const ROW_GAP = 30;

/** The multi-stage build as a DAG, left to right, with the critical path in red. */
export function stageDag(stages: readonly StageInput[], options: { readonly target?: string; readonly title?: string } = {}): Figure {
  const cp = criticalPath(stages, options.target);
  const names = new Set(stages.map((s) => s.name));
  const external = [...new Set(stages.flatMap((s) => s.dependsOn).filter((d) => !names.has(d)))];
  const depth = new Map<string, number>();
  const depthOf = (n: string): number => {
    const known = depth.get(n);
    if (known !== undefined) return known;
    const s = stages.find((x) => x.name === n);
    const d = !s || s.dependsOn.length === 0 ? 0 : 1 + Math.max(...s.dependsOn.map(depthOf));
    depth.set(n, d);
    return d;
  };
  for (const e of external) depth.set(e, 0);
  const all = [...external, ...stages.map((s) => s.name)];
  for (const n of all) depthOf(n);
  const cols = new Map<number, string[]>();
  for (const n of all) { const d = depth.get(n)!; cols.set(d, [...(cols.get(d) ?? []), n]); }
  const nCols = Math.max(...cols.keys()) + 1;
  const maxRows = Math.max(...[...cols.values()].map((c) => c.length));
  const top = M + 56 + 20;
  const width = M * 2 + nCols * NODE_W + (nCols - 1) * COL_GAP;
  const height = top + maxRows * (NODE_H + ROW_GAP) + 90;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [d, list] of cols) {
    const colH = list.length * (NODE_H + ROW_GAP) - ROW_GAP;
    const y0 = top + (maxRows * (NODE_H + ROW_GAP) - ROW_GAP - colH) / 2;
    list.forEach((n, i) => pos.set(n, { x: M + d * (NODE_W + COL_GAP), y: y0 + i * (NODE_H + ROW_GAP) }));
  }
  const onPath = new Set(cp.path);
  const critEdge = (from: string, to: string): boolean => {
    const i = cp.path.indexOf(to);
    return i > 0 && cp.path[i - 1] === from;
  };
  const title = options.title ?? '멀티 스테이지 빌드: 스테이지 의존 관계와 임계 경로';
  const parts: string[] = [];
  parts.push(svgText(M, M + 30, title, { 'font-size': 26, 'font-weight': 700, fill: PALETTE.ink }));
  for (const s of stages) {
    for (const d of s.dependsOn) {
      const a = pos.get(d)!;
      const b = pos.get(s.name)!;
      const crit = critEdge(d, s.name);
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x - 4;
      const y2 = b.y + NODE_H / 2;
      const mx = (x1 + x2) / 2;
      parts.push(el('path', { d: `M${x1} ${y1}C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`, fill: 'none', stroke: crit ? PALETTE.critical : PALETTE.muted, 'stroke-width': crit ? 4 : 2, 'marker-end': `url(#{{id:${crit ? 'arrow-crit' : 'arrow'}}})` }));
    }
  }
  for (const n of all) {
    const p = pos.get(n)!;
    const s = stages.find((x) => x.name === n);
    const crit = onPath.has(n);
    parts.push(el('rect', { x: p.x, y: p.y, width: NODE_W, height: NODE_H, rx: 8, fill: s ? (crit ? '#ffecec' : PALETTE.base) : '#f6f8fa', stroke: crit ? PALETTE.critical : s ? PALETTE.baseStroke : PALETTE.faint, 'stroke-width': crit ? 3.5 : 2, 'stroke-dasharray': s ? undefined : '5 4' }));
    parts.push(svgText(p.x + NODE_W / 2, p.y + 30, fitText(n, NODE_W - 16, 19), { 'font-size': 19, 'font-weight': 700, 'text-anchor': 'middle', fill: PALETTE.ink }));
    parts.push(svgText(p.x + NODE_W / 2, p.y + 54, s ? `${s.seconds.toFixed(1)}s` : '베이스 이미지', { 'font-size': 16, 'text-anchor': 'middle', fill: PALETTE.muted }));
  }
  const summary = `순서대로 합치면 ${cp.summedSeconds.toFixed(1)}s · 병렬로 실행하면 ${cp.seconds.toFixed(1)}s (임계 경로: ${cp.path.join(' → ')})`;
  parts.push(svgText(M, height - 30, fitText(summary, width - 2 * M, 17), { 'font-size': 17, 'font-weight': 700, fill: PALETTE.ink }));
  const defs = el('defs', {},
    el('marker', { id: '{{id:arrow}}', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' }, el('path', { d: 'M0 0L10 5L0 10Z', fill: PALETTE.muted })),
    el('marker', { id: '{{id:arrow-crit}}', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto' }, el('path', { d: 'M0 0L10 5L0 10Z', fill: PALETTE.critical })));
  const text = [
    ...stages.map((s) => `${cp.path.includes(s.name) ? '*' : ' '} ${padEndWidth(s.name, 12)} ${s.seconds.toFixed(1).padStart(6)}s  ← ${s.dependsOn.join(', ') || '(없음)'}`),
    summary,
  ].join('\n') + '\n';
  const svg = finishSvg({ width, height, title, description: text }, defs + parts.join(''));
  return new Figure({ svg, text, alt: title, width, height });
}
