/** Small queries over SVG text for semantic checks (no DOM needed). */
export function countTags(svg: string, tag: string, attr?: Record<string, string>): number {
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'g');
  let n = 0;
  for (const m of svg.matchAll(re)) {
    const attrs = m[1] ?? '';
    if (!attr || Object.entries(attr).every(([k, v]) => attrs.includes(`${k}="${v}"`))) n++;
  }
  return n;
}

export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

/** The rects inside Plot's `<g aria-label="bar">` groups (facets nest further `<g>`s inside). */
export function plotBars(svg: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  for (const g of svg.matchAll(/<g\b[^>]*aria-label="bar"[^>]*>/g)) {
    let depth = 1;
    const re = /<(\/?)(g|rect)\b([^>]*?)(\/?)>/g;
    re.lastIndex = g.index! + g[0].length;
    for (let m = re.exec(svg); m && depth > 0; m = re.exec(svg)) {
      if (m[2] === 'g') { depth += m[1] ? -1 : m[4] ? 0 : 1; continue; }
      if (m[1]) continue;
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
      out.push(attrs);
    }
  }
  return out;
}

export function ids(svg: string): string[] {
  return [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
}
