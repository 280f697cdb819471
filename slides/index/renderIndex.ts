/** `slides/out/index.html`: every deck of the course with its session, size, timing and files. */
import { basename } from 'node:path';
import { DEFAULT_COURSE } from '../deckInfo';
import type { ExportedDeck } from '../exportDeck';
import { escapeHtml } from '../render/escapeHtml';
import { VENDOR_DIR } from '../assets/copyVendorAssets';

export interface IndexEntry {
  readonly deck: ExportedDeck;
  /** PDF files written for this deck (names relative to the index). */
  readonly pdfs: readonly { readonly file: string; readonly label: string }[];
}

export function renderIndex(entries: readonly IndexEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => a.deck.info.slug.localeCompare(b.deck.info.slug))
    .map(({ deck, pdfs }) => {
      const file = basename(deck.deckFile);
      const links = [`<a href="${escapeHtml(basename(deck.outlineFile))}">진행표</a>`, ...pdfs.map((pdf) => `<a href="${escapeHtml(pdf.file)}">${escapeHtml(pdf.label)}</a>`)];
      return `<tr>
<td class="number">${escapeHtml(deck.info.number)}</td>
<td><a class="deck" href="${escapeHtml(file)}">${escapeHtml(deck.info.title)}</a>${deck.info.subtitle ? `<div class="subtitle">${escapeHtml(deck.info.subtitle)}</div>` : ''}</td>
<td>${escapeHtml(deck.info.session ?? '')}</td>
<td class="count">${deck.layout.slides.length}</td>
<td class="count">${deck.plan.total === undefined ? '' : `${deck.plan.total}분`}</td>
<td>${links.join(' · ')}</td>
</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(DEFAULT_COURSE)} — 강의 슬라이드</title>
<link rel="stylesheet" href="${VENDOR_DIR}/layerlab/theme.css">
<style>
body { font-family: var(--ll-font); color: var(--ll-text); margin: 48px auto; max-width: 1100px; padding: 0 24px; font-size: 19px; }
h1 { color: var(--ll-heading); font-size: 34px; margin-bottom: 4px; }
p.lead { color: var(--ll-muted); margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 10px 12px; border-bottom: 1px solid var(--ll-border); vertical-align: top; }
th { background: #eef2f8; color: var(--ll-heading); }
td.number { font-weight: 800; color: #8fa9d8; font-size: 24px; }
td.count { text-align: right; white-space: nowrap; }
a { color: var(--ll-accent); }
a.deck { font-weight: 700; font-size: 21px; }
.subtitle { color: var(--ll-muted); font-size: 16px; }
kbd { font-family: var(--ll-mono); background: var(--ll-code-bg); border: 1px solid var(--ll-border); border-radius: 4px; padding: 0 6px; }
</style>
</head>
<body>
<h1>${escapeHtml(DEFAULT_COURSE)} — 강의 슬라이드</h1>
<p class="lead">노트북에서 만든 발표 자료입니다. 덱에서 <kbd>S</kbd> 발표자 노트, <kbd>F</kbd> 전체 화면, <kbd>Esc</kbd> 전체 보기.</p>
<table>
<thead><tr><th></th><th>세션</th><th>차시</th><th>슬라이드</th><th>계획</th><th>자료</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
