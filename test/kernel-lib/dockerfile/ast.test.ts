import { describe, expect, test } from 'vitest';
import { parseDockerfileAst } from '../../../kernel-lib/src/dockerfile';
import { dumpAst } from './dumpAst';

// Vectors from BuildKit's parser testfiles (input → `Node.Dump()` of every instruction), and
// cases written here for the rules BuildKit's parser.go implements.
describe('BuildKit parser vectors (frontend/dockerfile/parser/testfiles)', () => {
  test('health: HEALTHCHECK type word, flags, shell and JSON commands', () => {
    const text = [
      'FROM debian',
      'ADD check.sh main.sh /app/',
      'CMD /app/main.sh',
      'HEALTHCHECK',
      'HEALTHCHECK --interval=5s --timeout=3s --retries=3 \\',
      '  CMD /app/check.sh --quiet',
      'HEALTHCHECK CMD',
      'HEALTHCHECK   CMD   a b',
      'HEALTHCHECK --timeout=3s CMD ["foo"]',
      'HEALTHCHECK CONNECT TCP 7000',
      'HEALTHCHECK --start-period=0s --interval=5s --timeout=0s --retries=0 CMD ["foo"]',
      '',
    ].join('\n');
    expect(dumpAst(parseDockerfileAst(text))).toBe(
      [
        '(from "debian")',
        '(add "check.sh" "main.sh" "/app/")',
        '(cmd "/app/main.sh")',
        '(healthcheck)',
        '(healthcheck ["--interval=5s" "--timeout=3s" "--retries=3"] "CMD" "/app/check.sh --quiet")',
        '(healthcheck "CMD")',
        '(healthcheck "CMD" "a b")',
        '(healthcheck ["--timeout=3s"] "CMD" "foo")',
        '(healthcheck "CONNECT" "TCP 7000")',
        '(healthcheck ["--start-period=0s" "--interval=5s" "--timeout=0s" "--retries=0"] "CMD" "foo")',
        '',
      ].join('\n'),
    );
  });

  test('ADD/COPY with JSON and tabs', () => {
    const text = 'FROM\tubuntu:14.04\nCOPY\t.\t/go/src/app\nADD\t\t.\t/\nADD\t\t[ "vimrc", "/tmp" ]\nCOPY\t[ "test file", "/tmp" ]\nADD\t\t[ "test file", "/tmp/test file" ]\n';
    expect(dumpAst(parseDockerfileAst(text))).toBe(
      '(from "ubuntu:14.04")\n(copy "." "/go/src/app")\n(add "." "/")\n(add "vimrc" "/tmp")\n(copy "test file" "/tmp")\n(add "test file" "/tmp/test file")\n',
    );
  });

  test('a directive may be indented and spaced; the backtick then continues lines', () => {
    const text = '  #escape = `\n\nFROM image\nENV foo `\n  bar\nENV baz qux';
    const ast = parseDockerfileAst(text);
    expect(ast.escapeToken).toBe('`');
    expect(dumpAst(ast)).toBe('(from "image")\n(env "foo" "bar")\n(env "baz" "qux")\n');
  });

  test('continueIndent: continuation lines keep their leading whitespace, the first line loses it', () => {
    const text = [
      'FROM ubuntu:14.04',
      '',
      'RUN echo hello\\',
      '  world\\',
      '  goodnight  \\',
      '  moon\\',
      '  light\\',
      'ning',
      'RUN echo hello  \\',
      '  world',
      'RUN echo hello \\',
      'goodbye\\',
      'frog',
      'RUN echo hi \\',
      ' \\',
      ' world \\',
      '\\',
      ' good\\',
      '\\',
      'night',
      '',
    ].join('\n');
    expect(dumpAst(parseDockerfileAst(text))).toBe(
      [
        '(from "ubuntu:14.04")',
        '(run "echo hello  world  goodnight    moon  lightning")',
        '(run "echo hello    world")',
        '(run "echo hello goodbyefrog")',
        '(run "echo hi   world  goodnight")',
        '',
      ].join('\n'),
    );
  });

  test('a comment inside a continuation is dropped and the instruction goes on (current BuildKit)', () => {
    // Old moby parsers ended the instruction at the comment; BuildKit (and the Dockerfile
    // reference's example) removes the comment line and keeps continuing.
    const ast = parseDockerfileAst('FROM x\nRUN echo hello \\\n# a comment\nworld\n');
    expect(dumpAst(ast)).toBe('(from "x")\n(run "echo hello world")\n');
    expect(ast.nodes[1]).toMatchObject({ startLine: 2, endLine: 4 });
  });

  test('an empty line inside a continuation is skipped with a warning', () => {
    const ast = parseDockerfileAst('FROM busybox\nRUN foo \\\n\nbar\n');
    expect(dumpAst(ast)).toBe('(from "busybox")\n(run "foo bar")\n');
    expect(ast.warnings).toEqual([{ rule: 'NoEmptyContinuation', line: 2, message: 'Empty continuation line found in: RUN foo bar' }]);
  });
});

