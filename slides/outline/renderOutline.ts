/**
 * The lecturer's outline of one deck (`slides/out/NN-…-outline.md`): the time plan as a table with
 * clock times and slide ranges, then every slide with its speaker notes, so a lecturer can rehearse
 * from one page and see where the session should be at each point.
 */
import type { DeckInfo } from '../deckInfo';
import type { DeckLayout } from '../structure/deckLayout';
import type { TimePlan } from './timePlan';

export function renderOutline(info: DeckInfo, layout: DeckLayout, plan: TimePlan, deckFile: string): string {
  const lines: string[] = [];
  const notedSlides = layout.slides.filter((slide) => slide.notes.length > 0).length;
  lines.push(`# ${info.number} · ${info.title} — 강의 진행표`, '');
  if (info.session) lines.push(`- 세션: ${info.session}`);
  lines.push(`- 계획: ${plan.total === undefined ? '시간 계획 없음 (셀 메타데이터 layerlab.minutes)' : `${plan.total}분`}${plan.tableTotal !== undefined ? ` (노트북 시간표: ${plan.tableTotal}분)` : ''}`);
  lines.push(`- 슬라이드 ${layout.slides.length}장, 노트가 있는 슬라이드 ${notedSlides}장`);
  lines.push(`- 덱: [${deckFile}](${deckFile}) — 발표자 화면은 덱에서 S 키`);
  for (const warning of plan.warnings) lines.push(`- ⚠ ${warning}`);
  lines.push('');

  if (plan.blocks.length > 0) {
    lines.push('## 시간 계획', '', '| 시작 | 분 | 슬라이드 | 내용 |', '|---:|---:|:---|:---|');
    for (const block of plan.blocks) {
      const slides = block.firstSlide === block.lastSlide ? `${block.firstSlide}` : `${block.firstSlide}–${block.lastSlide}`;
      lines.push(`| ${clock(block.start)} | ${block.minutes} | ${slides} | ${cell(block.title)} |`);
    }
    lines.push(`| ${clock(plan.total ?? 0)} | **${plan.total ?? 0}** | | 끝 |`, '');
  }

  lines.push('## 슬라이드별 진행', '');
  const blockAt = new Map(plan.blocks.map((block) => [block.firstSlide, block] as const));
  for (const slide of layout.slides) {
    const block = blockAt.get(slide.number);
    const timing = block ? ` — ⏱ ${clock(block.start)}부터 ${block.minutes}분` : '';
    lines.push(`### ${slide.number}. ${slide.title ?? '(제목 없음)'}${timing}`, '');
    for (const note of slide.notes) lines.push(note.trim(), '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function clock(minutes: number): string {
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
