import { describe, expect, it } from 'vitest';
import { parseShell } from '../../../kernel-lib/src/shell/parse/parseShell';
import { ShellSyntaxError } from '../../../kernel-lib/src/shell/ShellSyntaxError';
import type { Command, SimpleCommand, Word, WordPart } from '../../../kernel-lib/src/shell/ast';

/** A compact text form of a word's parts: literal L(…), quoted Q(…), double D[…], $name, $(…), $((…)). */
function showPart(p: WordPart): string {
  switch (p.type) {
    case 'literal':
      return `L(${p.text})`;
    case 'quoted':
      return `Q(${p.text})`;
    case 'double':
      return `D[${p.parts.map(showPart).join(' ')}]`;
    case 'param':
      return `\${${p.length === true ? '#' : ''}${p.name}${p.op ?? ''}${p.arg === undefined ? '' : showWord(p.arg)}}`;
    case 'command':
      return `$(${p.script.items.length} item)`;
    case 'arith':
      return `$((${showWord(p.expr)}))`;
  }
}
const showWord = (w: Word): string => w.parts.map(showPart).join(' ');
const firstSimple = (source: string): SimpleCommand => parseShell(source).items[0]?.first.commands[0] as SimpleCommand;

function syntaxMessage(source: string): string {
  try {
    parseShell(source);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return e.busyboxMessage;
    throw e;
  }
  return 'parsed';
}

describe('parseShell: words and quoting', () => {
  it('splits a command line into words with their quoting kept', () => {
    const cmd = firstSimple(`echo "a $HOME" 'b c' d\\ e \${X:-y z} $((1+2)) $(date)`);
    expect(cmd.words.map(showWord)).toEqual([
      'L(echo)',
      'D[Q(a ) ${HOME}]',
      'Q(b c)',
      'L(d) Q( ) L(e)',
      '${X:-L(y z)}',
      '$((Q(1+2)))',
      '$(1 item)',
    ]);
  });

  it('reads parameter operators, lengths and special parameters', () => {
    const cmd = firstSimple('echo ${#v} ${p##*/} ${p%.*} ${u:?msg} ${n:+set} $? $# $@ $1 ${10}');
    expect(cmd.words.slice(1).map(showWord)).toEqual([
      '${#v}', '${p##L(*/)}', '${p%L(.*)}', '${u:?L(msg)}', '${n:+L(set)}', '${?}', '${#}', '${@}', '${1}', '${10}',
    ]);
  });

  it('takes NAME=value prefixes as assignments, and later ones as arguments', () => {
    const cmd = firstSimple('A=1 B="x y" env C=3');
    expect(cmd.assignments.map((a) => `${a.name}=${showWord(a.value)}`)).toEqual(['A=L(1)', 'B=D[Q(x y)]']);
    expect(cmd.words.map((w) => w.raw)).toEqual(['env', 'C=3']);
  });

  it('joins backslash-newline continuations (a Dockerfile RUN line)', () => {
    const script = parseShell('apt-get update && \\\n    apt-get install -y curl \\\n    vim && rm -rf /var/lib/apt/lists/*');
    const item = script.items[0];
    expect(item?.rest.map((r) => r.op)).toEqual(['&&', '&&']);
    const install = item?.rest[0]?.pipeline.commands[0] as SimpleCommand;
    expect(install.words.map((w) => w.raw)).toEqual(['apt-get', 'install', '-y', 'curl', 'vim']);
  });

  it('skips comments but keeps # inside words', () => {
    const cmd = firstSimple('echo a#b # a comment');
    expect(cmd.words.map((w) => w.raw)).toEqual(['echo', 'a#b']);
  });
});

