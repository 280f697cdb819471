import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Engine } from '../../../kernel-lib/src/engine/Engine';
import { appendImageLayer, scratchImage, setImageRunConfig, type Image } from '../../../kernel-lib/src/image';
import { layerFromEntries } from '../../../kernel-lib/src/layer';

function baseImage(): Image {
  const layer = layerFromEntries([
    { kind: 'dir', path: 'bin' },
    { kind: 'dir', path: 'etc' },
    { kind: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n' },
    { kind: 'dir', path: 'root', mode: 0o700 },
    { kind: 'dir', path: 'tmp', mode: 0o1777 },
  ]);
  return setImageRunConfig(appendImageLayer(scratchImage(), layer, { createdBy: 'ADD rootfs /', created: 0 }), {
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  });
}

const course = (name: string): string => readFileSync(join(__dirname, '../../fixtures/dockerfiles/course', name), 'utf8');

describe('seed 002 practice 2: four `sleep 2` steps', () => {
  const engine = new Engine();
  engine.addImage(baseImage(), { tags: ['alpine:3.18'] });

  test('v1 takes ~8 s, v2 ~0 s (all CACHED), v3 after editing step 2 ~6 s', () => {
    const v1 = engine.build({ dockerfile: course('05-cache-test-v1.Dockerfile'), tag: 'cache-test:v1' });
    expect(v1.steps.map((s) => s.cached)).toEqual([false, false, false, false]);
    expect(v1.steps.map((s) => s.seconds)).toEqual([2.1, 2.1, 2.1, 2.1]);
    expect(v1.seconds).toBeGreaterThanOrEqual(8);
    expect(v1.seconds).toBeLessThan(8.6);
    expect(v1.log).toContain('#5 [2/5] RUN echo "Step 1" && sleep 2\n#5 0.100 Step 1\n#5 DONE 2.1s');

    const v2 = engine.build({ dockerfile: course('05-cache-test-v1.Dockerfile'), tag: 'cache-test:v2' });
    expect(v2.steps.map((s) => s.cached)).toEqual([true, true, true, true]);
    expect(v2.seconds).toBeLessThan(0.1);
    expect(v2.log).toContain('#5 [2/5] RUN echo "Step 1" && sleep 2\n#5 CACHED');
    expect(v2.id).toBe(v1.id);

    const v3 = engine.build({ dockerfile: course('05-cache-test-v3.Dockerfile'), tag: 'cache-test:v3' });
    expect(v3.steps.map((s) => s.cached)).toEqual([true, false, false, false]);
    expect(v3.seconds).toBeGreaterThanOrEqual(6);
    expect(v3.seconds).toBeLessThan(6.5);
  });
});

describe('RUN', () => {
  test('the layer is what the step changed; history has the shell form', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['alpine:3.18'] });
    const result = engine.build({ dockerfile: course('03-layer-test.Dockerfile'), context: { 'app.js': 'console.log(1)\n' } });
    expect(result.steps[0]?.layer?.entries.map((e) => [e.path, e.kind, e.content.size])).toEqual([['file1.txt', 'file', 8]]);
    expect(result.image.history[1]?.created_by).toBe('RUN /bin/sh -c echo "Layer 1" > /file1.txt # buildkit');
  });

  test('a failing command fails the build with BuildKit\'s message and an excerpt of the Dockerfile', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['alpine:3.18'] });
    expect(() => engine.build({ dockerfile: 'FROM alpine:3.18\nRUN exit 3\n' })).toThrow(
      'Dockerfile:2: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    );
  });

  test('a secret mount is readable during the step and nowhere in the image; its value is not in the key', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['alpine:3.18'] });
    const dockerfile = 'FROM alpine:3.18\nRUN --mount=type=secret,id=mysecret cat /run/secrets/mysecret > /copy-length && wc -c < /run/secrets/mysecret\n';
    const first = engine.build({ dockerfile, secrets: { mysecret: 'hunter2' } });
    expect(first.steps[0]?.output).toContain('7');
    expect(first.steps[0]?.layer?.entries.map((e) => e.path)).toEqual(['copy-length']);
    expect(first.steps[0]?.layer?.entries[0]?.content.text()).toBe('hunter2');
    const second = engine.build({ dockerfile, secrets: { mysecret: 'other' } });
    expect(second.steps[0]?.cached).toBe(true);
  });

  test('an ARG with a value changes the next RUN\'s key even when unreferenced', () => {
    const engine = new Engine();
    engine.addImage(baseImage(), { tags: ['alpine:3.18'] });
    const dockerfile = 'FROM alpine:3.18\nARG CACHEBUST=1\nRUN echo hi\n';
    engine.build({ dockerfile });
    expect(engine.build({ dockerfile }).steps.find((s) => s.kind === 'RUN')?.cached).toBe(true);
    const busted = engine.build({ dockerfile, buildArgs: { CACHEBUST: '2' } });
    expect(busted.steps.find((s) => s.kind === 'RUN')).toMatchObject({ cached: false, createdBy: 'RUN |1 CACHEBUST=2 /bin/sh -c echo hi # buildkit' });
  });
});
