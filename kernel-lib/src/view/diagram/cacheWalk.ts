import { Figure } from '../display/Figure';
import { KOREAN_MONO_STACK } from '../display/fonts';
import { el, finishSvg, svgText } from '../svg/svgDocument';
import { PALETTE } from '../svg/palette';
import { fitText } from '../svg/svgText';
import type { BuildStepInput } from './buildInput';

const M = 28;
const ROW = 46;
const LABEL_W = 560;
const PILL_W = 120;
const BAR_W = 300;

function secs(s: number): string {
  return `${s.toFixed(1)}s`;
}

/**
 * The cache walk of one build: each step checked in order, hit (CACHED) or miss (실행), and the
 * first miss marked — in a stage, every step after it runs again (BuildKit: the cache key of a
 * step includes its parent, so once a parent is new nothing below can match).
 */
export function cacheWalk(steps: readonly BuildStepInput[], options: { readonly title?: string } = {}): Figure {
  const title = options.title ?? '빌드 캐시 확인 순서';
  const stages = [...new Set(steps.map((s) => s.stage ?? ''))];
  const multi = stages.length > 1;
  const rows: Array<{ kind: 'stage'; name: string } | { kind: 'step'; step: BuildStepInput; n: number; firstMiss: boolean; afterMiss: boolean }> = [];
  const maxSec = Math.max(0.001, ...steps.map((s) => s.seconds));
  let n = 0;
  for (const stage of stages) {
    if (multi) rows.push({ kind: 'stage', name: stage });
    let missed = false;
    for (const step of steps.filter((s) => (s.stage ?? '') === stage)) {
      n++;
      const ran = step.runs !== false && !step.cached;
      const firstMiss = ran && !missed;
      rows.push({ kind: 'step', step, n, firstMiss, afterMiss: missed });
      if (ran) missed = true;
    }
  }
  const top = M + 56 + 30;
  const width = M * 2 + LABEL_W + PILL_W + BAR_W + 260;
  const height = top + rows.length * ROW + 90;
  const parts: string[] = [];
  parts.push(svgText(M, M + 30, title, { 'font-size': 26, 'font-weight': 700, fill: PALETTE.ink }));
  parts.push(svgText(M, top - 10, '단계 (Dockerfile 줄)', { 'font-size': 15, fill: PALETTE.muted }));
  parts.push(svgText(M + LABEL_W + PILL_W / 2, top - 10, '캐시', { 'font-size': 15, fill: PALETTE.muted, 'text-anchor': 'middle' }));
  parts.push(svgText(M + LABEL_W + PILL_W + 16, top - 10, '걸린 시간', { 'font-size': 15, fill: PALETTE.muted }));
  const text: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * ROW;
    if (r.kind === 'stage') {
      parts.push(svgText(M, y + ROW / 2 + 8, `스테이지 ${r.name}`, { 'font-size': 18, 'font-weight': 700, fill: PALETTE.baseStroke }));
      text.push(`[스테이지 ${r.name}]`);
      return;
    }
    const s = r.step;
    if (i % 2 === 0) parts.push(el('rect', { x: M - 6, y, width: width - 2 * M + 12, height: ROW, fill: '#f6f8fa' }));
    parts.push(svgText(M, y + ROW / 2 + 7, fitText(`${r.n}. ${s.instruction}`, LABEL_W - 70, 18, true), { 'font-size': 18, fill: PALETTE.ink, 'font-family': KOREAN_MONO_STACK }));
    parts.push(svgText(M + LABEL_W - 12, y + ROW / 2 + 7, `(${s.line}줄)`, { 'font-size': 14, fill: PALETTE.muted, 'text-anchor': 'end' }));
    const px = M + LABEL_W;
    if (s.runs === false) {
      // Metadata instructions change only the config: BuildKit runs no operation for them.
      parts.push(el('rect', { x: px + 6, y: y + 8, width: PILL_W - 12, height: ROW - 16, rx: (ROW - 16) / 2, fill: '#ffffff', stroke: PALETTE.faint, 'stroke-width': 2, 'stroke-dasharray': '5 4' }));
      parts.push(svgText(px + PILL_W / 2, y + ROW / 2 + 6, '설정만', { 'font-size': 16, 'text-anchor': 'middle', fill: PALETTE.muted }));
      text.push(`${String(r.n).padStart(2)}. 설정만      -  ${s.instruction}  (${s.line}줄)`);
      return;
    }
    parts.push(el('rect', { x: px + 6, y: y + 8, width: PILL_W - 12, height: ROW - 16, rx: (ROW - 16) / 2, fill: s.cached ? PALETTE.hitFill : PALETTE.missFill, stroke: s.cached ? PALETTE.hit : PALETTE.miss, 'stroke-width': 2 }));
    parts.push(svgText(px + PILL_W / 2, y + ROW / 2 + 6, s.cached ? '✓ CACHED' : '✗ 실행', { 'font-size': 16, 'font-weight': 700, 'text-anchor': 'middle', fill: s.cached ? PALETTE.hit : PALETTE.miss }));
    const bx = px + PILL_W + 16;
    const bw = Math.max(2, (s.seconds / maxSec) * BAR_W);
    parts.push(el('rect', { x: bx, y: y + 12, width: bw, height: ROW - 24, rx: 3, fill: s.cached ? PALETTE.hit : PALETTE.miss, opacity: s.cached ? 0.5 : 0.85 }));
    parts.push(svgText(bx + bw + 8, y + ROW / 2 + 6, secs(s.seconds), { 'font-size': 16, fill: PALETTE.ink }));
    if (r.firstMiss) {
      parts.push(svgText(bx + BAR_W + 70, y + ROW / 2 + 6, '← 첫 캐시 미스', { 'font-size': 16, 'font-weight': 700, fill: PALETTE.miss }));
    } else if (r.afterMiss && !s.cached) {
      parts.push(svgText(bx + BAR_W + 70, y + ROW / 2 + 6, '↳ 이어서 다시 실행', { 'font-size': 15, fill: PALETTE.miss }));
    }
    text.push(`${String(r.n).padStart(2)}. ${s.cached ? 'CACHED' : '실행  '} ${secs(s.seconds).padStart(6)}  ${s.instruction}  (${s.line}줄)${r.firstMiss ? '  ← 첫 캐시 미스' : ''}`);
  });
  const total = steps.reduce((a, s) => a + s.seconds, 0);
  const checked = steps.filter((s) => s.runs !== false);
  const hits = checked.filter((s) => s.cached).length;
  const summary = `합계 ${secs(total)} · 캐시 적중 ${hits}개 · 실행 ${checked.length - hits}개`;
  parts.push(svgText(M, top + rows.length * ROW + 36, summary, { 'font-size': 18, 'font-weight': 700, fill: PALETTE.ink }));
  parts.push(svgText(M, top + rows.length * ROW + 62, '한 스테이지에서 캐시가 한 번 빗나가면, 그 아래 단계는 모두 다시 실행된다.', { 'font-size': 15, fill: PALETTE.muted }));
  text.push(summary);
  const t = text.join('\n') + '\n';
  const svg = finishSvg({ width, height, title, description: t }, parts.join(''));
  return new Figure({ svg, text: t, alt: title, width, height });
}
