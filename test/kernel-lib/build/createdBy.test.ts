import { describe, expect, test } from 'vitest';
import { buildkitCreatedBy, classicCreatedBy } from '../../../kernel-lib/src/build/createdBy';
import { formatPlainProgress, stepPrefix } from '../../../kernel-lib/src/build/progressLog';
import { goHumanSize, goQuoteRune } from '../../../kernel-lib/src/build/goFormat';

// BuildKit dockerfile2llb/convert.go commitToHistory texts (OCI-FACTS §4.2) and the classic
// builder's (§4.1).
describe('created_by', () => {
  test('BuildKit forms', () => {
    expect(buildkitCreatedBy({ kind: 'RUN', argv: ['/bin/sh', '-c', 'apt-get update'], buildArgs: [] })).toBe('RUN /bin/sh -c apt-get update # buildkit');
    expect(buildkitCreatedBy({ kind: 'RUN', argv: ['/bin/sh', '-c', 'make'], buildArgs: [{ key: 'A', value: '1' }, { key: 'B', value: undefined }] })).toBe(
      'RUN |2 A=1 B= /bin/sh -c make # buildkit',
    );
    expect(buildkitCreatedBy({ kind: 'COPY', parents: false, chown: 'node:node', chmod: '755', sources: ['app.js'], inlineNames: ['EOF'], dest: '/app/' })).toBe(
      'COPY --chown=node:node --chmod=755 app.js <<EOF /app/ # buildkit',
    );
    expect(buildkitCreatedBy({ kind: 'WORKDIR', path: '/app' })).toBe('WORKDIR /app');
    expect(buildkitCreatedBy({ kind: 'ENV', pairs: [{ key: 'A', value: 'x y' }] })).toBe('ENV A=x y');
    expect(buildkitCreatedBy({ kind: 'ARG', pairs: [{ key: 'V', value: undefined }, { key: 'W', value: '2' }] })).toBe('ARG V W=2');
    expect(buildkitCreatedBy({ kind: 'CMD', list: ['nginx', '-g', 'daemon off;'] })).toBe('CMD ["nginx" "-g" "daemon off;"]');
    expect(buildkitCreatedBy({ kind: 'VOLUME', list: ['/data'] })).toBe('VOLUME [/data]');
    expect(buildkitCreatedBy({ kind: 'EXPOSE', ports: ['3000/tcp', '80/tcp'] })).toBe('EXPOSE [3000/tcp 80/tcp]');
    expect(buildkitCreatedBy({ kind: 'HEALTHCHECK', health: { test: ['CMD-SHELL', 'curl -f x'], interval: 30e9, timeout: 0, startPeriod: 0, startInterval: 0, retries: 3 } })).toBe(
      `HEALTHCHECK &{["CMD-SHELL" "curl -f x"] "30s" "0s" "0s" "0s" '\\x03'}`,
    );
  });

  test('classic forms: #(nop) with two spaces for metadata, file hash and trailing space for COPY', () => {
    expect(classicCreatedBy({ kind: 'ENV', pairs: [{ key: 'A', value: 'b' }] })).toBe('/bin/sh -c #(nop)  ENV A=b');
    expect(classicCreatedBy({ kind: 'COPY', parents: false, chown: undefined, chmod: undefined, sources: ['a'], inlineNames: [], dest: '/app', classicSourceHash: 'file:abc' })).toBe(
      '/bin/sh -c #(nop) COPY file:abc in /app ',
    );
    expect(classicCreatedBy({ kind: 'RUN', argv: ['/bin/sh', '-c', 'make'], buildArgs: [{ key: 'V', value: '2' }] })).toBe('|1 V=2 /bin/sh -c make');
  });
});

describe('plain progress', () => {
  test('vertices: output with offsets, CACHED, DONE, ERROR', () => {
    expect(
      formatPlainProgress([
        { name: '[2/5] RUN echo "Step 1" && sleep 2', seconds: 2.1, output: [{ offset: 0.1, line: 'Step 1' }] },
        { name: '[3/5] RUN echo "Step 2" && sleep 2', cached: true },
        { name: '[4/5] RUN false', error: 'process "/bin/sh -c false" did not complete successfully: exit code: 1' },
      ]),
    ).toBe(
      [
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [2/5] RUN echo "Step 1" && sleep 2',
        '#1 0.100 Step 1',
        '#1 DONE 2.1s',
        '',
        '#2 [3/5] RUN echo "Step 2" && sleep 2',
        '#2 CACHED',
        '',
        '#3 [4/5] RUN false',
        '#3 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1',
        '',
      ].join('\n'),
    );
  });

  test('step prefixes pad the index to the width of the total', () => {
    expect(stepPrefix(undefined, 2, 5)).toBe('[2/5] ');
    expect(stepPrefix('builder', 3, 12)).toBe('[builder  3/12] ');
  });

  test('Go renderings', () => {
    expect([0, 3, 65, 10].map(goQuoteRune)).toEqual(["'\\x00'", "'\\x03'", "'A'", "'\\n'"]);
    expect([2, 152, 1234, 7_040_000, 1_000_000_000].map(goHumanSize)).toEqual(['2B', '152B', '1.234kB', '7.04MB', '1GB']);
  });
});
