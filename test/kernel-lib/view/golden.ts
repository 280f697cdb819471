import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/**
 * Golden files under test/fixtures/golden/. `UPDATE_GOLDEN=1 npx vitest run …` rewrites them;
 * otherwise a mismatch fails with vitest's line diff. SVG is compared after `prettySvg` (one tag
 * per line) so that a change reads as a small diff, not one 40 kB line.
 */
const ROOT = join(__dirname, '..', '..', 'fixtures', 'golden');

export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (!existsSync(file) && process.env.CI) throw new Error(`golden file missing: ${name} (run with UPDATE_GOLDEN=1 and commit it)`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** One element per line: `><` → `>\n<`. Stable and reversible enough for reading diffs. */
export function prettySvg(svg: string): string {
  return svg.replace(/></g, '>\n<') + '\n';
}
