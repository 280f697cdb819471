/**
 * The few Go fmt renderings BuildKit's history and progress text use: `%q` and `%v` of a string
 * slice, `%q` of an int (a quoted rune!), and go-units' HumanSize.
 */
import { goQuote } from '../dockerfile/lineParsers';

/** `fmt.Sprintf("%q", []string{…})` → `["a" "b"]`. */
export function goQuoteList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** `fmt.Sprintf("%v", []string{…})` → `[a b]`. */
export function goValueList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** `fmt.Sprintf("%q", n)` for an int: strconv.QuoteRune (`'\x03'`, `'A'`). */
export function goQuoteRune(n: number): string {
  if (n >= 0x20 && n < 0x7f) return n === 0x27 ? "'\\''" : n === 0x5c ? "'\\\\'" : `'${String.fromCharCode(n)}'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[n] !== undefined) return `'${named[n]}'`;
  if (n < 0x80) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  if (n <= 0xffff) return `'\\u${n.toString(16).padStart(4, '0')}'`;
  return `'\\U${n.toString(16).padStart(8, '0')}'`;
}

/** go-units HumanSize: decimal units, 4 significant digits ("152B", "1.234kB", "7.04MB"). */
export function goHumanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(4))}${units[i] as string}`;
}
