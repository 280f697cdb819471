import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, parseArgs } from '../../slides/cli';
import { readDeckNotebook } from '../../slides/notebook/readDeckNotebook';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'slides', 'every-slide-type.ipynb');

describe('slides CLI arguments', () => {
  it('defaults to slides/out and every notebook in notebooks/', () => {
    const options = parseArgs([]);
    expect(options).toMatchObject({ pdf: false, notes: false, solutions: false, check: false, outDir: DEFAULT_OUT_DIR });
    expect(DEFAULT_OUT_DIR).toBe(join(ROOT, 'slides', 'out'));
    for (const notebook of options.notebooks) expect(notebook).toMatch(/\/notebooks\/[^/]+\.ipynb$/);
  });
  it('reads --pdf, --notes (which implies --pdf), --solutions, --check, --out and paths', () => {
    expect(parseArgs(['--notes', '--solutions', '--check', '--out', '/tmp/decks', 'a.ipynb'])).toEqual({
      pdf: true,
      notes: true,
      solutions: true,
      check: true,
      outDir: '/tmp/decks',
      notebooks: [resolve('a.ipynb')],
    });
  });
  it('refuses an unknown option and a bare --out', () => {
    expect(() => parseArgs(['--pfd'])).toThrow('unknown option --pfd; use --pdf, --notes, --solutions, --check or --out DIR');
    expect(() => parseArgs(['--out'])).toThrow('--out needs a directory');
  });
});

describe('npm run slides (tsx slides/cli.ts)', () => {
  it('writes the deck, its outline, the vendor folder and the index', () => {
    const out = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
    const printed = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'slides', 'cli.ts'), '--out', out, FIXTURE], { encoding: 'utf8', cwd: ROOT });
    expect(printed).toContain(`${out}/00-every-slide-type.html: 7 slides (4 with notes), 20 min`);
    for (const file of ['00-every-slide-type.html', '00-every-slide-type-outline.md', 'index.html', 'vendor/reveal/reveal.js', 'vendor/reveal/plugin/notes/notes.js', 'vendor/mermaid/mermaid.min.js', 'vendor/layerlab/deck.js', 'vendor/layerlab/theme.css', 'vendor/highlight/github.min.css']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a class="deck" href="00-every-slide-type.html">슬라이드 형식 모음</a>');
    expect(index).toContain('<td class="count">7</td>');
  });
  it('exits 1 with the reason for a file that is not a notebook', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'layerlab-cli-')), 'broken.ipynb');
    writeFileSync(bad, '{"nbformat": 3, "cells": []}');
    expect(() => readDeckNotebook(bad)).toThrow(`${bad}: not a valid nbformat 4 notebook: nbformat is 3, expected 4`);
    expect(() => readDeckNotebook('/nonexistent/01-x.ipynb')).toThrow(/^\/nonexistent\/01-x\.ipynb: cannot read the notebook \(ENOENT/);
    let status = 0;
    let stderr = '';
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'slides', 'cli.ts'), '--out', tmpdir(), bad], { encoding: 'utf8', cwd: ROOT, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('slides: ');
    expect(stderr).toContain('nbformat is 3, expected 4');
  });
});
