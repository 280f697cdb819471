/**
 * Which Jupyter frontend is installed. JupyterLab is preferred; the classic Notebook (Debian's
 * `jupyter-notebook` package, Notebook 6) is the fallback. Each candidate is probed with
 * `--version`, which fails fast when the command or its Python package is missing.
 * `jupyter-lab` is probed too: `uv tool install jupyterlab` exposes only that executable.
 */
import { spawnSync } from 'node:child_process';

export type Frontend = 'lab' | 'notebook';

export interface JupyterCommand {
  frontend: Frontend;
  command: string;
  args: string[];
  version: string;
}

const CANDIDATES: readonly { frontend: Frontend; command: string; args: string[] }[] = [
  { frontend: 'lab', command: 'jupyter', args: ['lab'] },
  { frontend: 'lab', command: 'jupyter-lab', args: [] },
  { frontend: 'notebook', command: 'jupyter', args: ['notebook'] },
  { frontend: 'notebook', command: 'jupyter-notebook', args: [] },
];

export function findJupyter(only?: Frontend, env: NodeJS.ProcessEnv = process.env): JupyterCommand | null {
  for (const candidate of CANDIDATES) {
    if (only && candidate.frontend !== only) continue;
    const probe = spawnSync(candidate.command, [...candidate.args, '--version'], { env, encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) {
      const version = probe.stdout.trim().split('\n').pop() ?? '';
      return { ...candidate, version };
    }
  }
  return null;
}

export const INSTALL_HELP = `Jupyter is not installed. Install JupyterLab with one of:

    pip install jupyterlab
    uv tool install jupyterlab
    conda install -c conda-forge jupyterlab

or, on Debian/Ubuntu, the classic Notebook from the distribution:

    sudo apt-get install jupyter-notebook

then run \`npm start\` again.`;
