/**
 * Random shell scripts for the busybox comparison: words with every kind of quoting and expansion,
 * simple commands, pipelines through text filters, and/or lists, if/for/while/case, functions,
 * redirections and here-documents. Deterministic for a seed (mulberry32), so a failing case can be
 * replayed from the seed the test prints.
 */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const times = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** Variables every generated script starts with. */
const PRELUDE = "v='hello world'; n=3; e=; p=/usr/lib/x.tar.gz; set -- a 'b c' d; ";

const WORDS = [
  'abc', 'x1', 'hello', '42', '-n', '--', 'a-b', 'A', '"a  b"', "'c  d'", 'e\\ f', '"$v"', '$v', '${v}x', '${e:-dflt}', '"${e:-a  b}"',
  '${n:+set}', '${u-unset}', '${p#*/}', '${p##*/}', '${p%.*}', '${p%%.*}', '${#v}', '$((n*2+1))', '$((n%2))', '"$(echo sub)"', '$(echo a b)',
  '`echo bq`', '"$1"', '$#', '"$@"', '$*', '"$*"', '\\$v', "'$v'", '"\\$v"', '"a\\"b"', '*.txt', '"*.txt"', 'f?.txt', '[fn]*', '$?',
  '""', "''", '"$e"', '$e', '${v%o*}', '${v#* }', '"x${n}y"', 'a"b"c', "a'b'c", '~', '~/x', '$((0x10))', '"tab\\there"',
];

const FILES = ['f1.txt', 'f2.txt', 'nums.txt', 'csv.txt', 'noeol.txt', 'nosuch'];

const FILTERS = [
  'cat', 'wc -l', 'wc -c', 'wc -w', 'wc', 'head -n 1', 'head -n 2', 'tail -n 1', 'tail -n +2', 'head -c 3', 'sort', 'sort -r', 'sort -n',
  'uniq', 'uniq -c', 'tr a-z A-Z', 'tr -d aeiou', 'tr -s " "', 'rev', 'tac', "sed 's/o/0/g'", "sed -n '1p'", "sed '1d'", "sed 's/\\(.\\)/[\\1]/'",
  "sed -E 's/([a-z]+)/<\\1>/'", 'grep o', 'grep -v o', 'grep -c o', 'grep -i E', 'cut -c1-2', "cut -d' ' -f1", 'cut -d: -f2', 'nl', 'sha256sum',
];

function word(rng: Rng): string {
  return pick(rng, WORDS);
}

function words(rng: Rng, min: number, max: number): string {
  return Array.from({ length: times(rng, min, max) }, () => word(rng)).join(' ');
}

function testExpr(rng: Rng): string {
  const forms = [
    () => `[ ${word(rng)} = ${word(rng)} ]`,
    () => `[ ${word(rng)} != ${word(rng)} ]`,
    () => `[ -n ${word(rng)} ]`,
    () => `[ -z "${pick(rng, ['$e', '$v', '', 'x'])}" ]`,
    () => `[ ${pick(rng, ['1', '3', '$n', '10', '-2'])} -${pick(rng, ['eq', 'ne', 'lt', 'le', 'gt', 'ge'])} ${pick(rng, ['1', '3', '$n', '10', '-2'])} ]`,
    () => `[ -f ${pick(rng, FILES)} ]`,
    () => `[ -d ${pick(rng, ['sub', 'f1.txt', '.', 'nosuch'])} ]`,
    () => `[ -s ${pick(rng, FILES)} ]`,
    () => `test ${word(rng)}`,
    () => `[ ! -e ${pick(rng, FILES)} ]`,
    () => pick(rng, ['true', 'false', ':']),
  ];
  return pick(rng, forms)();
}

