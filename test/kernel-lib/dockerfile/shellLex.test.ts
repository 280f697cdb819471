import { describe, expect, test } from 'vitest';
import { DockerfileExpansionError, DockerfileShellLex } from '../../../kernel-lib/src/dockerfile';

// Expectations follow BuildKit's frontend/dockerfile/shell/lex.go rules (and its envVarTest
// vectors where they exist): Docker expands variables itself for ENV, ARG, COPY, WORKDIR …, with
// these rules, not with a real shell.
const lex = new DockerfileShellLex('\\');
const env = { PWD: '/home', HOME: '/root', EMPTY: '', NAME: 'app.tar.gz', LIST: 'a b  c' };

describe('processWord', () => {
  test.each([
    ['$PWD', '/home'],
    ['${PWD}', '/home'],
    ['${PWD}/x', '/home/x'],
    ['$PWD/x', '/home/x'],
    ['$UNSET', ''],
    ['${UNSET:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${UNSET-dflt}', 'dflt'],
    ['${PWD:-dflt}', '/home'],
    ['${PWD:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET:+alt}', ''],
    ['${UNSET:-$HOME/x}', '/root/x'],
    ["'$PWD'", '$PWD'],
    ['"$PWD"', '/home'],
    ['\\$PWD', '$PWD'],
    ['"\\$PWD"', '$PWD'],
    ['"a\\b"', 'a\\b'],
    ['a\\ b', 'a b'],
    ['$', '$'],
    ['a$', 'a$'],
    ['$1', ''],
    ['${NAME%.gz}', 'app.tar'],
    ['${NAME%%.*}', 'app'],
    ['${NAME#*.}', 'tar.gz'],
    ['${NAME##*.}', 'gz'],
    ['${NAME/a/A}', 'App.tar.gz'],
    ['${NAME//a/A}', 'App.tAr.gz'],
    ['"${PWD} and \'${HOME}\'"', "/home and '/root'"],
  ])('%s → %s', (input, expected) => {
    expect(lex.processWord(input, env)).toBe(expected);
  });

  test('a backtick escape token leaves backslashes alone', () => {
    const tick = new DockerfileShellLex('`');
    expect(tick.processWord('C:\\dir\\$PWD', env)).toBe('C:\\dir\\/home');
    expect(tick.processWord('`$PWD', env)).toBe('$PWD');
  });

  test('a Map environment works like a record', () => {
    expect(lex.processWord('$A-$B', new Map([['A', '1'], ['B', '2']]))).toBe('1-2');
  });

  test('referenced variables are reported, unset ones separately', () => {
    const result = lex.process('$PWD ${NOPE:-x} $HOME', env);
    expect(result.matched).toEqual(['PWD', 'NOPE', 'HOME']);
    expect(result.unmatched).toEqual(['NOPE']);
  });
});

describe('processWords', () => {
  test('splits on whitespace; a substituted value is split, a quoted one is not', () => {
    expect(lex.processWords('a "b c" $LIST "$LIST"', env)).toEqual(['a', 'b c', 'a', 'b', 'c', 'a b  c']);
  });

  test('empty quotes make no word (unlike a POSIX shell: BuildKit only emits non-empty words)', () => {
    expect(lex.processWords('a "" b', env)).toEqual(['a', 'b']);
  });
});

describe('options', () => {
  test('skipUnsetEnv keeps references to unset variables', () => {
    const keep = new DockerfileShellLex('\\', { skipUnsetEnv: true });
    expect(keep.processWord('$A/${B}/$PWD', env)).toBe('$A/${B}//home');
  });

  test('rawQuotes keeps the quotes', () => {
    expect(new DockerfileShellLex('\\', { rawQuotes: true }).processWord('"EOF"', {})).toBe('"EOF"');
  });
});

describe('errors (BuildKit wording)', () => {
  test.each([
    ['${PWD', "missing '}'"],
    ['${}', 'bad substitution'],
    ['${:x}', 'bad substitution'],
    ['${PWD:x}', 'unsupported modifier (x) in substitution'],
    ["'abc", 'unexpected end of statement while looking for matching single-quote'],
    ['"abc', 'unexpected end of statement while looking for matching double-quote'],
    ['${UNSET:?must be set}', 'UNSET: must be set'],
    ['${UNSET?}', 'UNSET: is not allowed to be unset'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
  ])('%s → %s', (input, message) => {
    expect(() => lex.processWord(input, env)).toThrow(DockerfileExpansionError);
    expect(() => lex.processWord(input, env)).toThrow(message);
  });

  test('the error names the text and has a Korean hint', () => {
    try {
      lex.processWord('${X', {});
      expect.unreachable();
    } catch (error) {
      expect((error as DockerfileExpansionError).message).toBe('failed to process "${X": syntax error: missing \'}\'');
      expect((error as DockerfileExpansionError).hint).toContain('중괄호');
    }
  });
});
