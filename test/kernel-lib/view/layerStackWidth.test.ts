/**
 * A single-image stack with a container is narrower than its legend (three items) or a long title:
 * the picture widens to hold them instead of cutting them off at the right edge.
 */
import { describe, expect, test } from 'vitest';
import { layerStack } from '../../../kernel-lib/src/view/diagram/layerStack';
import { textWidth } from '../../../kernel-lib/src/view/svg/svgText';
import { threeImages } from './samples';

const svgWidth = (svg: string): number => Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);

describe('layer stack width', () => {
  const alpine = threeImages[2]!;
  const container = { name: 'notes', image: 'alpine:3.18', changes: [{ kind: 'A' as const, path: '/notes' }], size: 12 };

  test('one column with a container: the legend row fits', () => {
    const fig = layerStack(alpine, { containers: [container] });
    // legend: 28 + (44 + 14×15) + (44 + 16×15) + (44 + 11×15) = 775, plus the right margin 28
    expect(svgWidth(fig.svg)).toBe(803);
    expect(fig.width).toBe(803);
  });

  test('a long title widens the picture to the title', () => {
    const title = 'notes 컨테이너 = 이미지 레이어 + 쓰기 가능한 레이어 (alpine:3.18 위)';
    const fig = layerStack(alpine, { containers: [container], title });
    expect(svgWidth(fig.svg)).toBe(Math.ceil(56 + textWidth(title, 26)));
    expect(svgWidth(fig.svg)).toBeGreaterThan(803);
  });

  test('three columns keep their width (the columns are wider than the legend)', () => {
    expect(svgWidth(layerStack(threeImages).svg)).toBe(28 * 2 + 3 * 360 + 2 * 56 + 150);
  });
});
