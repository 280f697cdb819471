/**
 * `engine.systemDf()` carries the containers and volumes of `GET /system/df`, so `docker system df`
 * counts the writable layers (SizeRw) and the named volumes, as the docker CLI does.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine';
import { formatSystemDf } from '../../../kernel-lib/src/view/cli/systemDfText';

describe('engine.systemDf: containers and volumes', () => {
  const engine = new Engine();
  const a = engine.run('alpine:3.18', { name: 'alpha', volumes: { '/data': 'shared-data' } });
  const b = engine.run('alpine:3.18', { name: 'bravo', volumes: { '/data': 'shared-data' } });
  engine.run('alpine:3.18', { name: 'charlie' });
  a.exec('sh -c "echo 12345 > /tmp/a.txt && echo volume-bytes > /data/v.txt"'); // 6 B in the layer, 13 B in the volume
  b.exec('sh -c "echo 123456789 > /tmp/b.txt"'); // 10 B
  engine.stop(b);

  it('lists every container with its SizeRw, state and named-volume count, newest first', () => {
    const df = engine.systemDf();
    expect(df.Containers.map((c) => [c.Names[0], c.SizeRw, c.State, c.LocalVolumes, c.Command])).toEqual([
      ['/charlie', 0, 'running', 0, '/bin/sh'],
      ['/bravo', 10, 'exited', 1, '/bin/sh'],
      ['/alpha', 6, 'running', 1, '/bin/sh'],
    ]);
    expect(df.Volumes).toEqual([{ Name: 'shared-data', Links: 2, Size: 13 }]);
    expect(df.summary[1]).toEqual({ type: 'Containers', total: 3, active: 2, size: 16, reclaimable: 10, reclaimablePercent: 62 });
  });

  it('docker system df prints the Containers and Local Volumes rows from them', () => {
    const lines = formatSystemDf(engine.systemDf(), { now: engine.clock.now() }).split('\n');
    expect(lines[2]).toBe('Containers      3         2         16B       10B (62%)');
    expect(lines[3]).toBe('Local Volumes   1         1         13B       0B (0%)');
    const verbose = formatSystemDf(engine.systemDf(), { now: engine.clock.now(), verbose: true });
    expect(verbose).toMatch(/[0-9a-f]{12}\s+alpine:3\.18\s+"\/bin\/sh"\s+1\s+6B\s+.+\s+Up .+\s+alpha\n/);
    expect(verbose).toMatch(/shared-data\s+2\s+13B\n/);
  });
});