function simple(rng: Rng): string {
  const forms = [
    () => `echo ${words(rng, 0, 4)}`,
    () => `echo -n ${words(rng, 1, 2)}; echo`,
    () => `printf '${pick(rng, ['%s\\n', '[%s]', '%s-%s\\n', '%5s|\\n', '%d\\n', '%x %o\\n', '%-4s|%3d\\n', '%.2f\\n', '%c\\n', '%b\\n'])}' ${words(rng, 0, 3)}`,
    () => `x=${word(rng)}; echo "[$x]"`,
    () => `cat ${pick(rng, FILES)}`,
    () => `${pick(rng, FILTERS)} ${pick(rng, FILES)}`,
    () => testExpr(rng),
    () => `echo $(( ${pick(rng, ['1', 'n', '7', '-3', '0x1f', '010'])} ${pick(rng, ['+', '-', '*', '/', '%', '<', '==', '&&', '||', '<<', '&', '|', '**'])} ${pick(rng, ['2', 'n', '3', '0', '1'])} ))`,
    () => `expr ${pick(rng, ['1 + 2', '7 / 2', 'abc : "a\\(.\\)"', 'length hello', '3 \\> 2', '5 - 9', '2 \\* 3'])}`,
    () => `for w in ${words(rng, 0, 3)}; do echo "<$w>"; done`,
    () => `case ${word(rng)} in ${pick(rng, ['a*', '*.txt', '[0-9]*', '"hello"', '?', '*'])}) echo match;; *) echo nomatch;; esac`,
    () => `v2=${word(rng)} sh -c 'echo "[$v2]"'`,
    () => `set -- ${words(rng, 0, 3)}; echo $# "$1"`,
    () => `seq ${pick(rng, ['3', '2 4', '1 2 7', '5 -1 3', '-s, 3'])}`,
    () => `basename ${pick(rng, ['/a/b.txt', 'b.txt .txt', '/', 'a/'])}`,
    () => `dirname ${pick(rng, ['/a/b.txt', 'b.txt', '/', 'a/b/'])}`,
    () => `${pick(rng, ['true', 'false', 'nosuchcmd 2>/dev/null', '(exit 3)', 'sh -c "exit 5"'])}; echo rc=$?`,
    () => `echo ${word(rng)} > out.txt; cat out.txt`,
    () => `echo a >> out.txt; echo b >> out.txt; wc -l < out.txt`,
    () => `${pick(rng, FILTERS)} <<EOF\n${pick(rng, ['one two', 'x\ny\nz', '$v', 'b\na\nb'])}\nEOF`,
  ];
  return pick(rng, forms)();
}

function pipeline(rng: Rng): string {
  const parts = [simple(rng)];
  const extra = times(rng, 0, 2);
  for (let i = 0; i < extra; i++) parts.push(pick(rng, FILTERS));
  return parts.join(' | ');
}

function andOr(rng: Rng): string {
  let text = pipeline(rng);
  const extra = times(rng, 0, 2);
  for (let i = 0; i < extra; i++) text += ` ${pick(rng, ['&&', '||'])} ${pipeline(rng)}`;
  return text;
}

function compound(rng: Rng, depth: number): string {
  if (depth <= 0) return andOr(rng);
  const forms = [
    () => andOr(rng),
    () => `if ${testExpr(rng)}; then ${compound(rng, depth - 1)}; else ${compound(rng, depth - 1)}; fi`,
    () => `for i in ${words(rng, 1, 3)}; do ${compound(rng, depth - 1)}; done`,
    () => `w${depth}=0; while [ $w${depth} -lt ${times(rng, 0, 3)} ]; do ${compound(rng, depth - 1)}; w${depth}=$((w${depth}+1)); done`,
    () => `{ ${compound(rng, depth - 1)}; ${compound(rng, depth - 1)}; } 2>&1 | ${pick(rng, FILTERS)}`,
    () => `( ${compound(rng, depth - 1)} ); echo "sub=$?"`,
    () => `f() { ${compound(rng, depth - 1)}; }; f ${words(rng, 0, 2)}; echo "f=$?"`,
    () => `x=$( ${compound(rng, depth - 1)} ); echo "[$x]"`,
  ];
  return pick(rng, forms)();
}

/** One script for `seed`. */
export function generateScript(seed: number): string {
  const rng = mulberry32(seed);
  const statements = Array.from({ length: times(rng, 1, 4) }, () => compound(rng, 2));
  return `${PRELUDE}${statements.join('; ')}`;
}