describe('line numbers', () => {
  test('each instruction keeps its first and last line; comments and blanks are skipped', () => {
    const text = '# a comment\n\nFROM alpine\n\n  # indented comment\nRUN a \\\n    b \\\n    c\nENV X=1\n';
    const ast = parseDockerfileAst(text);
    expect(ast.nodes.map((n) => [n.command, n.startLine, n.endLine])).toEqual([
      ['from', 3, 3],
      ['run', 6, 8],
      ['env', 9, 9],
    ]);
    expect(ast.nodes[1]?.original).toBe('RUN a     b     c');
  });

  test('comments directly above an instruction are attached to it', () => {
    const ast = parseDockerfileAst('FROM a\n# first\n# second\nRUN x\nRUN y\n');
    expect(ast.nodes[1]?.comments).toEqual(['first', 'second']);
    expect(ast.nodes[2]?.comments).toEqual([]);
  });

  test('a # after an instruction is not a comment', () => {
    const ast = parseDockerfileAst('FROM a\nRUN apt-get update   # refresh\nWORKDIR /app  # here\n');
    expect(dumpAst(ast)).toBe('(from "a")\n(run "apt-get update   # refresh")\n(workdir "/app  # here")\n');
  });

  test('CRLF line endings and a BOM are accepted', () => {
    const ast = parseDockerfileAst('\uFEFFFROM a\r\nRUN b \\\r\n  c\r\n');
    expect(dumpAst(ast)).toBe('(from "a")\n(run "b   c")\n');
  });
});

describe('parser directives', () => {
  test('syntax and escape are read before anything else', () => {
    const ast = parseDockerfileAst('# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN echo a `\n  b\n');
    expect(ast.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
    ]);
    expect(dumpAst(ast)).toBe('(from "a")\n(run "echo a   b")\n');
  });

  test('with escape=` a backslash is an ordinary character (Windows paths)', () => {
    const ast = parseDockerfileAst('# escape=`\nFROM a\nCOPY testfile.txt c:\\\nRUN dir c:\\\n');
    expect(dumpAst(ast)).toBe('(from "a")\n(copy "testfile.txt" "c:\\\\")\n(run "dir c:\\\\")\n');
  });

  test('a directive after a comment or a blank line is just a comment', () => {
    expect(parseDockerfileAst('# hello\n# escape=`\nFROM a\n').directives).toEqual([]);
    expect(parseDockerfileAst('\n# escape=`\nFROM a\n').escapeToken).toBe('\\');
  });

  test('a repeated directive is an error naming the line', () => {
    expect(() => parseDockerfileAst('# escape=`\n# escape=\\\nFROM a\n')).toThrow(
      'dockerfile parse error on line 2: only one escape parser directive can be used',
    );
  });

  test('an invalid escape token is an error', () => {
    expect(() => parseDockerfileAst('# escape=x\nFROM a\n')).toThrow("invalid escape token 'x' does not match ` or \\");
  });
});

