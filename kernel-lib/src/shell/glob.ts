/**
 * Pattern matching notation (XCU §2.13): `*`, `?`, bracket expressions `[a-z]`, `[!x]`, `[[:digit:]]`,
 * and backslash-quoted characters. Used for pathname expansion (`rm -rf /var/lib/apt/lists/*`),
 * `case` patterns and `${x#pattern}`. In a pattern string handed to these functions, a character
 * that was quoted in the source is preceded by a backslash.
 */
import type { FileSystem } from '../unionfs/FileSystem';
import { joinPath } from './paths';

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** The regular-expression source for a pattern (unanchored). */
export function patternSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i] as string);
    } else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const bracket = readBracket(pattern, i);
      if (bracket === undefined) out += '\\[';
      else {
        out += bracket.source;
        i = bracket.end;
      }
    } else out += escapeRegex(c);
  }
  return out;
}

/** `[…]` starting at `open`; undefined when it is not closed (then `[` is an ordinary character). */
function readBracket(pattern: string, open: number): { source: string; end: number } | undefined {
  let i = open + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i += 1;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const cls = close < 0 ? undefined : CLASSES[pattern.slice(i + 2, close)];
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    if (c === '\\' && i + 1 < pattern.length) {
      body += `\\${pattern[++i] as string}`;
      continue;
    }
    if (c === '-' && body !== '' && pattern[i + 1] !== ']') {
      body += '-';
      continue;
    }
    body += c === ']' || c === '\\' || c === '^' || c === '-' || c === '[' ? `\\${c}` : c;
  }
  return undefined;
}

/** True when `text` matches the whole `pattern`. */
export function matchPattern(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${patternSource(pattern)})$`).test(text);
}

/** True when the pattern has an unquoted `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i += 1;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/**
 * Pathname expansion (§2.13.3): the existing paths matching `pattern`, sorted bytewise as busybox
 * does in the C locale; an empty list when nothing matches (the caller then keeps the word).
 * A leading `.` in a name must be matched explicitly. `cwd` resolves relative patterns, and the
 * results stay relative when the pattern was.
 */
export function expandPathname(fs: FileSystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => !(i === 0 && c === ''));
  // Each candidate: [the path as it will be printed, the absolute path to look up].
  let candidates: [string, string][] = [[absolute ? '/' : '', absolute ? '/' : cwd]];
  for (let index = 0; index < components.length; index++) {
    const component = components[index] as string;
    const last = index === components.length - 1;
    const next: [string, string][] = [];
    for (const [shown, real] of candidates) {
      const prefix = shown === '' ? '' : shown.endsWith('/') ? shown : `${shown}/`;
      if (component === '') {
        // a trailing slash: keep only directories
        if (isDir(fs, real)) next.push([`${prefix}`, real]);
        continue;
      }
      if (!hasGlobChars(component)) {
        const name = unescapePattern(component);
        const path = joinPath(real, name);
        if (last ? fs.exists(path) || isSymlink(fs, path) : isDir(fs, path)) next.push([`${prefix}${name}`, path]);
        continue;
      }
      if (!isDir(fs, real)) continue;
      const regex = new RegExp(`^(?:${patternSource(component)})$`);
      const dotOk = component.startsWith('.') || component.startsWith('\\.');
      for (const name of fs.readdir(real)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!regex.test(name)) continue;
        const path = joinPath(real, name);
        if (!last && !isDir(fs, path)) continue;
        next.push([`${prefix}${name}`, path]);
      }
    }
    candidates = next;
    if (candidates.length === 0) return [];
  }
  return candidates.map(([shown]) => shown).sort(compareBytes);
}

function isDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}

function isSymlink(fs: FileSystem, path: string): boolean {
  try {
    return fs.lstat(path).kind === 'symlink';
  } catch {
    return false;
  }
}

export function compareBytes(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
