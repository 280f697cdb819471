import { describe, expect, it } from 'vitest';
import { CONTAINER_LIFECYCLE, ContainerStateError, NoSuchContainerError } from '../../../kernel-lib/src/container';
import { engineWithApp, thrown } from './containerFixture';

describe('the lifecycle table', () => {
  it('has one row per (state, action) and the moves docker allows', () => {
    const keys = CONTAINER_LIFECYCLE.map((t) => `${t.from} ${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    const text = CONTAINER_LIFECYCLE.map((t) => `${t.from.padEnd(8)} ${t.action.padEnd(11)} → ${t.to ?? `refused (${t.refused})`}`).join('\n');
    expect(text).toMatchInlineSnapshot(`
      "created  start       → running
      running  start       → running
      paused   start       → refused (ContainerPaused)
      exited   start       → running
      created  stop        → created
      running  stop        → exited
      paused   stop        → exited
      exited   stop        → exited
      created  kill        → refused (ContainerNotRunning)
      running  kill        → exited
      paused   kill        → exited
      exited   kill        → refused (ContainerNotRunning)
      created  restart     → running
      running  restart     → running
      paused   restart     → running
      exited   restart     → running
      created  pause       → refused (ContainerNotRunning)
      running  pause       → paused
      paused   pause       → refused (ContainerAlreadyPaused)
      exited   pause       → refused (ContainerNotRunning)
      created  unpause     → refused (ContainerNotPaused)
      running  unpause     → refused (ContainerNotPaused)
      paused   unpause     → running
      exited   unpause     → refused (ContainerNotPaused)
      created  exec        → refused (ContainerNotRunning)
      running  exec        → running
      paused   exec        → refused (ContainerPaused)
      exited   exec        → refused (ContainerNotRunning)
      running  exit        → exited
      created  rm          → removed
      running  rm          → refused (ContainerRunning)
      paused   rm          → refused (ContainerPaused)
      exited   rm          → removed
      created  rm --force  → removed
      running  rm --force  → removed
      paused   rm --force  → removed
      exited   rm --force  → removed"
    `);
  });
});

describe('moves on a real container', () => {
  it('walks created → running → paused → running → exited → removed', () => {
    const engine = engineWithApp();
    const c = engine.create('app:1', { name: 'web' });
    const seen = [c.status];
    engine.start(c);
    seen.push(c.status);
    engine.pause('web');
    seen.push(c.status);
    engine.unpause(c.id);
    seen.push(c.status);
    engine.stop(c.shortId);
    seen.push(c.status);
    engine.rm(c);
    seen.push(c.status);
    expect(seen).toEqual(['created', 'running', 'paused', 'running', 'exited', 'removed']);
    expect(engine.state.containers.size).toBe(0);
  });

  it('refuses illegal moves with the daemon’s messages and a Korean hint', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1', { name: 'web' });
    const id = c.id;
    const lines: string[] = [];
    lines.push(thrown(() => engine.rm(c)));
    lines.push(thrown(() => engine.unpause(c)));
    engine.pause(c);
    lines.push(thrown(() => engine.rm('web')));
    lines.push(thrown(() => engine.start(c)));
    lines.push(thrown(() => engine.pause(c)));
    lines.push(thrown(() => c.exec('true')));
    engine.stop(c);
    lines.push(thrown(() => c.exec('true')));
    lines.push(thrown(() => engine.pause(c)));
    lines.push(thrown(() => engine.kill(c)));
    engine.rm(c);
    lines.push(thrown(() => engine.rm('web')));
    lines.push(thrown(() => c.exec('true')));
    expect(lines.join('\n').replaceAll(id, '<id>')).toMatchInlineSnapshot(`
      "ContainerRunning: cannot remove container "/web": container is running: stop the container before removing or force remove
      ContainerNotPaused: Container <id> is not paused
      ContainerPaused: cannot remove container "/web": container is paused and must be unpaused first
      ContainerPaused: cannot start a paused container, try unpause instead
      ContainerAlreadyPaused: container <id> is already paused
      ContainerPaused: container <id> is paused, unpause the container before exec
      ContainerNotRunning: container <id> is not running
      ContainerNotRunning: container <id> is not running
      ContainerNotRunning: Cannot kill container: <id>: container <id> is not running
      NoSuchContainer: No such container: web
      NoSuchContainer: No such container: web"
    `);
    try {
      engine.rm('nope');
    } catch (e) {
      expect(e).toBeInstanceOf(NoSuchContainerError);
      expect((e as NoSuchContainerError).cliText).toBe('Error response from daemon: No such container: nope');
      expect((e as NoSuchContainerError).hint).toMatch(/컨테이너가 없습니다/);
    }
  });

  it('answers docker’s no-op moves (start a running one, stop a stopped one) without changing anything', () => {
    const engine = engineWithApp();
    const c = engine.run('app:1');
    const started = c.startedAtMs;
    engine.clock.advance(5000);
    engine.start(c);
    expect([c.status, c.startedAtMs]).toEqual(['running', started]);
    engine.stop(c);
    const finished = c.finishedAtMs;
    engine.clock.advance(5000);
    engine.stop(c);
    expect([c.status, c.finishedAtMs]).toEqual(['exited', finished]);
  });

  it('rm --force removes a running or paused container; kill exits 137', () => {
    const engine = engineWithApp();
    const a = engine.run('app:1');
    const b = engine.run('app:1');
    engine.pause(b);
    engine.rm(a, { force: true });
    engine.rm(b, { force: true });
    expect(engine.ps({ all: true })).toEqual([]);
    const k = engine.run('app:1');
    engine.kill(k);
    expect([k.status, k.exitCode, k.statusText()]).toEqual(['exited', 137, 'Exited (137) Less than a second ago']);
  });

  it('errors are ContainerStateError with the state and action in data', () => {
    const engine = engineWithApp();
    const c = engine.create('app:1');
    try {
      c.exec('true');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContainerStateError);
      const err = e as ContainerStateError;
      expect([err.code, err.state, err.action]).toEqual(['ContainerNotRunning', 'created', 'exec']);
      expect(err.hint).toMatch(/engine.start/);
    }
  });
});