describe('parseShell: redirections and here-documents', () => {
  it('reads fd numbers, dups and appends', () => {
    const cmd = firstSimple('cmd >out 2>&1 >>log <in 2>/dev/null');
    expect(cmd.redirects.map((r) => `${r.fd ?? '-'}${r.op}${r.target.raw}`)).toEqual(['->out', '2>&1', '->>log', '-<in', '2>/dev/null']);
  });

  it('reads here-document bodies after the line, expanded unless the delimiter is quoted', () => {
    const script = parseShell("cat <<EOF >f\nhi $USER\nEOF\ncat <<'X'\n$HOME\nX\n");
    const a = script.items[0]?.first.commands[0] as SimpleCommand;
    const b = script.items[1]?.first.commands[0] as SimpleCommand;
    expect(a.redirects[0]?.expandBody).toBe(true);
    expect(showWord(a.redirects[0]?.target as Word)).toBe('Q(hi ) ${USER} Q(\n)');
    expect(b.redirects[0]?.expandBody).toBe(false);
    expect(showWord(b.redirects[0]?.target as Word)).toBe('Q($HOME\n)');
  });

  it('strips leading tabs with <<-', () => {
    const cmd = firstSimple('cat <<-E\n\tindented\n\tE\n');
    expect(showWord(cmd.redirects[0]?.target as Word)).toBe('Q(indented\n)');
  });
});

describe('parseShell: compound commands', () => {
  const kinds = (source: string): string[] => parseShell(source).items.map((i) => (i.first.commands[0] as Command).type);

  it('parses if, for, while, until, case, groups, subshells and functions', () => {
    expect(kinds('if a; then b; elif c; then d; else e; fi; for x in 1 2; do :; done; while false; do :; done; until true; do :; done')).toEqual(['if', 'for', 'while', 'until']);
    expect(kinds('case $a in a|b) x;; *) y;; esac; { a; b; }; (c); f() { echo; }')).toEqual(['case', 'group', 'subshell', 'function']);
  });

  it('keeps pipelines, negation and background markers', () => {
    const script = parseShell('! a | b | c & d');
    expect(script.items[0]?.first.negated).toBe(true);
    expect(script.items[0]?.first.commands).toHaveLength(3);
    expect(script.items[0]?.background).toBe(true);
    expect(script.items[1]?.background).toBe(false);
  });

  it('records each command line (0-based, as ash reports "line N" in sh -c)', () => {
    const script = parseShell('a\n\nb; c\n');
    expect(script.items.map((i) => (i.first.commands[0] as SimpleCommand).line)).toEqual([0, 2, 2]);
  });

  it('returns frozen trees', () => {
    expect(Object.isFrozen(parseShell('echo hi').items[0])).toBe(true);
  });
});

describe('parseShell: syntax errors carry busybox ash messages', () => {
  it.each([
    ['echo "a', 'syntax error: unterminated quoted string'],
    ["echo 'a", 'syntax error: unterminated quoted string'],
    ['if true; then echo x', 'syntax error: unexpected end of file (expecting "fi")'],
    ['if true; then echo; done', 'syntax error: unexpected "done" (expecting "fi")'],
    ['fi', 'syntax error: unexpected "fi"'],
    ['echo $(echo a', 'syntax error: unexpected end of file (expecting ")")'],
    ['echo a |', 'syntax error: unexpected end of file'],
    [')', 'syntax error: unexpected ")"'],
    ['{ echo a }', 'syntax error: unexpected end of file (expecting "}")'],
    ['echo ${x', "syntax error: missing '}'"],
    ['echo ${x!}', 'syntax error: bad substitution'],
    ['; echo', 'syntax error: unexpected ";"'],
    ['echo a;; echo', 'syntax error: unexpected ";;"'],
    ['if then fi', 'syntax error: unexpected "then"'],
    ['case a in a) echo A', 'syntax error: unexpected end of file (expecting ";;")'],
  ])('%j → %s', (source, message) => {
    expect(syntaxMessage(source)).toBe(message);
  });

  it('is a typed LayerlabError with a Korean hint', () => {
    try {
      parseShell('echo "open');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShellSyntaxError);
      expect((e as ShellSyntaxError).code).toBe('ShellSyntax');
      expect((e as ShellSyntaxError).hint).toMatch(/따옴표/);
    }
  });
});
