import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests import the library from source (no build step needed while editing);
// the notebook tests exercise the *built* package through the real tslab kernel.
export default defineConfig({
  resolve: {
    alias: { 'kernel-lib': fileURLToPath(new URL('./kernel-lib/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Plot's half-pixel offset depends on a global `it`; keep globals off so SVG matches tslab's.
    globals: false,
    // zeromq and child kernels are safest in forked processes (JUPYTER-FACTS §2.8).
    pool: 'forks',
    // Most slow tests wait on child processes (tslab kernels, Chromium, buildah, overlay mounts), so two
    // files at a time pays off even on a 2-core CI machine (vitest's default there would be one).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
