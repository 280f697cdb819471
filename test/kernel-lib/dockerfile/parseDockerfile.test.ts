import { describe, expect, test } from 'vitest';
import {
  BadJsonFormError,
  DockerfileError,
  DockerfileSyntaxError,
  MissingArgumentError,
  parseDockerfile,
  UnknownFlagError,
  UnknownInstructionError,
  UnterminatedHeredocError,
  type Instruction,
} from '../../../kernel-lib/src/dockerfile';

type Of<K extends Instruction['kind']> = Extract<Instruction, { kind: K }> extends never
  ? Instruction & { kind: K } & Extract<Instruction, { kind: 'COPY' | 'ADD' }>
  : Extract<Instruction, { kind: K }>;

function only<K extends Instruction['kind']>(text: string, kind: K): Of<K> {
  const found = parseDockerfile(text).instructions.filter((i) => i.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Of<K>;
}

describe('every instruction, typed', () => {
  test('FROM with --platform and a lower-cased stage name', () => {
    const parsed = parseDockerfile('FROM --platform=linux/arm64 golang:1.19 AS Builder\nFROM scratch\n');
    expect(parsed.stages.map((s) => [s.index, s.name, s.from.image, s.from.platform])).toEqual([
      [0, 'builder', 'golang:1.19', 'linux/arm64'],
      [1, undefined, 'scratch', undefined],
    ]);
    expect(parsed.warnings.map((w) => w.rule)).toEqual(['StageNameCasing']);
  });

  test('ARG before FROM is a meta arg; ARG inside a stage belongs to it', () => {
    const parsed = parseDockerfile('ARG VERSION=3.18\nARG A B=2\nFROM alpine:${VERSION}\nARG VERSION\nRUN echo $VERSION\n');
    expect(parsed.metaArgs.map((a) => a.args)).toEqual([[{ key: 'VERSION', value: '3.18' }], [{ key: 'A', value: undefined }, { key: 'B', value: '2' }]]);
    expect(parsed.stages[0]?.instructions.map((i) => i.kind)).toEqual(['ARG', 'RUN']);
  });

  test('ENV in both forms; LABEL; values kept as written for the expander', () => {
    expect(only('FROM a\nENV NODE_ENV production\n', 'ENV')).toMatchObject({ env: [{ key: 'NODE_ENV', value: 'production' }], legacyForm: true });
    expect(only('FROM a\nENV A=1 B="two words" C=$A\n', 'ENV').env).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '"two words"' },
      { key: 'C', value: '$A' },
    ]);
    expect(only('FROM a\nLABEL version="1.0" maintainer=me\n', 'LABEL').labels).toEqual([
      { key: 'version', value: '"1.0"' },
      { key: 'maintainer', value: 'me' },
    ]);
  });

  test('RUN: shell form, exec form, mounts, network, heredoc', () => {
    expect(only('FROM a\nRUN apt-get update && apt-get install -y curl\n', 'RUN')).toMatchObject({
      cmdLine: ['apt-get update && apt-get install -y curl'],
      prependShell: true,
      mounts: [],
    });
    expect(only('FROM a\nRUN ["/bin/echo", "hi"]\n', 'RUN')).toMatchObject({ cmdLine: ['/bin/echo', 'hi'], prependShell: false });
    const run = only('FROM a\nRUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=key,required --network=none npm ci\n', 'RUN');
    expect(run.network).toBe('none');
    expect(run.mounts.map((m) => [m.type, m.target, m.id, m.readOnly, m.required])).toEqual([
      ['cache', '/root/.npm', undefined, false, false],
      ['secret', undefined, 'key', true, true],
    ]);
    const heredoc = only('FROM a\nRUN <<EOF\napk add curl\nEOF\n', 'RUN');
    expect(heredoc.heredocs.map((h) => h.content)).toEqual(['apk add curl\n']);
  });

  test('CMD and ENTRYPOINT in both forms; an empty ENTRYPOINT resets', () => {
    expect(only('FROM a\nCMD ["nginx", "-g", "daemon off;"]\n', 'CMD')).toMatchObject({ cmdLine: ['nginx', '-g', 'daemon off;'], prependShell: false });
    expect(only('FROM a\nCMD npm start\n', 'CMD')).toMatchObject({ cmdLine: ['npm start'], prependShell: true });
    expect(only('FROM a\nENTRYPOINT []\n', 'ENTRYPOINT').cmdLine).toEqual([]);
  });

  test('COPY/ADD: flags, JSON form, heredoc sources', () => {
    const copy = only('FROM a\nCOPY --from=builder --chown=node:node --chmod=755 --link /app/dist ./dist\n', 'COPY');
    expect(copy).toMatchObject({ from: 'builder', chown: 'node:node', chmod: '755', link: true, sources: ['/app/dist'], dest: './dist' });
    expect(only('FROM a\nCOPY ["my file", "/dst/"]\n', 'COPY')).toMatchObject({ sources: ['my file'], dest: '/dst/', json: true });
    const inline = only('FROM a\nCOPY <<-EOF /etc/motd\n\tWelcome $USER\n\tEOF\n', 'COPY');
    expect(inline.inlineSources).toEqual([{ name: 'EOF', content: 'Welcome $USER\n', expand: true }]);
    expect(inline.sources).toEqual([]);
    expect(only('FROM a\nADD --checksum=sha256:abc https://x/y.tar /\n', 'ADD')).toMatchObject({ checksum: 'sha256:abc', sources: ['https://x/y.tar'] });
  });

  test('WORKDIR, USER, EXPOSE (sorted), VOLUME, SHELL, STOPSIGNAL, MAINTAINER', () => {
    expect(only('FROM a\nWORKDIR /app\n', 'WORKDIR').path).toBe('/app');
    expect(only('FROM a\nUSER node:node\n', 'USER').user).toBe('node:node');
    expect(only('FROM a\nEXPOSE 8080 443/tcp 80\n', 'EXPOSE').ports).toEqual(['443/tcp', '80', '8080']);
    expect(only('FROM a\nVOLUME ["/data", "/logs"]\n', 'VOLUME').volumes).toEqual(['/data', '/logs']);
    expect(only('FROM a\nVOLUME /data /logs\n', 'VOLUME').volumes).toEqual(['/data', '/logs']);
    expect(only('FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n', 'SHELL').shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(only('FROM a\nSTOPSIGNAL SIGTERM\n', 'STOPSIGNAL').signal).toBe('SIGTERM');
    expect(only('FROM a\nMAINTAINER me <me@example.com>\n', 'MAINTAINER').maintainer).toBe('me <me@example.com>');
  });

  test('HEALTHCHECK NONE and CMD with options (durations in ns, like Go)', () => {
    expect(only('FROM a\nHEALTHCHECK NONE\n', 'HEALTHCHECK').health.test).toEqual(['NONE']);
    expect(only('FROM a\nHEALTHCHECK --interval=1m30s --timeout=5s --start-period=500ms --retries=3 CMD curl -f http://localhost/ || exit 1\n', 'HEALTHCHECK').health).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      interval: 90e9,
      timeout: 5e9,
      startPeriod: 500e6,
      startInterval: 0,
      retries: 3,
    });
    expect(only('FROM a\nHEALTHCHECK CMD ["/bin/check", "-q"]\n', 'HEALTHCHECK').health.test).toEqual(['CMD', '/bin/check', '-q']);
  });

  test('ONBUILD keeps the trigger text', () => {
    expect(only('FROM a\nONBUILD COPY . /app/src\n', 'ONBUILD')).toMatchObject({ expression: 'COPY . /app/src', triggerKind: 'COPY' });
  });

  test('instructions are case-insensitive', () => {
    expect(parseDockerfile('from alpine\nrun echo hi\nCopy a b\n').instructions.map((i) => i.kind)).toEqual(['FROM', 'RUN', 'COPY']);
  });

  test('the result is frozen', () => {
    const parsed = parseDockerfile('FROM a\nRUN b\n');
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.instructions[1])).toBe(true);
  });
});

