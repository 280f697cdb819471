import { describe, expect, test } from 'vitest';
import { formatPs, type ContainerListItem } from '../../../../kernel-lib/src/view/cli/psText';
import { dockerPs } from '../../../../kernel-lib/src/view/model/dockerCommands';
import { Engine } from '../../../../kernel-lib/src/engine';

const rows: ContainerListItem[] = [
  { containerId: 'f1b9453ae256', image: 'nginx:alpine', command: '"/docker-entrypoint.…"', created: '2 minutes ago', status: 'Up 2 minutes', ports: '80/tcp', names: 'web-3' },
  { containerId: '0cf9fae4b6ba', image: 'alpine:3.18', command: '"/bin/sh"', created: '5 minutes ago', status: 'Exited (0) 4 minutes ago', ports: '', names: 'notes' },
  { containerId: 'e2d6ddac4d40', image: 'alpine:3.18', command: '"/bin/sh"', created: '6 minutes ago', status: 'Created', ports: '', names: 'spare' },
];

describe('docker ps', () => {
  test('no containers: the header alone, as docker/cli prints it (tabwriter minwidth 10, padding 3)', () => {
    expect(formatPs([])).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });
  test('the exact lines of the default table', () => {
    expect(formatPs(rows).split('\n')).toEqual([
      'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                     PORTS     NAMES',
      'f1b9453ae256   nginx:alpine   "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes               80/tcp    web-3',
      '0cf9fae4b6ba   alpine:3.18    "/bin/sh"                5 minutes ago   Exited (0) 4 minutes ago             notes',
      'e2d6ddac4d40   alpine:3.18    "/bin/sh"                6 minutes ago   Created                              spare',
      '',
    ]);
  });
  test('-q and --format', () => {
    expect(formatPs(rows, { quiet: true })).toBe('f1b9453ae256\n0cf9fae4b6ba\ne2d6ddac4d40\n');
    expect(formatPs(rows, { format: 'table {{.Names}}\t{{.Status}}' })).toBe('NAMES     STATUS\nweb-3     Up 2 minutes\nnotes     Exited (0) 4 minutes ago\nspare     Created\n');
  });
  test('dockerPs over an engine: running only by default, every container with all', () => {
    const engine = new Engine();
    engine.run('alpine:3.18', { name: 'up' });
    const stopped = engine.run('alpine:3.18', { name: 'down' });
    engine.stop(stopped);
    const running = dockerPs(engine);
    expect(running.command).toBe('docker ps');
    expect(running.rows.map((r) => r[6])).toEqual(['up']);
    const all = dockerPs(engine, { all: true });
    expect(all.command).toBe('docker ps -a');
    expect(all.rows.map((r) => r[6])).toEqual(['down', 'up']);
    expect(all.rows[0]![4]).toMatch(/^Exited \(0\) .+ ago$/);
    expect(all.rows[1]![4]).toMatch(/^Up /);
  });
});
