/**
 * The notebook reader/writer against the real thing: Debian's Python nbformat (5.5) must write the
 * very same bytes, for the committed notebooks and for a notebook full of awkward text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCellIds } from '../../tools/nbformat/cellIds';
import { pythonNumber } from '../../tools/nbformat/pythonJson';
import { parseNotebook, readNotebook } from '../../tools/nbformat/readNotebook';
import { splitLinesKeepEnds } from '../../tools/nbformat/splitLines';
import type { Notebook } from '../../tools/nbformat/types';
import { serializeNotebook } from '../../tools/nbformat/writeNotebook';
import { PROJECT_ROOT } from '../../tools/paths';

// Debian's interpreter: the one python3-nbformat is installed for (a pyenv python3 may shadow it).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function python(script: string, input: string): string {
  return execFileSync(PYTHON, ['-c', script], { input, encoding: 'utf8' });
}

/** nbformat.read + nbformat.write, the round trip Jupyter does on save. */
function nbformatRoundTrip(text: string): string {
  return python('import sys, io, nbformat\nnb = nbformat.reads(sys.stdin.buffer.read().decode("utf-8"), as_version=4)\nout = io.StringIO()\nnbformat.write(nb, out)\nsys.stdout.buffer.write(out.getvalue().encode("utf-8"))', text);
}

const AWKWARD = 'a\r\nb\rc\nd\u2028e\u2029f\x0bg\x0ch\x1ci\x1dj\x1ek\x85l\n\n';

describe('splitLinesKeepEnds', () => {
  it("breaks where Python's str.splitlines(True) breaks", () => {
    const expected = JSON.parse(python('import sys, json\nsys.stdout.write(json.dumps(sys.stdin.buffer.read().decode("utf-8").splitlines(True)))', AWKWARD)) as string[];
    expect(splitLinesKeepEnds(AWKWARD)).toEqual(expected);
    expect(expected).toHaveLength(13);
  });

  it('keeps a last line without newline, and gives no lines for empty text', () => {
    expect(splitLinesKeepEnds('x\ny')).toEqual(['x\n', 'y']);
    expect(splitLinesKeepEnds('')).toEqual([]);
  });
});

describe('serializeNotebook', () => {
  it('writes the bytes nbformat.write writes, for text that trips naive writers', () => {
    const notebook: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
        zeta: { b: 1, a: [1.5, 0.00001, 2.5e16, -3], 'é': 'ünïcode 한국어 😀', '\ue000': 'private use', '😀': 'astral' },
        signature: 'dropped on write',
      },
      cells: [
        { id: 'md', cell_type: 'markdown', metadata: { slideshow: { slide_type: 'slide' } }, source: `# 제목\n${AWKWARD}` },
        {
          id: 'code-1',
          cell_type: 'code',
          metadata: { tags: ['raises-exception'], trusted: true },
          execution_count: 3,
          source: 'const s = "\\u0000\\t";\n"quote \\" backslash \\\\ tab \t bell \x07 del \x7f"',
          outputs: [
            { output_type: 'stream', name: 'stdout', text: `line 1\nline 2${AWKWARD}` },
            {
              output_type: 'display_data',
              data: {
                'text/html': '<b>1</b>\n<i>2</i>\n',
                'image/svg+xml': '<svg>\n</svg>',
                'application/json': { z: [1, 2, { y: 'x\ny' }], a: null },
                'application/vnd.custom+json': { b: true },
                'image/png': 'iVBORw0KGgo=\n',
              },
              metadata: { 'image/png': { width: 10 } },
            },
            { output_type: 'error', ename: 'Error', evalue: 'boom\nagain', traceback: ['a\nb', 'c'] },
          ],
        },
        { id: 'raw', cell_type: 'raw', metadata: { format: 'text/plain' }, source: '' },
      ],
    };
    const ours = serializeNotebook(notebook);
    expect(ours).toBe(nbformatRoundTrip(ours));
    expect(ours).not.toContain('signature');
    expect(ours).not.toContain('trusted');
    expect(ours.endsWith('}\n')).toBe(true);
  });

  const committed = [
    ...readdirSync(join(PROJECT_ROOT, 'notebooks')).map((name) => join('notebooks', name)),
    ...readdirSync(join(PROJECT_ROOT, 'test/fixtures/notebooks')).map((name) => join('test/fixtures/notebooks', name)),
  ].filter((path) => path.endsWith('.ipynb'));

  it.each(committed)('round-trips %s byte for byte, as nbformat does', (path) => {
    const text = readFileSync(join(PROJECT_ROOT, path), 'utf8');
    expect(serializeNotebook(readNotebook(join(PROJECT_ROOT, path)))).toBe(text);
    expect(nbformatRoundTrip(text)).toBe(text);
  });

  it("prints floats in Python's repr form", () => {
    expect([1e-5, 0.0001, 1.5e16, 2.5, -0.5, 1e22, 123].map(pythonNumber)).toEqual(['1e-05', '0.0001', '15000000000000000', '2.5', '-0.5', '10000000000000000000000', '123']);
    expect(pythonNumber(1.25e-7)).toBe('1.25e-07');
    expect(pythonNumber(3.3e20 + 0.5)).toBe('330000000000000000000');
  });
});

describe('parseNotebook', () => {
  it('rejoins line lists and refuses what is not nbformat 4', () => {
    const notebook = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ id: 'a', cell_type: 'code', metadata: {}, source: ['x\n', 'y'], outputs: [{ output_type: 'stream', name: 'stdout', text: ['1\n', '2\n'] }], execution_count: 1 }] }));
    const cell = notebook.cells[0]!;
    expect(cell.source).toBe('x\ny');
    expect(cell.cell_type === 'code' && cell.outputs[0]).toEqual({ output_type: 'stream', name: 'stdout', text: '1\n2\n' });
    expect(() => parseNotebook('{"nbformat": 3, "cells": []}', 'old.ipynb')).toThrow(/old.ipynb: not a valid nbformat 4 notebook: nbformat is 3/);
    expect(() => parseNotebook('{oops', 'bad.ipynb')).toThrow(expect.objectContaining({ code: 'NotebookFormat' }));
  });
});

describe('ensureCellIds', () => {
  it('generates ids only where missing, invalid or duplicated, and upgrades to nbformat 4.5', () => {
    const notebook = parseNotebook(JSON.stringify({
      nbformat: 4,
      nbformat_minor: 4,
      metadata: {},
      cells: [
        { cell_type: 'markdown', metadata: {}, source: 'no id' },
        { id: 'keep-me', cell_type: 'markdown', metadata: {}, source: '' },
        { id: 'keep-me', cell_type: 'markdown', metadata: {}, source: 'duplicate' },
        { id: 'bad id!', cell_type: 'markdown', metadata: {}, source: '' },
      ],
    }));
    expect(ensureCellIds(notebook)).toBe(3);
    const ids = notebook.cells.map((cell) => cell.id);
    expect(ids[1]).toBe('keep-me');
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(notebook.nbformat_minor).toBe(5);
    expect(ensureCellIds(notebook)).toBe(0);
    expect(notebook.cells.map((cell) => cell.id)).toEqual(ids);
  });
});