function errorOf(text: string): DockerfileError {
  try {
    parseDockerfile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DockerfileError);
    return error as DockerfileError;
  }
  throw new Error('expected a parse error');
}

describe('errors name the line, the problem and the fix', () => {
  test('unknown instruction, with the nearest suggested', () => {
    const error = errorOf('FROM alpine\n\nRUNN apk add curl\n');
    expect(error).toBeInstanceOf(UnknownInstructionError);
    expect(error.code).toBe('DockerfileUnknownInstruction');
    expect(error.message).toBe('dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?) — fix: write RUN');
    expect(error.hint).toBe('3번째 줄의 "RUNN"은(는) 없는 명령어입니다. "RUN"의 오타가 아닌지 확인하세요.');
    expect(errorOf('FROM a\nCOPPY x y\n').message).toContain('unknown instruction: COPPY (did you mean COPY?)');
    expect(errorOf('FROM a\nXYZZY\n').message).toContain('unknown instruction: XYZZY — fix: start the line with a Dockerfile instruction');
  });

  test('missing arguments', () => {
    const copy = errorOf('FROM a\nCOPY app.js\n');
    expect(copy).toBeInstanceOf(MissingArgumentError);
    expect(copy.message).toBe(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined — fix: write COPY <source> <destination>, e.g. COPY app.js /app/',
    );
    expect(errorOf('FROM a\nWORKDIR\n').message).toContain('line 2: WORKDIR requires exactly one argument');
    expect(errorOf('FROM\n').message).toContain('line 1: FROM requires either one or three arguments — fix: name the base image');
    expect(errorOf('FROM a\nENV\n').message).toContain('ENV requires at least one argument');
    expect(errorOf('FROM a\nEXPOSE\n').message).toContain('EXPOSE requires at least one argument');
    expect(errorOf('FROM a\nRUN\n')).toBeInstanceOf(MissingArgumentError);
  });

  test('unterminated heredoc', () => {
    const error = errorOf('FROM a\nCOPY <<EOF /etc/motd\nhello\n');
    expect(error).toBeInstanceOf(UnterminatedHeredocError);
    expect([error.line, error.endLine]).toEqual([2, 3]);
  });

  test('bad JSON form', () => {
    const numbers = errorOf('FROM a\nCMD ["sleep", 10]\n');
    expect(numbers).toBeInstanceOf(BadJsonFormError);
    expect(numbers.message).toBe(
      'dockerfile parse error on line 2: when using JSON array syntax, arrays must be comprised of strings only — fix: write every element as a double-quoted string, e.g. ["npm", "start"]',
    );
    const shell = errorOf('FROM a\nSHELL /bin/bash -c\n');
    expect(shell).toBeInstanceOf(BadJsonFormError);
    expect(shell.message).toBe('dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form — fix: write SHELL ["/bin/bash","-c"]');
  });

  test('unknown flag, with the nearest suggested', () => {
    const error = errorOf('FROM a AS b\nFROM c\nCOPY --form=b /x /y\n');
    expect(error).toBeInstanceOf(UnknownFlagError);
    expect(error.message).toBe(
      'dockerfile parse error on line 3: Unknown flag: form (did you mean from?) — fix: COPY accepts --chown, --chmod, --from, --link, --parents, --exclude; write --from',
    );
    expect(errorOf('FROM a\nWORKDIR --mode=1 /x\n').message).toContain('Unknown flag: mode — fix: WORKDIR takes no flags: remove --mode');
    expect(errorOf('FROM a\nRUN --mount=type=cahce,target=/x y\n').message).toContain('unsupported mount type "cahce" (did you mean cache?)');
  });

  test('other syntax errors keep BuildKit\'s wording', () => {
    expect(errorOf('FROM a AS 1st\n').message).toContain('invalid name for build stage: "1st", name can\'t start with a number or contain symbols');
    expect(errorOf('FROM a AS x\nFROM b AS x\n').message).toContain('line 2: duplicate stage name "x"');
    expect(errorOf('RUN echo\n').message).toContain('line 1: no build stage in current context');
    expect(errorOf('FROM a\nONBUILD ONBUILD RUN x\n').message).toContain("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    expect(errorOf('FROM a\nONBUILD FROM b\n').message).toContain("FROM isn't allowed as an ONBUILD trigger");
    expect(errorOf('FROM a\nCOPY --link=maybe a b\n').message).toContain('Expecting boolean value for flag link, not: maybe');
    expect(errorOf('FROM a\nCOPY --from a b\n')).toBeInstanceOf(DockerfileSyntaxError);
    expect(errorOf('FROM a\nHEALTHCHECK --interval=5 CMD x\n').message).toContain('time: missing unit in duration "5"');
    expect(errorOf('FROM a\nHEALTHCHECK NONE x\n').message).toContain('HEALTHCHECK NONE takes no arguments');
    expect(errorOf('FROM a\nHEALTHCHECK PING x\n').message).toContain('Unknown type "PING" in HEALTHCHECK (try CMD)');
    expect(errorOf('FROM a\nENV =x\n').message).toContain('ENV names can not be blank');
  });

  test('a trailing comment is named as the cause', () => {
    const from = errorOf('FROM ubuntu:20.04   # base\n');
    expect(from.message).toBe(
      'dockerfile parse error on line 1: FROM requires either one or three arguments — fix: a Dockerfile comment must start its own line: move the "# …" text to a line above',
    );
    expect(from.hint).toContain('주석');
    expect(errorOf('FROM a\nEXPOSE 3000 # web\n').message).toContain('line 2: invalid containerPort: # — fix: a Dockerfile comment must start its own line');
  });
});

describe('warnings', () => {
  test('what BuildKit accepts but a learner should know', () => {
    const parsed = parseDockerfile('FROM a\nENV X 1\nCMD ["a"] # note\nWORKDIR /app # here\nCOPY a.js /x/ # note\nCMD npm start\n');
    expect(parsed.warnings.map((w) => [w.rule, w.line])).toEqual([
      ['LegacyKeyValueFormat', 2],
      ['JSONArgsTrailingText', 3],
      ['InlineComment', 4],
      ['InlineComment', 5],
      ['JSONArgsRecommended', 6],
    ]);
  });
});
