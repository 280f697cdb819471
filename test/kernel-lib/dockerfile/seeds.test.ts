import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DockerfileError, parseDockerfile } from '../../../kernel-lib/src/dockerfile';

const FIXTURES = join(__dirname, '../../fixtures/dockerfiles');
const read = (dir: string, name: string): string => readFileSync(join(FIXTURES, dir, name), 'utf8');

/**
 * Every Dockerfile block of the seeds, verbatim (`seeds/<seed>-L<line>-…`). Many put `# notes`
 * after instructions, which a Dockerfile does not allow: BuildKit rejects FROM/ENV/EXPOSE/LABEL
 * with such a note, keeps it inside RUN (the shell ignores it) and reads it as extra COPY sources.
 * Some blocks are fragments without FROM. The expectations come from BuildKit's rules, not from
 * running our parser.
 */
type Expectation =
  | { ok: true; stages: number; kinds: string }
  | { ok: false; code: string; line: number; problem: string };

const EXPECTED: Record<string, Expectation> = {
  '001-L112-five-layers.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'FROM requires either one or three arguments' },
  '002-L083-layer-instructions.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'FROM requires either one or three arguments' },
  '002-L091-metadata-instructions.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'Syntax error - can\'t find = in "#". Must be of the form: name=value' },
  '002-L102-layer-test.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN RUN RUN COPY' },
  '002-L229-cow-large-file-fragment.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 2, problem: 'no build stage in current context' },
  '002-L261-cache-annotated.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 2, problem: 'FROM requires either one or three arguments' },
  '002-L274-instruction-change-fragment.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 2, problem: 'no build stage in current context' },
  '002-L283-content-change-fragment.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'no build stage in current context' },
  '002-L288-mode-change-fragment.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'no build stage in current context' },
  '002-L296-node-bad-order.Dockerfile': { ok: true, stages: 1, kinds: 'FROM COPY RUN CMD' },
  '002-L312-node-good-order.Dockerfile': { ok: true, stages: 1, kinds: 'FROM WORKDIR COPY RUN COPY CMD' },
  '002-L340-practice1-layer-analysis.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN RUN RUN RUN COPY RUN ENV EXPOSE CMD' },
  '002-L386-practice2-cache-test.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN RUN RUN RUN' },
  '002-L411-practice2-cache-test-modified.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN RUN RUN RUN' },
  '002-L457-practice4-cow-test.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN' },
  '002-L484-python-before.Dockerfile': { ok: true, stages: 1, kinds: 'FROM WORKDIR COPY RUN CMD' },
  '002-L501-python-after.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 1, problem: 'FROM requires either one or three arguments' },
  '002-L526-node-multistage.Dockerfile': { ok: true, stages: 2, kinds: 'FROM WORKDIR COPY RUN COPY RUN FROM WORKDIR COPY COPY COPY USER CMD' },
  '002-L562-cleanup-separate-runs.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN RUN RUN' },
  '002-L576-cleanup-same-run.Dockerfile': { ok: true, stages: 1, kinds: 'FROM RUN' },
  '002-L592-node-dev.Dockerfile': { ok: true, stages: 1, kinds: 'FROM WORKDIR COPY RUN COPY CMD' },
  '002-L609-node-prod.Dockerfile': { ok: true, stages: 2, kinds: 'FROM WORKDIR COPY RUN COPY RUN FROM WORKDIR COPY COPY USER CMD' },
  '002-L631-cache-mount.Dockerfile': { ok: true, stages: 1, kinds: 'FROM WORKDIR RUN' },
  '002-L661-parallel-stages.Dockerfile': { ok: true, stages: 4, kinds: 'FROM RUN FROM RUN FROM RUN FROM COPY COPY' },
  // The ❌ and ✅ variants of one block become two stages of one file when taken verbatim.
  '002-L686-layer-explosion.Dockerfile': { ok: true, stages: 2, kinds: 'FROM RUN RUN RUN RUN RUN FROM RUN' },
  '002-L709-timestamp-cache-bust.Dockerfile': { ok: true, stages: 2, kinds: 'FROM RUN RUN RUN FROM RUN RUN' },
  '002-L725-secret-in-layer.Dockerfile': { ok: true, stages: 2, kinds: 'FROM COPY RUN RUN FROM RUN' },
  '002-L741-large-file-modify.Dockerfile': { ok: true, stages: 2, kinds: 'FROM COPY RUN FROM COPY RUN' },
  '003-L083-node-example.Dockerfile': { ok: true, stages: 1, kinds: 'FROM WORKDIR COPY RUN RUN EXPOSE CMD' },
  '003-L128-merge-runs-fragment.Dockerfile': { ok: false, code: 'DockerfileSyntax', line: 2, problem: 'no build stage in current context' },
  '003-L144-node-multistage.Dockerfile': { ok: true, stages: 2, kinds: 'FROM WORKDIR COPY RUN RUN FROM WORKDIR COPY COPY COPY EXPOSE CMD' },
};

describe('the seeds\' Dockerfiles, verbatim', () => {
  const files = readdirSync(join(FIXTURES, 'seeds')).sort();

  test('every block has an expectation', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(files)('%s', (file) => {
    const expected = EXPECTED[file] as Expectation;
    const text = read('seeds', file);
    if (expected.ok) {
      const parsed = parseDockerfile(text);
      expect(parsed.stages).toHaveLength(expected.stages);
      expect(parsed.instructions.map((i) => i.kind).join(' ')).toBe(expected.kinds);
      return;
    }
    let caught: unknown;
    try {
      parseDockerfile(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DockerfileError);
    const error = caught as DockerfileError;
    expect([error.code, error.line, error.problem]).toEqual([expected.code, expected.line, expected.problem]);
  });

  test('a trailing note in RUN stays in the command (and so in history and the cache key)', () => {
    const run = parseDockerfile(read('seeds', '002-L411-practice2-cache-test-modified.Dockerfile')).instructions[2];
    expect(run).toMatchObject({ kind: 'RUN', cmdLine: ['echo "Step 2 MODIFIED" && sleep 2  # ← 수정'] });
  });

  test('a trailing note after COPY becomes extra sources (BuildKit then fails: not found)', () => {
    const parsed = parseDockerfile(read('seeds', '002-L296-node-bad-order.Dockerfile'));
    const copy = parsed.instructions[1];
    expect(copy).toMatchObject({ kind: 'COPY', sources: ['.', '.', '#', '소스', '코드', '변경', '시마다', '캐시'], dest: 'MISS' });
    expect(parsed.warnings.map((w) => w.rule)).toContain('InlineComment');
  });

  test('a trailing note after a JSON CMD is ignored by BuildKit\'s JSON decoder (exec form stays)', () => {
    const parsed = parseDockerfile(read('seeds', '002-L312-node-good-order.Dockerfile').replace('CMD ["npm", "start"]', 'CMD ["npm", "start"]  # note'));
    expect(parsed.instructions.find((i) => i.kind === 'CMD')).toMatchObject({ cmdLine: ['npm', 'start'], prependShell: false });
  });
});

describe('the course\'s Dockerfiles (comments on their own lines)', () => {
  const files = readdirSync(join(FIXTURES, 'course')).sort();
  test.each(files)('%s parses with no warning about comments', (file) => {
    const parsed = parseDockerfile(read('course', file));
    expect(parsed.stages.length).toBeGreaterThan(0);
    expect(parsed.warnings.filter((w) => w.rule === 'InlineComment' || w.rule === 'JSONArgsTrailingText')).toEqual([]);
  });
});
