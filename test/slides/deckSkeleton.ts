/**
 * A readable outline of a deck's HTML, for golden tests: the reveal structure (section, fragment,
 * notes) and the `CELL-NN` markers each fixture cell carries, in document order. With `detail`,
 * our own renderings (cells, outputs, solutions, mermaid, trim markers, footers) are listed too.
 * The same function reads nbconvert's output, so the two structures can be compared line by line.
 */
import { parseHTML } from 'linkedom';

export interface SkeletonOptions {
  readonly detail?: boolean;
  /** List data-* attributes of sections and fragments (default true; nbconvert 6 writes none). */
  readonly attributes?: boolean;
}

export function deckSkeleton(html: string, options: SkeletonOptions = {}): string {
  const { document } = parseHTML(html);
  const root = document.querySelector('.reveal .slides') ?? document.body;
  const lines: string[] = [];
  let markers: string[] = [];
  let markerDepth = 0;
  const flush = (): void => {
    if (markers.length > 0) lines.push(`${'  '.repeat(markerDepth)}${markers.join(' ')}`);
    markers = [];
  };
  const walk = (node: Node, depth: number): void => {
    if (node.nodeType === 3) {
      for (const match of (node.textContent ?? '').matchAll(/CELL-\d\d/g)) {
        if (markers[markers.length - 1] !== match[0] && lines[lines.length - 1]?.trim().split(' ').pop() !== match[0]) {
          if (markers.length === 0) markerDepth = depth;
          markers.push(match[0]);
        }
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style') return;
    const label = structuralLabel(element, options.detail ?? false, options.attributes ?? true);
    if (label === undefined) {
      for (const child of Array.from(element.childNodes)) walk(child, depth);
      return;
    }
    flush();
    lines.push(`${'  '.repeat(depth)}${label}`);
    if (tag === 'footer' || element.classList.contains('trim-marker')) return;
    for (const child of Array.from(element.childNodes)) walk(child, depth + 1);
    flush();
  };
  for (const child of Array.from(root.childNodes)) walk(child, 0);
  flush();
  return `${lines.join('\n')}\n`;
}

function structuralLabel(element: Element, detail: boolean, attributes: boolean): string | undefined {
  const tag = element.tagName.toLowerCase();
  const classes = element.classList;
  const data = Array.from(attributes ? element.attributes : [])
    .filter((attribute) => attribute.name.startsWith('data-') && !attribute.name.startsWith('data-cell') && attribute.name !== 'data-lines')
    .map((attribute) => ` [${attribute.name}=${attribute.value}]`)
    .join('');
  if (tag === 'section') return `section${classes.contains('title-slide') ? '.title-slide' : ''}${data}`;
  if (tag === 'div' && classes.contains('fragment')) return `fragment${data}`;
  if (tag === 'aside' && classes.contains('notes')) return 'notes';
  if (!detail) return undefined;
  if (tag === 'div' && classes.contains('cell')) return `${[...classes].join('.')} #${element.getAttribute('data-cell-index')}`;
  if (tag === 'details') return `details.${[...classes].join('.')}${element.hasAttribute('open') ? ' open' : ''}: ${element.querySelector('summary')?.textContent ?? ''}`;
  if (tag === 'pre' && classes.contains('code-input')) return `pre.code-input (${element.querySelector('code')?.className ?? ''})`;
  if ((tag === 'pre' || tag === 'div') && classes.contains('output')) return `${tag}.${[...classes].join('.')}${element.getAttribute('data-lines') ? ` (${element.getAttribute('data-lines')} lines)` : ''}`;
  if (tag === 'pre' && classes.contains('mermaid')) return `pre.mermaid: ${(element.textContent ?? '').trim().split('\n')[0]}`;
  if (tag === 'span' && classes.contains('trim-marker')) return `trim-marker: ${element.textContent}`;
  if (tag === 'footer') return `footer: ${Array.from(element.children).map((child) => child.textContent).join(' | ')}`;
  if (tag === 'svg') return 'svg';
  if (tag === 'img') return `img${[...classes].map((c) => `.${c}`).join('')}: ${element.getAttribute('alt') ?? ''}`;
  if (tag === 'table') return `table (${element.querySelectorAll('tr').length} rows)`;
  if (/^h[1-4]$/.test(tag)) return `${tag}: ${element.textContent}`;
  return undefined;
}

/** The skeleton without the generated title slide (or, for nbconvert, without what precedes the first section). */
export function slidesOnly(skeleton: string): string {
  const lines = skeleton.split('\n');
  const out: string[] = [];
  let inTitle = false;
  let seenSection = false;
  for (const line of lines) {
    if (line.startsWith('section.title-slide')) {
      inTitle = true;
      continue;
    }
    if (/^section/.test(line)) {
      inTitle = false;
      seenSection = true;
    }
    if (inTitle || !seenSection) continue;
    out.push(line);
  }
  return out.join('\n');
}
