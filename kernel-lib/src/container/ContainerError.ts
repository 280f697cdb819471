/**
 * Errors of container operations, with the daemon's own texts (moby daemon/delete.go, start.go,
 * stop.go, pause.go, unpause.go, exec.go, names.go; the API's "No such container") so that a
 * notebook shows what `docker` prints after "Error response from daemon: " — the engine's other
 * errors follow the same convention (engine/engineErrors.ts). `cliText` adds that prefix.
 */
import { LayerlabError } from '../errors/LayerlabError';

/** The prefix the docker CLI puts before every daemon error. */
export const DAEMON_ERROR_PREFIX = 'Error response from daemon: ';

/** Base of the container errors: `cliText` is the line the docker CLI would print. */
export class ContainerError extends LayerlabError {
  get cliText(): string {
    return `${DAEMON_ERROR_PREFIX}${this.message}`;
  }
}

/** `docker rm nope`, `docker exec nope …`: "No such container: nope". */
export class NoSuchContainerError extends ContainerError {
  constructor(reference: string) {
    super('NoSuchContainer', `No such container: ${reference}`, {
      data: { reference },
      hint: `"${reference}" 컨테이너가 없습니다. engine.ps({ all: true })로 이름과 ID를 확인하세요 (지운 컨테이너는 되살릴 수 없습니다).`,
    });
  }
}

/** `docker create --name web …` when "web" is taken (moby daemon/names.go reserveName). */
export class ContainerNameConflictError extends ContainerError {
  constructor(name: string, holderId: string) {
    super(
      'ContainerNameConflict',
      `Conflict. The container name "/${name}" is already in use by container "${holderId}". You have to remove (or rename) that container to be able to reuse that name.`,
      {
        data: { name, holderId },
        hint: `이름 "${name}"은(는) 이미 다른 컨테이너가 쓰고 있습니다. 그 컨테이너를 지우거나(engine.rm) 다른 이름을 주세요.`,
      },
    );
  }
}

/** A name docker refuses (moby `validContainerNamePattern`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`). */
export class InvalidContainerNameError extends ContainerError {
  constructor(name: string) {
    super('InvalidContainerName', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, {
      data: { name },
      hint: '컨테이너 이름은 영문자/숫자로 시작하고 영문자, 숫자, _ . - 만 쓸 수 있습니다 (두 글자 이상).',
    });
  }
}

/**
 * A lifecycle move the container's state does not allow (see lifecycle.ts): the message is the
 * daemon's for that move, `data` names the state, the action and the fix.
 */
export class ContainerStateError extends ContainerError {
  readonly state: string;
  readonly action: string;

  constructor(code: string, message: string, data: { state: string; action: string; containerId: string; fix: string }, hint: string) {
    super(code, message, { data, hint });
    this.state = data.state;
    this.action = data.action;
  }
}
