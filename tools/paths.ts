import { join, resolve } from 'node:path';

/** The repository root (this file lives in `<root>/tools`). */
export const PROJECT_ROOT = resolve(__dirname, '..');
export const NOTEBOOKS_DIR = join(PROJECT_ROOT, 'notebooks');
/** The project-local tslab: tslab hands off to the nearest local copy anyway (JUPYTER-FACTS §1.2). */
export const TSLAB_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'tslab');
