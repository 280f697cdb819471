/**
 * Every course notebook, executed in a fresh tslab kernel over the Jupyter protocol, must
 * (a) run without errors — except cells tagged `raises-exception`, which must raise — and
 * (b) reproduce its committed outputs, after the sanitising described in tools/runner/sanitize.ts
 *     (stack frames, machine paths, Plot's counter ids; never digests).
 * Notebooks run in parallel, one kernel per CPU. On failure the report names the notebook, the cell
 * index and id, and shows the error text or a diff against the committed output.
 * The runner itself is proved on the fixtures in test/tools/runner.test.ts.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR } from '../../tools/paths';
import { checkNotebook, formatCheck } from '../../tools/runner/checkNotebook';
import { createLimiter } from '../../tools/runner/mapLimited';

const notebooks = readdirSync(NOTEBOOKS_DIR)
  .filter((name) => name.endsWith('.ipynb'))
  .sort();
const limit = createLimiter(availableParallelism());

describe.concurrent('notebooks', () => {
  it('include the course map, index.ipynb', () => {
    expect(notebooks).toContain('index.ipynb');
  });

  it.each(notebooks)('%s runs cleanly and matches its committed outputs', { timeout: 15 * 60_000 }, async (name) => {
    const check = await limit(() => checkNotebook(join(NOTEBOOKS_DIR, name)));
    if (!check.ok) expect.fail(formatCheck(check));
    expect(check.run.complete).toBe(true);
  });
});
