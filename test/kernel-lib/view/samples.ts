import type { StackImageInput } from '../../../kernel-lib/src/view/diagram/stackInput';
import type { BuildStepInput, StageInput } from '../../../kernel-lib/src/view/diagram/buildInput';

/** Seed-like inputs shared by the golden, semantic and browser tests of the figures. */
export const d = (c: string): string => 'sha256:' + c.repeat(64);

const debianBase = [
  { diffId: d('1'), size: 116_500_000, createdBy: '/bin/sh -c #(nop) ADD file:a1b2c3 in / ' },
  { diffId: d('0'), size: 0, createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', emptyLayer: true },
  { diffId: d('2'), size: 17_600_000, createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit' },
];

export const threeImages: StackImageInput[] = [
  { name: 'node:18', layers: [...debianBase, { diffId: d('3'), size: 168_000_000, createdBy: 'RUN /bin/sh -c set -ex && install node # buildkit' }, { diffId: d('4'), size: 3_400, createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit' }] },
  { name: 'python:3.11', layers: [...debianBase, { diffId: d('5'), size: 52_000_000, createdBy: 'RUN /bin/sh -c pip install 한국어 # buildkit' }] },
  { name: 'alpine:3.18', layers: [{ diffId: d('6'), size: 7_040_000, createdBy: 'ADD alpine-minirootfs.tar.gz / # buildkit' }] },
];

export const practice2Rebuild: BuildStepInput[] = [
  { instruction: 'RUN echo "Step 1" && sleep 2', line: 2, cached: true, seconds: 0 },
  { instruction: 'RUN echo "Step 2 MODIFIED" && sleep 2', line: 3, cached: false, seconds: 2 },
  { instruction: 'RUN echo "Step 3" && sleep 2', line: 4, cached: false, seconds: 2 },
  { instruction: 'RUN echo "Step 4" && sleep 2', line: 5, cached: false, seconds: 2 },
];

export const parallelStages: StageInput[] = [
  { name: 'base', seconds: 3, dependsOn: ['alpine'] },
  { name: 'stage1', seconds: 4, dependsOn: ['base'] },
  { name: 'stage2', seconds: 6, dependsOn: ['base'] },
  { name: 'final', seconds: 0.5, dependsOn: ['base', 'stage1', 'stage2'] },
];

export const parallelSteps: BuildStepInput[] = [
  { instruction: 'RUN apk add --no-cache curl', line: 2, cached: false, seconds: 3, stage: 'base' },
  { instruction: 'RUN curl -O https://example.com/file1', line: 5, cached: false, seconds: 4, stage: 'stage1', start: 3 },
  { instruction: 'RUN curl -O https://example.com/file2', line: 8, cached: false, seconds: 6, stage: 'stage2', start: 3 },
  { instruction: 'COPY --from=stage1 /file1 .', line: 11, cached: false, seconds: 0.25, stage: 'final', start: 9 },
  { instruction: 'COPY --from=stage2 /file2 .', line: 12, cached: false, seconds: 0.25, stage: 'final' },
];