describe('heredocs', () => {
  test('RUN <<EOF reads the body verbatim up to the terminator', () => {
    const ast = parseDockerfileAst('FROM a\nRUN <<EOF\necho $HOME\n  # not a comment\nEOF\nRUN b\n');
    const run = ast.nodes[1];
    expect(run?.args).toEqual(['<<EOF']);
    expect(run?.heredocs).toEqual([{ name: 'EOF', fileDescriptor: 0, expand: true, chomp: false, content: 'echo $HOME\n  # not a comment\n' }]);
    expect([run?.startLine, run?.endLine]).toEqual([2, 5]);
    expect(ast.nodes[2]).toMatchObject({ command: 'run', startLine: 6 });
  });

  test('<<-EOF strips leading tabs from the terminator; a quoted word turns expansion off', () => {
    const ast = parseDockerfileAst('FROM a\nRUN <<-"END" sh\n\techo hi\n\tEND\n');
    expect(ast.nodes[1]?.heredocs).toEqual([{ name: 'END', fileDescriptor: 0, expand: false, chomp: true, content: '\techo hi\n' }]);
  });

  test('several heredocs on one line are read one after the other', () => {
    const ast = parseDockerfileAst('FROM a\nCOPY <<one <<two /dest/\nfirst\none\nsecond\ntwo\n');
    expect(ast.nodes[1]?.heredocs.map((h) => [h.name, h.content])).toEqual([
      ['one', 'first\n'],
      ['two', 'second\n'],
    ]);
    expect(ast.nodes[1]?.endLine).toBe(6);
  });

  test('exec-form RUN and other instructions have no heredocs', () => {
    const ast = parseDockerfileAst('FROM a\nRUN ["cat", "<<EOF"]\nENV A=<<EOF\n');
    expect(ast.nodes[1]?.heredocs).toEqual([]);
    expect(ast.nodes[2]?.heredocs).toEqual([]);
  });

  test('an unterminated heredoc is an error naming where it started', () => {
    expect(() => parseDockerfileAst('FROM a\nRUN <<EOF\necho hi\n')).toThrow(
      'dockerfile parse error on line 2: unterminated heredoc — fix: end the here-document with a line that holds only EOF',
    );
  });
});

describe('argument splitting', () => {
  test('ENV/LABEL: legacy and name=value forms, quotes kept for the expander', () => {
    const ast = parseDockerfileAst('FROM a\nENV PATH /usr/local/bin:$PATH\nENV A=1 B="x y" C=\'z\'\nLABEL "com.example.vendor"="ACME Inc" version=1.0\n');
    expect(dumpAst(ast)).toBe(
      '(from "a")\n(env "PATH" "/usr/local/bin:$PATH")\n(env "A" "1" "B" "\\"x y\\"" "C" "\'z\'")\n(label "\\"com.example.vendor\\"" "\\"ACME Inc\\"" "version" "1.0")\n',
    );
    expect(ast.nodes[1]?.legacyKeyValue).toBe(true);
  });

  test('builder flags are split off before the arguments; -- ends them', () => {
    const ast = parseDockerfileAst('FROM --platform=linux/amd64 a AS b\nCOPY --from=b --chmod=755 --link x y\nRUN --mount=type=cache,target=/c --network=none make\n');
    expect(dumpAst(ast)).toBe(
      '(from ["--platform=linux/amd64"] "a" "AS" "b")\n(copy ["--from=b" "--chmod=755" "--link"] "x" "y")\n(run ["--mount=type=cache,target=/c" "--network=none"] "make")\n',
    );
  });

  test('a JSON array is read as exec form; text after it is ignored like Go\'s json.Decoder does', () => {
    const ast = parseDockerfileAst('FROM a\nCMD ["node", "app.js"]  # a note\nCMD [\'single\']\nCMD [ "a" , "b" \n');
    expect(ast.nodes.slice(1).map((n) => [n.json, n.args, n.jsonTrailing])).toEqual([
      [true, ['node', 'app.js'], '# a note'],
      [false, ["['single']"], undefined],
      [false, ['[ "a" , "b"'], undefined],
    ]);
  });

  test('ONBUILD keeps its trigger instruction', () => {
    const ast = parseDockerfileAst('FROM a\nONBUILD RUN echo hi\nONBUILD COPY --chown=1 . /app\n');
    expect(dumpAst(ast)).toBe('(from "a")\n(onbuild (run "echo hi"))\n(onbuild (copy ["--chown=1"] "." "/app"))\n');
  });

  test('a file with no instructions is an error', () => {
    expect(() => parseDockerfileAst('# only a comment\n\n')).toThrow('file with no instructions');
  });
});
