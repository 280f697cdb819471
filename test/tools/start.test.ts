/**
 * `npm start` for real: tools/start.ts launches Debian's classic Jupyter Notebook headless on a free
 * loopback port; the test then talks to the server's REST API and kernel websocket, the way a
 * browser would: the project-local tslab kernelspec is listed, a kernel starts, and `1 + 1` comes
 * back as "2". Also: the Node version gate, and the install help when no Jupyter is on PATH.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../tools/jupyter/connection';
import { PROJECT_ROOT, TSLAB_BIN } from '../../tools/paths';
import { findJupyter } from '../../tools/start/findJupyter';
import { JUPYTER_DATA_DIR } from '../../tools/start/kernelspec';
import { nodeVersionProblem } from '../../tools/start/nodeVersion';

const TSX = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');
const START = join(PROJECT_ROOT, 'tools/start.ts');

describe('Node version gate', () => {
  it('accepts Node with require(esm) unflagged, refuses older lines with the reason', () => {
    for (const ok of ['20.19.0', '20.20.2', '22.12.0', '23.0.0', '24.4.1']) expect(nodeVersionProblem(ok, true)).toBeNull();
    for (const old of ['18.20.4', '20.18.3', '21.7.3', '22.11.0']) {
      expect(nodeVersionProblem(old, undefined)).toBe(
        `Node ${old} is too old for this course: it needs Node 20.19 (or 22.12+), where require(esm) works ` +
          '(tslab loads every import with require(), and the plotting libraries are ES modules). ' +
          'Install a current Node LTS (https://nodejs.org, or `nvm install --lts`) and run `npm start` again.',
      );
    }
    expect(nodeVersionProblem('20.20.2', false)).toMatch(/require\(esm\) is switched off/);
  });
});

describe('npm start without Jupyter', () => {
  it('prints the install commands and exits 1', () => {
    // A PATH holding nothing but node: no jupyter, no jupyter-lab, no jupyter-notebook.
    const bin = mkdtempSync(join(tmpdir(), 'layerlab-nojupyter-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    try {
      const result = spawnSync(process.execPath, [TSX, START], { env: { ...process.env, PATH: bin }, encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('pip install jupyterlab');
      expect(result.stderr).toContain('uv tool install jupyterlab');
      expect(result.stderr).toContain('conda install -c conda-forge jupyterlab');
      expect(result.stderr).toContain('sudo apt-get install jupyter-notebook');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('npm start with the classic Notebook', () => {
  let server: ChildProcess | undefined;
  let base = '';
  const token = randomBytes(16).toString('hex');
  const jupyterHome = mkdtempSync(join(tmpdir(), 'layerlab-jupyter-home-'));
  let log = '';

  const api = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { Authorization: `token ${token}`, ...init.headers } });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    expect(findJupyter('notebook'), 'Debian\'s jupyter-notebook must be installed: apt-get install -y jupyter-notebook').not.toBeNull();
    const [port] = await freePorts(1);
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [TSX, START, '--frontend', 'notebook', '--no-browser', '--port', String(port), '--ip', '127.0.0.1', '--token', token], {
      cwd: PROJECT_ROOT,
      // Keep Jupyter's runtime and config files out of the user's home; nothing else is isolated.
      env: { ...process.env, JUPYTER_RUNTIME_DIR: join(jupyterHome, 'runtime'), JUPYTER_CONFIG_DIR: join(jupyterHome, 'config') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so that afterAll can stop Jupyter and its kernels together
    });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await api('/api/status')).status === 200) break;
      } catch {
        // not listening yet
      }
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`Jupyter did not come up:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 120_000);

  afterAll(async () => {
    const group = server?.pid;
    if (group !== undefined && server?.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(-group, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-group, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(jupyterHome, { recursive: true, force: true });
  }, 60_000);

  it('registers tslab from the project-local data dir, with absolute paths', async () => {
    const { status, body } = await api('/api/kernelspecs');
    expect(status).toBe(200);
    const tslab = body.kernelspecs.tslab;
    expect(tslab.spec).toMatchObject({ argv: [process.execPath, TSLAB_BIN, 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript', language: 'typescript' });
    expect(JSON.parse(readFileSync(join(JUPYTER_DATA_DIR, 'kernels/tslab/kernel.json'), 'utf8')).argv).toEqual(tslab.spec.argv);
    expect(log).toContain('Jupyter Notebook');
    expect(log).toContain(`JUPYTER_PATH=${JUPYTER_DATA_DIR}`);
  });

  it('starts a tslab kernel that evaluates 1 + 1 over the websocket', { timeout: 120_000 }, async () => {
    const created = await api('/api/kernels', { method: 'POST', body: JSON.stringify({ name: 'tslab' }), headers: { 'Content-Type': 'application/json' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    try {
      const ws = `${base.replace('http', 'ws')}/api/kernels/${id}/channels?token=${token}`;
      const output = execFileSync(process.execPath, ['--experimental-websocket', join(__dirname, 'wsExecute.mjs'), ws, '1 + 1'], {
        encoding: 'utf8',
        timeout: 100_000,
        stdio: ['ignore', 'pipe', 'ignore'], // Node prints an ExperimentalWarning on stderr
      });
      const result = JSON.parse(output) as { reply: { status: string; execution_count: number }; streams: { name: string; text: string }[] };
      expect(result.reply).toMatchObject({ status: 'ok', execution_count: 1 });
      expect(result.streams).toEqual([{ name: 'stdout', text: '2\n' }]);
      const kernel = await api(`/api/kernels/${id}`);
      expect(kernel.body).toMatchObject({ id, name: 'tslab', execution_state: 'idle' });
    } finally {
      expect((await fetch(`${base}/api/kernels/${id}`, { method: 'DELETE', headers: { Authorization: `token ${token}` } })).status).toBe(204);
    }
  });
});
