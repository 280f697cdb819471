import { describe, expect, test } from 'vitest';
import { humanSize, humanSizeWithPrecision, dockerSize } from '../../../../kernel-lib/src/view/cli/humanSize';
import { humanDuration } from '../../../../kernel-lib/src/view/cli/humanDuration';
import { goFormatG } from '../../../../kernel-lib/src/view/cli/goFloat';
import { displayWidth, ellipsis } from '../../../../kernel-lib/src/view/cli/displayWidth';
import { tabwrite } from '../../../../kernel-lib/src/view/cli/tabwriter';

describe('go-units sizes (size_test.go vectors)', () => {
  test('HumanSize', () => {
    expect(humanSize(1000)).toBe('1kB');
    expect(humanSize(1024)).toBe('1.024kB');
    expect(humanSize(1000000)).toBe('1MB');
    expect(humanSize(1048576)).toBe('1.049MB');
    expect(humanSize(2 * 1000 * 1000)).toBe('2MB');
    expect(humanSize(3.42 * 1e9)).toBe('3.42GB');
    expect(humanSize(5.372 * 1e12)).toBe('5.372TB');
    expect(humanSize(2.22 * 1e15)).toBe('2.22PB');
    expect(humanSize(10000000000000 * 1e15)).toBe('1e+04YB');
  });
  test('precision 3, as docker images/history print', () => {
    expect(dockerSize(182964289)).toBe('183MB'); // formatter_history_test.go
    expect(dockerSize(0)).toBe('0B');
    expect(dockerSize(45)).toBe('45B');
    expect(dockerSize(72_800_000)).toBe('72.8MB');
    expect(dockerSize(7_040_000)).toBe('7.04MB');
    expect(dockerSize(993_000_000)).toBe('993MB');
    expect(dockerSize(1_200)).toBe('1.2kB');
    expect(dockerSize(999_600)).toBe('1e+03kB'); // Go's %g switches to an exponent when rounding carries
    expect(humanSizeWithPrecision(72_250_000, 3)).toBe('72.2MB'); // exact tie → half to even, as Go
    expect(humanSizeWithPrecision(72_350_000, 3)).toBe('72.3MB'); // 72.35 is below the tie as a double
  });
  test('Go %g rules', () => {
    expect(goFormatG(100, 3)).toBe('100');
    expect(goFormatG(0.5, 3)).toBe('0.5');
    expect(goFormatG(1.25, 2)).toBe('1.2'); // exact tie, even
    expect(goFormatG(1.05, 2)).toBe('1.1'); // 1.05 is 1.05000…044 as a double
    expect(goFormatG(123456, 3)).toBe('1.23e+05');
  });
});

describe('go-units HumanDuration (duration_test.go vectors)', () => {
  const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h, w = 7 * d, mo = 30 * d, y = 365 * d;
  const cases: Array<[number, string]> = [
    [450, 'Less than a second'], [1 * s, '1 second'], [45 * s, '45 seconds'], [59 * s, '59 seconds'],
    [60 * s, 'About a minute'], [3 * m, '3 minutes'], [35 * m + 40 * s, '35 minutes'], [45 * m, '45 minutes'],
    [46 * m, '46 minutes'], [59 * m, '59 minutes'], [1 * h, 'About an hour'], [1 * h + 29 * m, 'About an hour'],
    [1 * h + 31 * m, '2 hours'], [3 * h + 29 * m, '3 hours'], [3 * h + 31 * m, '4 hours'], [24 * h, '24 hours'],
    [1 * d + 12 * h, '36 hours'], [2 * d, '2 days'], [13 * d + 5 * h, '13 days'], [2 * w, '2 weeks'],
    [4 * w + 3 * d, '4 weeks'], [1 * mo, '4 weeks'], [1 * mo + 2 * w, '6 weeks'], [2 * mo, '2 months'],
    [5 * mo + 2 * w, '5 months'], [24 * mo, '24 months'], [24 * mo + 2 * w, '2 years'], [3 * y + 2 * mo, '3 years'],
  ];
  test.each(cases)('%d ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('display width and ellipsis (docker/cli displayutils)', () => {
  test('Hangul and CJK are two columns wide', () => {
    expect(displayWidth('레이어')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
  });
  test('Ellipsis keeps max-1 columns then …', () => {
    expect(ellipsis('abcdefg', 5)).toBe('abcd…');
    expect(ellipsis('abc', 5)).toBe('abc');
    expect(ellipsis('한국어텍스트', 5)).toBe('한국…');
    expect(ellipsis('abc', 1)).toBe('a');
  });
});

describe('tabwriter (Go elastic tabstops, minwidth 10, padding 3)', () => {
  test('the last cell of a line is not padded; empty cells are', () => {
    expect(tabwrite('A\tB\tC\nlonger-cell\t\tx\n')).toBe(`A${' '.repeat(13)}B${' '.repeat(9)}C\nlonger-cell${' '.repeat(3 + 10)}x\n`);
  });
  test('a column block ends at a line without that cell', () => {
    expect(tabwrite('a\tb\nno tabs here\nccccccccccccc\td\n')).toBe('a         b\nno tabs here\nccccccccccccc   d\n');
  });
  test('wide characters count double', () => {
    expect(tabwrite('이름\tx\n')).toBe('이름      x\n');
  });
});
