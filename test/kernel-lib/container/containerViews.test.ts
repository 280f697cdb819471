/** Integration: the view module's docker views and layer-stack figure take the engine's containers as they are. */
import { describe, expect, it } from 'vitest';
import { dockerDiff, dockerPs, layerStack } from 'kernel-lib';
import { engineWithApp } from './containerFixture';

describe('containers in the views', () => {
  it('dockerDiff prints docker diff; dockerPs prints docker ps', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { name: 'web' });
    c.exec('echo hi > /app/hello.txt; rm /etc/os-release');
    expect(String(dockerDiff(engine, c))).toBe('C /app\nA /app/hello.txt\nC /etc\nD /etc/os-release');
    const ps = String(dockerPs(engine));
    expect(ps.split('\n')[0]).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES$/);
    expect(ps.split('\n')[1]).toBe(`${c.shortId}   app:1     "node server.js"   Less than a second ago   Up Less than a second             web`);
  });

  it('layerStack draws a container’s writable layer over its image', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { name: 'web' });
    c.exec('echo hi > /app/hello.txt');
    const figure = layerStack(engine, ['app:1'], { containers: [c] });
    expect(figure.text).toContain('web');
    expect(figure.text).toMatch(/hello\.txt/);
  });
});
