/**
 * A project-local kernelspec, so that Jupyter finds the tslab kernel without anything being written
 * to the user's own Jupyter directories (no `tslab install`, which writes to ~/.local or the system
 * prefix). Jupyter searches `$JUPYTER_PATH/kernels/<name>/kernel.json` before the user and system
 * data dirs (jupyter_core.paths.jupyter_path), so this spec also wins over an older global `tslab` spec.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TSLAB_ARGV } from '../jupyter/KernelClient';
import { PROJECT_ROOT } from '../paths';

export const JUPYTER_DATA_DIR = join(PROJECT_ROOT, '.jupyter-data');

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: 'signal';
}

/** The spec `tslab install` writes, with absolute paths: this Node, the project's tslab bin. */
export function tslabKernelSpec(): KernelSpec {
  // interrupt_mode is spelled out: tslab understands SIGINT only, never interrupt_request (§1.11).
  return { argv: [...TSLAB_ARGV], display_name: 'TypeScript', language: 'typescript', interrupt_mode: 'signal' };
}

/** Writes `<dataDir>/kernels/tslab/kernel.json` and returns its path. */
export function writeKernelSpec(dataDir: string = JUPYTER_DATA_DIR): string {
  const dir = join(dataDir, 'kernels', 'tslab');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kernel.json');
  writeFileSync(file, JSON.stringify(tslabKernelSpec(), null, 1) + '\n');
  return file;
}

/** The environment Jupyter runs in: our data dir first on JUPYTER_PATH. */
export function jupyterEnv(dataDir: string = JUPYTER_DATA_DIR, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = [dataDir, env.JUPYTER_PATH].filter(Boolean).join(':');
  return { ...env, JUPYTER_PATH: path };
}
