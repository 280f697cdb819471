/**
 * One notebook → `<out>/<slug>.html` (the deck) and `<out>/<slug>-outline.md` (the lecturer's
 * outline). Pure file output; `copyVendorAssets` provides what the deck links to.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readDeckInfo, type DeckInfo } from './deckInfo';
import { readDeckNotebook } from './notebook/readDeckNotebook';
import type { DeckNotebook } from './notebook/types';
import { readTimePlan, type TimePlan } from './outline/timePlan';
import { renderOutline } from './outline/renderOutline';
import { renderDeck } from './render/renderDeck';
import { buildSlideTree } from './structure/buildSlideTree';
import { layOutDeck, type DeckLayout } from './structure/deckLayout';
import { VENDOR_DIR } from './assets/copyVendorAssets';

export interface DeckExportOptions {
  /** Open every `solution` cell instead of collapsing it. */
  readonly openSolutions?: boolean;
}

export interface ExportedDeck {
  readonly notebookPath: string;
  readonly info: DeckInfo;
  readonly layout: DeckLayout;
  readonly plan: TimePlan;
  readonly deckFile: string;
  readonly outlineFile: string;
  /** Problems the author should fix; the deck is still written. */
  readonly warnings: readonly string[];
}

export function exportDeck(notebookPath: string, outDir: string, options: DeckExportOptions = {}): ExportedDeck {
  const path = resolve(notebookPath);
  return exportNotebook(readDeckNotebook(path), path, outDir, options);
}

export function exportNotebook(notebook: DeckNotebook, path: string, outDir: string, options: DeckExportOptions = {}): ExportedDeck {
  const warnings: string[] = [];
  const info = readDeckInfo(notebook, path);
  const tree = buildSlideTree(notebook, path);
  for (const { cellIndex, value } of tree.unknownTypes) warnings.push(`cell ${cellIndex} has slide_type ${JSON.stringify(value)}, which nbconvert treats as "-" (continue)`);
  const layout = layOutDeck(tree, notebook, info.title);
  const plan = readTimePlan(notebook, layout, path);
  warnings.push(...plan.warnings);

  const html = renderDeck(notebook, info, tree, {
    markdown: { baseDir: dirname(path), warn: (message) => warnings.push(message) },
    openSolutions: options.openSolutions ?? false,
    plannedMinutes: plan.total,
    vendor: VENDOR_DIR,
  });
  mkdirSync(outDir, { recursive: true });
  const deckFile = join(outDir, `${info.slug}.html`);
  const outlineFile = join(outDir, `${info.slug}-outline.md`);
  writeFileSync(deckFile, html);
  writeFileSync(outlineFile, renderOutline(info, layout, plan, `${info.slug}.html`));
  return Object.freeze({ notebookPath: path, info, layout, plan, deckFile, outlineFile, warnings: Object.freeze(warnings) });
}
