/**
 * What the stored error text keeps, and what the comparison ignores. The samples are stderr text
 * exactly as tslab 1.0.22 sent it (captured from the fixtures in this folder).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../tools/paths';
import { describeError, tidyErrorText } from '../../tools/runner/errorText';
import { lineDiff } from '../../tools/runner/lineDiff';
import { sanitize } from '../../tools/runner/sanitize';

const ROOT = PROJECT_ROOT;
const THROWN_IN_LIBRARY = [
  `${ROOT}/kernel-lib/dist/digest/Digest.js:40`,
  '            throw new InvalidDigestError(text, `bad`);',
  '            ^',
  '',
  'InvalidDigestError: invalid digest "sha256:97": sha256 digests have 64 hex digits, this one has 2',
  `    at parseDigest (${ROOT}/kernel-lib/dist/digest/Digest.js:40:19)`,
  '    at evalmachine.<anonymous>:5:51',
  '    at evalmachine.<anonymous>:7:3',
  '    at sigintHandlersWrap (node:vm:280:12)',
  '    at Script.runInThisContext (node:vm:135:14)',
  `    at Object.execute (${ROOT}/node_modules/tslab/dist/executor.js:160:38)`,
  `    at ${ROOT}/node_modules/tslab/dist/jupyter.js:208:57`,
  `    at async ZmqServer.handleExecute (${ROOT}/node_modules/tslab/dist/jupyter.js:406:25) {`,
  "  code: 'InvalidDigest',",
  "  hint: '다이제스트는 \"sha256:\" 뒤에 소문자 16진수 64자가 오는 형식입니다.'",
  '}',
  '',
].join('\n');

describe('tidyErrorText (applied to stored stderr)', () => {
  it("drops Node's and tslab's frames, keeps the cell's and the library's, and makes paths relative to the notebook", () => {
    expect(tidyErrorText(THROWN_IN_LIBRARY, join(ROOT, 'notebooks'))).toBe(
      [
        '../kernel-lib/dist/digest/Digest.js:40',
        '            throw new InvalidDigestError(text, `bad`);',
        '            ^',
        '',
        'InvalidDigestError: invalid digest "sha256:97": sha256 digests have 64 hex digits, this one has 2',
        '    at parseDigest (../kernel-lib/dist/digest/Digest.js:40:19)',
        '    at evalmachine.<anonymous>:5:51',
        '    at evalmachine.<anonymous>:7:3 {',
        "  code: 'InvalidDigest',",
        "  hint: '다이제스트는 \"sha256:\" 뒤에 소문자 16진수 64자가 오는 형식입니다.'",
        '}',
        '',
      ].join('\n'),
    );
  });

  it('names the error for reports without storing anything', () => {
    expect(describeError(THROWN_IN_LIBRARY)).toEqual({
      ename: 'InvalidDigestError',
      evalue: 'invalid digest "sha256:97": sha256 digests have 64 hex digits, this one has 2',
    });
    expect(describeError("1:5 - Type 'string' is not assignable to type 'number'.\n")).toEqual({
      ename: 'CompileError',
      evalue: "1:5 - Type 'string' is not assignable to type 'number'.",
    });
  });
});

describe('sanitize (applied to both sides of a comparison)', () => {
  it('keeps the message, the properties and the hint; drops frames, library code frames and machine paths', () => {
    const text = tidyErrorText(THROWN_IN_LIBRARY, join(ROOT, 'notebooks'));
    expect(sanitize(text)).toBe(
      [
        'InvalidDigestError: invalid digest "sha256:97": sha256 digests have 64 hex digits, this one has 2',
        "  code: 'InvalidDigest',",
        "  hint: '다이제스트는 \"sha256:\" 뒤에 소문자 16진수 64자가 오는 형식입니다.'",
        '}',
        '',
      ].join('\n'),
    );
    // The same error saved by JupyterLab (frames untouched) compares equal after sanitising.
    expect(sanitize(tidyErrorText(THROWN_IN_LIBRARY, join(ROOT, 'notebooks')))).toBe(sanitize(tidyErrorText(THROWN_IN_LIBRARY.replace(/^ {4}at sigint.*\n/m, ''), join(ROOT, 'notebooks'))));
  });

  it("keeps the cell's own code frame, and digests, untouched", () => {
    const cellError = 'evalmachine.<anonymous>:2\nthrow new Error("boom");\n^\n\nError: boom sha256:9792689680c25b5b\n    at evalmachine.<anonymous>:2:7\n';
    expect(sanitize(cellError)).toBe('evalmachine.<anonymous>:2\nthrow new Error("boom");\n^\n\nError: boom sha256:9792689680c25b5b\n');
  });

  it("renumbers Plot's counter ids and hides machine paths", () => {
    expect(sanitize('<clipPath id="plot-clip-7"><pattern id="plot-pattern-12"> class="plot-d6a7b5"')).toBe('<clipPath id="plot-clip-N"><pattern id="plot-pattern-N"> class="plot-d6a7b5"');
    expect(sanitize(`read ${ROOT}/notebooks/ctx/app.js`)).toBe('read <project>/notebooks/ctx/app.js');
  });
});

describe('lineDiff', () => {
  it('shows removed and added lines with a little context', () => {
    expect(lineDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nd\nE\nf\ng\nh\n', 1)).toBe('  …\n  d\n- e\n+ E\n  f\n  …');
  });
});
