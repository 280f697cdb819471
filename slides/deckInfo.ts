/**
 * What a deck says about its session, read from the notebook (nothing is maintained twice):
 *
 * notebook metadata `layerlab` (all optional):
 *   { "session": "1주차 · 2일차 · 4교시", "title": "…", "subtitle": "…", "course": "…" }
 * The title falls back to nbformat's `metadata.title`, then to the first `# ` heading of the
 * notebook, then to the file name. Code cells are highlighted in `language_info.name`.
 */
import { basename } from 'node:path';
import { SlidesError } from './SlidesError';
import type { DeckNotebook } from './notebook/types';
import { firstHeading } from './render/renderMarkdown';

export const DEFAULT_COURSE = 'layerlab · Docker 이미지를 안에서부터 이해하기';

export interface DeckInfo {
  /** The output file stem: the notebook's name, with "00-" prefixed when it has no number (index → 00-index). */
  readonly slug: string;
  /** "01" … "07", or "00" for an unnumbered notebook such as index.ipynb. */
  readonly number: string;
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly session: string | undefined;
  readonly course: string;
  readonly language: string;
}

export function readDeckInfo(notebook: DeckNotebook, path: string): DeckInfo {
  const stem = basename(path).replace(/\.ipynb$/i, '');
  const numbered = /^(\d{2})-/.exec(stem);
  const slug = numbered ? stem : `00-${stem}`;
  const layerlab = objectField(notebook.metadata, 'layerlab', path);
  const title =
    stringField(layerlab, 'title', path) ??
    (typeof notebook.metadata.title === 'string' && notebook.metadata.title.trim() !== '' ? notebook.metadata.title : undefined) ??
    firstH1(notebook) ??
    stem;
  const number = numbered?.[1] ?? '00';
  return Object.freeze({
    slug,
    number,
    // "# 01 · Docker 이미지와 컨테이너": the number is shown apart (title slide, footer), so drop it here.
    title: title.replace(new RegExp(`^${number}\\s*[·.:\\-–—]?\\s+(?=\\S)`), ''),
    subtitle: stringField(layerlab, 'subtitle', path),
    session: stringField(layerlab, 'session', path),
    course: stringField(layerlab, 'course', path) ?? DEFAULT_COURSE,
    language: codeLanguage(notebook),
  });
}

function firstH1(notebook: DeckNotebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'markdown') continue;
    const heading = firstHeading(cell.source, 1);
    if (heading) return heading.text;
  }
  return undefined;
}

function codeLanguage(notebook: DeckNotebook): string {
  const info = notebook.metadata.language_info;
  if (typeof info === 'object' && info !== null && typeof (info as Record<string, unknown>).name === 'string') return (info as { name: string }).name;
  const spec = notebook.metadata.kernelspec;
  if (typeof spec === 'object' && spec !== null && typeof (spec as Record<string, unknown>).language === 'string') return (spec as { language: string }).language;
  return 'typescript';
}

function objectField(metadata: { readonly [key: string]: unknown }, key: string, path: string): Readonly<Record<string, unknown>> {
  const value = metadata[key];
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SlidesError('SLIDES_BAD_METADATA', `${path}: notebook metadata "${key}" must be an object, found ${JSON.stringify(value)}`, { data: { path, key } });
  }
  return value as Record<string, unknown>;
}

function stringField(object: Readonly<Record<string, unknown>>, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new SlidesError('SLIDES_BAD_METADATA', `${path}: notebook metadata layerlab.${key} must be a string, found ${JSON.stringify(value)}`, { data: { path, key } });
  }
  return value.trim() === '' ? undefined : value;
}
