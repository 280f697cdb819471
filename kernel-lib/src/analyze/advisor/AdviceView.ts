import { padEndWidth } from '../../view/cli/displayWidth';
import { KOREAN_SANS_STACK } from '../../view/display/fonts';
import { escapeHtml } from '../../view/display/htmlEscape';
import { TextFirstView } from '../../view/display/RichView';
import type { Finding } from './Finding';

/** Escaped text with `code` spans rendered as <code>. */
function rich(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code style="font-family: monospace; background: #eff1f3; padding: 0 3px; border-radius: 3px;">$1</code>');
}

const SEVERITY_KO = { error: '오류', warning: '경고', info: '참고' } as const;
const SEVERITY_COLOR = { error: '#cf222e', warning: '#9a6700', info: '#1d63ed' } as const;

/** The advisor's report: a findings table (rule, lines, severity, title, measured effect) and details. */
export class AdviceView extends TextFirstView {
  readonly findings: readonly Finding[];
  readonly dockerfileText: string;
  readonly name: string | undefined;
  readonly text: string;
  constructor(findings: readonly Finding[], dockerfileText: string, name?: string) {
    super();
    this.findings = findings;
    this.dockerfileText = dockerfileText;
    this.name = name;
    this.text = renderText(findings, name);
    Object.freeze(this);
  }
  /** Findings of one rule id. */
  byRule(rule: string): Finding[] {
    return this.findings.filter((f) => f.rule === rule);
  }
  get rules(): string[] {
    return this.findings.map((f) => f.rule);
  }
  html(): string {
    const head = `<div style="font-family: ${KOREAN_SANS_STACK}; font-weight: 700; font-size: 16px; margin: 4px 0;">최적화 점검${this.name ? ` — ${escapeHtml(this.name)}` : ''}: ${this.findings.length === 0 ? '문제 없음 ✓' : `${this.findings.length}건`}</div>`;
    if (this.findings.length === 0) return head;
    const th = 'text-align: left; padding: 4px 10px; border-bottom: 2px solid #afb8c1; white-space: nowrap;';
    const td = 'text-align: left; padding: 6px 10px; border-bottom: 1px solid #d0d7de; vertical-align: top;';
    const rows = this.findings.map((f) => `<tr>` +
      `<td style="${td} white-space: nowrap; font-family: monospace;">${escapeHtml(f.rule)}</td>` +
      `<td style="${td} white-space: nowrap;">${f.lines.join(', ')}</td>` +
      `<td style="${td} white-space: nowrap; color: ${SEVERITY_COLOR[f.severity]}; font-weight: 700;">${SEVERITY_KO[f.severity]}</td>` +
      `<td style="${td}"><b>${rich(f.title)}</b><br/>${rich(f.explanation)}<br/><span style="color: #1a7f4b;">고치기: ${rich(f.fix)}</span></td>` +
      `<td style="${td}">${f.effect ? escapeHtml(f.effect.note) : '—'}</td></tr>`).join('');
    return head + `<table style="border-collapse: collapse; font-family: ${KOREAN_SANS_STACK}; font-size: 14px; max-width: 100%;"><thead><tr><th style="${th}">규칙</th><th style="${th}">줄</th><th style="${th}">수준</th><th style="${th}">내용</th><th style="${th}">측정된 영향</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
}

function renderText(findings: readonly Finding[], name: string | undefined): string {
  const out = [`최적화 점검${name ? ` — ${name}` : ''}: ${findings.length === 0 ? '문제 없음' : `${findings.length}건`}`];
  for (const f of findings) {
    out.push(`${padEndWidth(f.rule, 22)} ${padEndWidth(f.lines.join(','), 10)} ${padEndWidth(SEVERITY_KO[f.severity], 4)} ${f.title}`);
    if (f.effect) out.push(`${' '.repeat(38)}→ ${f.effect.note}`);
  }
  return out.join('\n') + '\n';
}
