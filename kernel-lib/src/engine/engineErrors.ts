/**
 * Errors the engine's image operations throw, with the daemon's own message texts (moby
 * daemon/images/image_delete.go, image lookup) so a notebook shows what `docker` would print after
 * "Error response from daemon: ".
 */
import { LayerlabError } from '../errors/LayerlabError';

/** `docker rmi nope` / `docker inspect nope`: "No such image: nope:latest". */
export class NoSuchImageError extends LayerlabError {
  constructor(reference: string) {
    super('NoSuchImage', `No such image: ${reference}`, {
      data: { reference },
      hint: `"${reference}" 이미지가 이 엔진에 없습니다. engine.images()로 목록을 확인하거나 먼저 pull/build 하세요.`,
    });
  }
}

/**
 * `docker rmi` refused (moby `imageDeleteConflict` and the repository-reference conflict):
 * the message is the daemon's, e.g.
 * `conflict: unable to delete 0b8d3f1f3f0b (must be forced) - image is being used by stopped container 5c5d1e9a8f3b`.
 */
export class ImageDeleteConflictError extends LayerlabError {
  constructor(message: string, data: { imageId: string; containerId?: string; hard: boolean; reason: string }) {
    super('ImageDeleteConflict', message, {
      data,
      hint: data.hard
        ? '실행 중인 컨테이너(또는 자식 이미지)가 이 이미지를 쓰고 있어 force로도 지울 수 없습니다. 먼저 컨테이너를 멈추고 지우세요.'
        : '컨테이너가 이 이미지를 쓰고 있거나 여러 태그가 가리키고 있습니다. 컨테이너를 먼저 지우거나 { force: true }를 쓰세요.',
    });
  }
}

/** `docker tag img name@sha256:…` (moby daemon/images/image_tag.go): a tag cannot carry a digest. */
export class TagWithDigestError extends LayerlabError {
  constructor(reference: string) {
    super('TagWithDigest', 'refusing to create a tag with a digest reference', {
      data: { reference, fix: 'give a name with a tag (name:tag), without @sha256:…' },
      hint: '다이제스트(@sha256:…)는 내용으로 정해지는 값이라 태그로 붙일 수 없습니다. name:tag 형식을 쓰세요.',
    });
  }
}

/** An engine method whose module is not wired into this build of the library yet. */
export class EngineFeatureUnavailableError extends LayerlabError {
  constructor(method: string, module: string) {
    super('EngineFeatureUnavailable', `engine.${method}() is not available yet: the ${module} module is not wired in`, {
      data: { method, module },
      hint: `engine.${method}()는 아직 연결되지 않았습니다 (${module}).`,
    });
  }
}
