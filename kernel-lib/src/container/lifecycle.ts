/**
 * A container's lifecycle as a state machine (docker's states: created, running, paused,
 * restarting, removing, exited, dead — the model keeps the five a lesson shows, and a container
 * that has been removed). The transition table is data, so a notebook can draw it; `containerTransition`
 * is the one place a move is allowed or refused, with the daemon's message for each refusal
 * (moby daemon/start.go, stop.go, kill.go, pause.go, unpause.go, exec.go, delete.go).
 *
 * Moves docker answers with "nothing to do" (starting a running container, stopping a stopped
 * one — the API's 304 Not Modified) are allowed and leave the state as it is.
 */
import { ContainerStateError } from './ContainerError';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'exited' | 'removed';

export type ContainerAction = 'start' | 'stop' | 'kill' | 'restart' | 'pause' | 'unpause' | 'exec' | 'exit' | 'rm' | 'rm --force';

/** One row of the table: from a state, an action leads to a state, or is refused with an error code. */
export interface ContainerTransition {
  readonly from: ContainerStatus;
  readonly action: ContainerAction;
  /** The state after the move (the same state for docker's "nothing to do" answers). */
  readonly to?: ContainerStatus;
  /** The error code when the move is refused (see `containerTransition`). */
  readonly refused?: string;
}

const LIVE: readonly ContainerStatus[] = ['created', 'running', 'paused', 'exited'];

function row(from: ContainerStatus, action: ContainerAction, to: ContainerStatus | { refused: string }): ContainerTransition {
  return Object.freeze(typeof to === 'string' ? { from, action, to } : { from, action, refused: to.refused });
}

/** Every (state, action) pair with its outcome. `removed` refuses everything: the container is gone. */
export const CONTAINER_LIFECYCLE: readonly ContainerTransition[] = Object.freeze([
  row('created', 'start', 'running'),
  row('running', 'start', 'running'),
  row('paused', 'start', { refused: 'ContainerPaused' }),
  row('exited', 'start', 'running'),

  row('created', 'stop', 'created'),
  row('running', 'stop', 'exited'),
  row('paused', 'stop', 'exited'),
  row('exited', 'stop', 'exited'),

  row('created', 'kill', { refused: 'ContainerNotRunning' }),
  row('running', 'kill', 'exited'),
  row('paused', 'kill', 'exited'),
  row('exited', 'kill', { refused: 'ContainerNotRunning' }),

  row('created', 'restart', 'running'),
  row('running', 'restart', 'running'),
  row('paused', 'restart', 'running'),
  row('exited', 'restart', 'running'),

  row('created', 'pause', { refused: 'ContainerNotRunning' }),
  row('running', 'pause', 'paused'),
  row('paused', 'pause', { refused: 'ContainerAlreadyPaused' }),
  row('exited', 'pause', { refused: 'ContainerNotRunning' }),

  row('created', 'unpause', { refused: 'ContainerNotPaused' }),
  row('running', 'unpause', { refused: 'ContainerNotPaused' }),
  row('paused', 'unpause', 'running'),
  row('exited', 'unpause', { refused: 'ContainerNotPaused' }),

  row('created', 'exec', { refused: 'ContainerNotRunning' }),
  row('running', 'exec', 'running'),
  row('paused', 'exec', { refused: 'ContainerPaused' }),
  row('exited', 'exec', { refused: 'ContainerNotRunning' }),

  row('running', 'exit', 'exited'),

  row('created', 'rm', 'removed'),
  row('running', 'rm', { refused: 'ContainerRunning' }),
  row('paused', 'rm', { refused: 'ContainerPaused' }),
  row('exited', 'rm', 'removed'),
  ...LIVE.map((s) => row(s, 'rm --force', 'removed')),
]);

/** Who the error is about: docker names a container by full ID in most messages, by "/name" in rm's. */
export interface ContainerIdentity {
  readonly id: string;
  readonly name: string;
}

function refusal(code: string, action: ContainerAction, from: ContainerStatus, c: ContainerIdentity): ContainerStateError {
  const data = (fix: string) => ({ state: from, action, containerId: c.id, fix });
  switch (action) {
    case 'rm':
      return from === 'paused'
        ? new ContainerStateError(code, `cannot remove container "/${c.name}": container is paused and must be unpaused first`, data('unpause it, or rm with { force: true }'),
            '일시정지된 컨테이너는 지울 수 없습니다. engine.unpause() 후 stop/rm 하거나 { force: true }를 쓰세요.')
        : new ContainerStateError(code, `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`, data('engine.stop() it first, or rm with { force: true }'),
            '실행 중인 컨테이너는 지울 수 없습니다. 먼저 engine.stop()으로 멈추거나 { force: true }로 강제 삭제하세요.');
    case 'start':
      return new ContainerStateError(code, 'cannot start a paused container, try unpause instead', data('engine.unpause() it'),
        '일시정지된 컨테이너는 start가 아니라 unpause로 다시 움직입니다.');
    case 'kill':
      return new ContainerStateError(code, `Cannot kill container: ${c.id}: container ${c.id} is not running`, data('start it first'),
        '실행 중이 아닌 컨테이너에는 신호를 보낼 수 없습니다.');
    case 'pause':
      return code === 'ContainerAlreadyPaused'
        ? new ContainerStateError(code, `container ${c.id} is already paused`, data('it is paused already; engine.unpause() resumes it'), '이미 일시정지된 컨테이너입니다.')
        : new ContainerStateError(code, `container ${c.id} is not running`, data('engine.start() it first'), '실행 중인 컨테이너만 일시정지할 수 있습니다. 먼저 engine.start() 하세요.');
    case 'unpause':
      return new ContainerStateError(code, `Container ${c.id} is not paused`, data('only a paused container can be unpaused'), '일시정지 상태가 아닌 컨테이너입니다.');
    case 'exec':
      return code === 'ContainerPaused'
        ? new ContainerStateError(code, `container ${c.id} is paused, unpause the container before exec`, data('engine.unpause() it first'),
            '일시정지된 컨테이너에서는 명령을 실행할 수 없습니다. engine.unpause() 하세요.')
        : new ContainerStateError(code, `container ${c.id} is not running`, data('engine.start() it first'),
            '실행 중인 컨테이너에서만 exec할 수 있습니다. engine.start()로 먼저 시작하세요 (create만 한 컨테이너는 아직 실행 전입니다).');
    default:
      return new ContainerStateError(code, `container ${c.id} cannot ${action} while ${from}`, data('see CONTAINER_LIFECYCLE'), `${from} 상태에서는 ${action} 할 수 없습니다.`);
  }
}

/**
 * The state after `action` from `from`; throws `ContainerStateError` (docker's message) when the
 * table refuses the move.
 */
export function containerTransition(from: ContainerStatus, action: ContainerAction, c: ContainerIdentity): ContainerStatus {
  const t = CONTAINER_LIFECYCLE.find((r) => r.from === from && r.action === action);
  if (t === undefined) {
    throw new ContainerStateError('ContainerInvalidMove', `container ${c.id} cannot ${action} while ${from}`, { state: from, action, containerId: c.id, fix: 'see CONTAINER_LIFECYCLE' },
      `${from} 상태에서는 ${action} 할 수 없습니다.`);
  }
  if (t.refused !== undefined) throw refusal(t.refused, action, from, c);
  return t.to as ContainerStatus;
}
