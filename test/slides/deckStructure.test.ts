/**
 * Golden tests of the deck's HTML structure for the fixture notebook that uses every slide type.
 *
 * every-slide-type.nbconvert.txt is the skeleton of `python3 -m nbconvert --to slides` (Debian
 * nbconvert 6.5.3) on the same notebook; the last test regenerates it when nbconvert is installed.
 * every-slide-type.structure.txt is our full rendering outline (update with `vitest -u` and read the diff).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDeck } from '../../slides/exportDeck';
import { deckSkeleton, slidesOnly } from './deckSkeleton';

const FIXTURE = join(__dirname, '..', 'fixtures', 'slides', 'every-slide-type.ipynb');
const NBCONVERT_GOLDEN = join(__dirname, '..', 'fixtures', 'slides', 'every-slide-type.nbconvert.txt');

const outDir = mkdtempSync(join(tmpdir(), 'layerlab-slides-'));
const deck = exportDeck(FIXTURE, outDir);
const html = readFileSync(deck.deckFile, 'utf8');

function nbconvertAvailable(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import nbconvert'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the fixture deck has nbconvert’s slide structure', () => {
  it('has the same sections, fragments, notes and cells as nbconvert, slide for slide', () => {
    const ours = slidesOnly(deckSkeleton(html, { attributes: false }));
    expect(ours).toBe(slidesOnly(readFileSync(NBCONVERT_GOLDEN, 'utf8')));
  });

  it('moves the notes nbconvert leaves outside every section onto the title slide', () => {
    const golden = readFileSync(NBCONVERT_GOLDEN, 'utf8');
    expect(golden.startsWith('notes\n  CELL-00\nsection\n')).toBe(true);
    expect(deckSkeleton(html).startsWith('section.title-slide [data-state=title-slide]\n  notes\n    CELL-00\nsection\n')).toBe(true);
  });

  it('writes slideshow.data as data-* attributes on the sections the cell opens (nbconvert ≥7)', () => {
    expect(deckSkeleton(html)).toContain('section [data-state=fixture-state]\n  section [data-state=fixture-state]\n    CELL-12');
  });

  it('matches the golden rendering outline', async () => {
    await expect(deckSkeleton(html, { detail: true })).toMatchFileSnapshot('../fixtures/slides/every-slide-type.structure.txt');
  });

  it.skipIf(!nbconvertAvailable())('agrees with nbconvert run now (Debian python3-nbconvert)', () => {
    const converted = execFileSync('/usr/bin/python3', ['-m', 'nbconvert', '--to', 'slides', '--stdout', FIXTURE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
    expect(deckSkeleton(converted, { attributes: false })).toBe(readFileSync(NBCONVERT_GOLDEN, 'utf8'));
  });
});

describe('what the fixture deck shows', () => {
  it('counts the slides reveal.js will show: a title slide plus one per subslide', () => {
    expect(deck.layout.slides.map((slide) => `${slide.number}:${slide.h}/${slide.v}`)).toEqual(['1:0/0', '2:1/0', '3:1/1', '4:2/0', '5:2/1', '6:3/0', '7:3/1']);
    expect(html.match(/<section/g)?.length).toBe(1 + 3 + 6);
  });

  it('hides the source of a hide-input cell but keeps its outputs', () => {
    expect(html).not.toContain('engine.rmi');
    expect(html).toContain('image is in use by container 4f2a CELL-14');
  });

  it('drops skip cells', () => {
    expect(html).not.toContain('CELL-01');
    expect(html).not.toContain('CELL-11');
  });

  it('collapses a solution behind "해답 보기", and --solutions opens it', () => {
    expect(html).toMatch(/<details class="solution"><summary>해답 보기<\/summary><div class="cell cell-code" data-cell-index="17"/);
    const open = readFileSync(exportDeck(FIXTURE, mkdtempSync(join(tmpdir(), 'layerlab-slides-')), { openSolutions: true }).deckFile, 'utf8');
    expect(open).toContain('<details class="solution" open><summary>해답 보기</summary>');
  });

  it('trims a 60-line output to its head and tail around a visible marker', () => {
    const block = /<pre class="output output-stdout trimmed" data-lines="60">([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
    expect(block).toContain('… 26줄 생략 (전체 60줄은 노트북에서) …');
    expect(block).toContain('step 28:');
    expect(block).not.toContain('step 29:');
    expect(block).toContain('step 55:');
    expect(block).toContain('step 60:');
  });

  it('keeps a mermaid fence as <pre class="mermaid"> and bundles mermaid only for decks that need it', () => {
    expect(html).toContain('<pre class="mermaid">flowchart LR\n  A[Dockerfile] --&gt; B[이미지]');
    expect(html).toContain('<script src="vendor/mermaid/mermaid.min.js"></script>');
  });

  it('links only local assets (no CDN)', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(urls.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
    expect(urls.filter((url) => url.startsWith('vendor/'))).toEqual([
      'vendor/reveal/reset.css',
      'vendor/reveal/reveal.css',
      'vendor/highlight/github.min.css',
      'vendor/layerlab/theme.css',
      'vendor/reveal/reveal.js',
      'vendor/reveal/plugin/notes/notes.js',
      'vendor/mermaid/mermaid.min.js',
      'vendor/layerlab/deck.js',
    ]);
  });

  it('warns about the unknown slide type, and nothing else', () => {
    expect(deck.warnings).toEqual(['cell 16 has slide_type "Slide", which nbconvert treats as "-" (continue)']);
  });

  it('is byte-identical when exported twice', () => {
    const again = exportDeck(FIXTURE, mkdtempSync(join(tmpdir(), 'layerlab-slides-')));
    expect(readFileSync(again.deckFile, 'utf8')).toBe(html);
    expect(existsSync(again.outlineFile)).toBe(true);
  });
});
