/**
 * Named font stacks with Hangul on every platform a learner or a projector laptop runs:
 * Linux ("Noto Sans CJK KR" from fonts-noto-cjk; "Noto Sans KR" from Google Fonts; NanumGothic),
 * macOS ("Apple SD Gothic Neo"), Windows ("Malgun Gothic"). Generic families last.
 * Quotes are single so the stacks fit inside double-quoted SVG/HTML attributes.
 */
export const KOREAN_SANS_STACK =
  "'Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'NanumGothic', system-ui, sans-serif";

/** Monospace with Hangul (CLI tables, digests): D2Coding, Noto Sans Mono CJK KR, then platform monospace. */
export const KOREAN_MONO_STACK =
  "'D2Coding', 'Noto Sans Mono CJK KR', 'Noto Sans Mono', Menlo, Consolas, 'Malgun Gothic', monospace";
