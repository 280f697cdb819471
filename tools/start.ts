/**
 * `npm start` — opens the course. Checks the Node version, registers the tslab kernel in the
 * project-local Jupyter data dir (.jupyter-data/, never the user's own), then runs JupyterLab, or
 * the classic Notebook when JupyterLab is missing, on notebooks/index.ipynb. Without either it
 * prints the install commands and exits 1.
 *
 * Options passed to Jupyter: --no-browser, --port N, --ip ADDR, --token TOKEN (written as the
 * frontend's own option), and anything else verbatim. --frontend lab|notebook picks one.
 * As root (containers, CI) Jupyter refuses to start without --allow-root, so it is added.
 */
import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { NOTEBOOKS_DIR, PROJECT_ROOT } from './paths';
import { findJupyter, INSTALL_HELP, type Frontend } from './start/findJupyter';
import { jupyterEnv, writeKernelSpec } from './start/kernelspec';
import { nodeVersionProblem } from './start/nodeVersion';

interface StartOptions {
  frontend?: Frontend;
  token?: string;
  passthrough: string[];
}

function parseArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { passthrough: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--frontend') {
      const frontend = value();
      if (frontend !== 'lab' && frontend !== 'notebook') fail('--frontend is "lab" or "notebook"');
      options.frontend = frontend;
    } else if (arg === '--token') options.token = value();
    else if (arg === '--port' || arg === '--ip') options.passthrough.push(`${arg}=${value()}`);
    else options.passthrough.push(arg);
  }
  return options;
}

function fail(message: string, code = 2): never {
  console.error(`npm start: ${message}`);
  process.exit(code);
}

function main(): void {
  const problem = nodeVersionProblem();
  if (problem) fail(problem, 1);
  const options = parseArgs(process.argv.slice(2));

  const spec = writeKernelSpec();
  const env = jupyterEnv();
  const jupyter = findJupyter(options.frontend, env);
  if (!jupyter) {
    console.error(INSTALL_HELP);
    process.exit(1);
  }

  const args = [...jupyter.args, relative(PROJECT_ROOT, `${NOTEBOOKS_DIR}/index.ipynb`), ...options.passthrough];
  if (options.token !== undefined) {
    // Notebook 6 is a NotebookApp; JupyterLab runs on jupyter_server's ServerApp.
    args.push(`--${jupyter.frontend === 'lab' ? 'ServerApp' : 'NotebookApp'}.token=${options.token}`);
  }
  if (process.getuid?.() === 0 && !args.includes('--allow-root')) args.push('--allow-root');

  console.log(`tslab kernelspec: ${relative(PROJECT_ROOT, spec)} (JUPYTER_PATH=${env.JUPYTER_PATH})`);
  console.log(`starting ${jupyter.frontend === 'lab' ? 'JupyterLab' : 'Jupyter Notebook'} ${jupyter.version}: ${jupyter.command} ${args.join(' ')}`);
  const child = spawn(jupyter.command, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
  // Ctrl-C reaches Jupyter directly (same process group) and Jupyter decides; SIGTERM is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
}

main();
