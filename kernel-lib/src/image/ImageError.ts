import { LayerlabError } from '../errors/LayerlabError';

/**
 * An image value that breaks a rule of the image spec (a diff_id without its layer, a layer the
 * config does not list, a malformed config document).
 */
export class InvalidImageError extends LayerlabError {
  constructor(problem: string, data: Record<string, unknown> = {}) {
    super('InvalidImage', `invalid image: ${problem}`, {
      data: { problem, ...data },
      hint: '이미지 설정(config)의 rootfs.diff_ids와 실제 레이어 목록이 서로 맞아야 합니다.',
    });
  }
}
