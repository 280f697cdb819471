/**
 * Copies what a deck loads into `<out>/vendor/`, from the installed npm packages and slides/theme:
 * reveal.js 5 (dist + the notes plugin at plugin/notes/notes.js — reveal 6 moved it, JUPYTER-FACTS
 * §5.1), highlight.js's github style, mermaid's single-file IIFE build (works from file://, §5.4),
 * and the layerlab theme and boot script. No CDN: lecture halls are offline.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SlidesError } from '../SlidesError';

export const VENDOR_DIR = 'vendor';

const THEME_DIR = join(__dirname, '..', 'theme');

/** [source (a package file, or theme/…), destination under vendor/]. */
function assetList(): readonly (readonly [string, string])[] {
  const reveal = packageDir('reveal.js');
  const mermaid = packageDir('mermaid');
  const hljs = packageDir('highlight.js');
  return [
    [join(reveal, 'dist', 'reset.css'), 'reveal/reset.css'],
    [join(reveal, 'dist', 'reveal.css'), 'reveal/reveal.css'],
    [join(reveal, 'dist', 'reveal.js'), 'reveal/reveal.js'],
    [join(reveal, 'plugin', 'notes', 'notes.js'), 'reveal/plugin/notes/notes.js'],
    [join(reveal, 'LICENSE'), 'reveal/LICENSE'],
    [join(hljs, 'styles', 'github.min.css'), 'highlight/github.min.css'],
    [join(hljs, 'LICENSE'), 'highlight/LICENSE'],
    [join(mermaid, 'dist', 'mermaid.min.js'), 'mermaid/mermaid.min.js'],
    [join(mermaid, 'LICENSE'), 'mermaid/LICENSE'],
    [join(THEME_DIR, 'theme.css'), 'layerlab/theme.css'],
    [join(THEME_DIR, 'deck.js'), 'layerlab/deck.js'],
  ];
}

export function copyVendorAssets(outDir: string): void {
  for (const [source, target] of assetList()) {
    const destination = join(outDir, VENDOR_DIR, target);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(source, destination);
  }
}

function packageDir(name: string): string {
  try {
    return dirname(createRequire(__filename).resolve(`${name}/package.json`));
  } catch (cause) {
    throw new SlidesError('SLIDES_MISSING_PACKAGE', `the npm package ${name} is not installed; run "npm ci" in the repository root`, { data: { name }, cause });
  }
}
