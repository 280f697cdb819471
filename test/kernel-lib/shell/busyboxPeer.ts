/**
 * Runs a script both in the simulated shell (over a MemoryFs) and in the real busybox sh (Debian's
 * busybox-static) in a temporary directory holding the same files, and reports any difference in
 * stdout, stderr or exit status. Used by busybox.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runShell } from '../../../kernel-lib/src/shell';
import { MemoryFs } from './MemoryFs';

/** The busybox binary, or undefined (the test is then skipped with the reason printed). */
export function findBusybox(): string | undefined {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) if (existsSync(p)) return p;
  return undefined;
}

/** Text files present in the working directory of both shells. */
export const PEER_FILES: Readonly<Record<string, string>> = {
  'f1.txt': 'one\ntwo\nthree\n',
  'f2.txt': 'alpha beta\ngamma\n\ndelta epsilon zeta\n',
  'nums.txt': '10\n9\n100\n-3\n7\n7\n',
  'csv.txt': 'name:age:city\nkim:30:seoul\nlee:25:busan\npark:41:incheon\n',
  'noeol.txt': 'no newline at end',
  'sub/inner.txt': 'inside\n',
};

export interface PeerOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const ENV = { PATH: '/usr/bin:/bin', HOME: '/root', LC_ALL: 'C' };

export function runBusybox(busybox: string, script: string): PeerOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-sh-'));
  try {
    for (const [name, text] of Object.entries(PEER_FILES)) {
      const path = join(dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    const r = spawnSync(busybox, ['sh', '-c', script], { cwd: dir, env: ENV, encoding: 'utf8', timeout: 10_000 });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runModel(script: string): PeerOutcome {
  const fs = new MemoryFs();
  fs.mkdir('/work');
  fs.mkdir('/root');
  for (const [name, text] of Object.entries(PEER_FILES)) {
    const path = `/work/${name}`;
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true });
    fs.writeFile(path, text);
  }
  const r = runShell(fs, script, { env: ENV, cwd: '/work', hintsOnStderr: false });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** A readable report of the first difference, or undefined when both agree. */
export function compareWithBusybox(busybox: string, script: string): string | undefined {
  const real = runBusybox(busybox, script);
  const model = runModel(script);
  const diffs: string[] = [];
  if (real.exitCode !== model.exitCode) diffs.push(`exit: busybox ${real.exitCode}, model ${model.exitCode}`);
  if (real.stdout !== model.stdout) diffs.push(`stdout:\n  busybox ${JSON.stringify(real.stdout)}\n  model   ${JSON.stringify(model.stdout)}`);
  if (real.stderr !== model.stderr) diffs.push(`stderr:\n  busybox ${JSON.stringify(real.stderr)}\n  model   ${JSON.stringify(model.stderr)}`);
  return diffs.length === 0 ? undefined : `script: ${JSON.stringify(script)}\n${diffs.join('\n')}`;
}
