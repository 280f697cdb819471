import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotebook } from '../../tools/nbformat';

// A learner clicks these: every relative link in a notebook's markdown must open something.
const NOTEBOOKS = join(__dirname, '../../notebooks');

function relativeLinks(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
  return links.filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#')).map((href) => href.split('#')[0]!);
}

describe('links between notebooks', () => {
  const files = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb'));

  it.each(files)('%s links only to files that exist', (file) => {
    const nb = readNotebook(join(NOTEBOOKS, file));
    const broken = nb.cells
      .filter((c) => c.cell_type === 'markdown')
      .flatMap((c) => relativeLinks(Array.isArray(c.source) ? c.source.join('') : c.source))
      .filter((href) => href !== '' && !existsSync(join(NOTEBOOKS, decodeURIComponent(href))));
    expect(broken).toEqual([]);
  });

  it('finds the links it checks (the index links to session 01)', () => {
    const nb = readNotebook(join(NOTEBOOKS, 'index.ipynb'));
    const all = nb.cells.flatMap((c) => relativeLinks(Array.isArray(c.source) ? c.source.join('') : c.source));
    expect(all).toContain('01-images-and-containers.ipynb');
  });
});
