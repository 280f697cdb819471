/**
 * `.dockerignore` pattern matching with moby/patternmatcher's rules (the library the docker CLI,
 * buildx and BuildKit's fsutil use):
 *
 * - `*` matches any run of characters except `/`, `?` one such character, `[…]` a class,
 *   `\` escapes the next character;
 * - a double star matches any number of path segments, zero included: with it in front, `foo`
 *   matches `foo` and `a/b/foo`; after `dir/` it matches everything below `dir` (not `dir`
 *   itself); alone it matches everything;
 * - the regular-expression characters `.+()|{}$` are literal;
 * - a pattern also matches a path when it matches one of the path's parent directories
 *   (`docs` excludes `docs/README.md`), which is why `docs` + `!docs/README.md` re-includes it;
 * - patterns apply in order and the last one that matches decides (`!` re-includes).
 */
import { LayerlabError } from '../errors/LayerlabError';

export class DockerignorePatternError extends LayerlabError {
  constructor(pattern: string, problem: string) {
    super('DockerignorePattern', `.dockerignore: ${problem} in pattern ${JSON.stringify(pattern)} — fix: close every [ with ] and write ! only before a pattern`, {
      data: { pattern, problem },
      hint: `.dockerignore의 패턴 "${pattern}"이(가) 잘못되었습니다. [ 는 ] 로 닫아야 하고, ! 뒤에는 패턴이 와야 합니다.`,
    });
  }
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface CompiledPattern {
  /** The cleaned pattern, without `!`. */
  readonly pattern: string;
  /** `!pattern`: a match re-includes the path. */
  readonly exclusion: boolean;
  readonly matchType: MatchType;
  test(path: string): boolean;
}

const LITERAL_SPECIALS = new Set([...'.+()|{}$']);

/** Go's `filepath.Clean` for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** The syntax check `filepath.Match(pattern, ".")` performs: classes must be well formed. */
function checkSyntax(pattern: string): void {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '[') continue;
    let j = i + 1;
    if (pattern[j] === '^') j++;
    let ranges = 0;
    for (;;) {
      if (j >= pattern.length) throw new DockerignorePatternError(pattern, 'syntax error in pattern');
      if (pattern[j] === ']' && ranges > 0) break;
      const lo = pattern[j];
      if (lo === '-' || lo === ']') throw new DockerignorePatternError(pattern, 'syntax error in pattern');
      j += lo === '\\' ? 2 : 1;
      if (pattern[j] === '-') {
        const hi = pattern[j + 1];
        if (hi === undefined || hi === ']' || hi === '-') throw new DockerignorePatternError(pattern, 'syntax error in pattern');
        j += hi === '\\' ? 3 : 2;
      }
      ranges++;
    }
    i = j;
  }
}

function escapeRegexChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

/** Compiles one cleaned pattern as patternmatcher does: exact, prefix (trailing double star), suffix (leading double star) or regexp. */
export function compilePattern(pattern: string, exclusion: boolean): CompiledPattern {
  checkSyntax(pattern);
  let regex = '^';
  let type: MatchType = 'exact';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        const start = i;
        i++;
        if (chars[i + 1] === '/') i++; // `**/` is treated as `**`
        if (i + 1 >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            regex += '.*';
            type = 'regexp';
          }
        } else {
          regex += '(.*/)?';
          type = 'regexp';
        }
        // A pattern starting with `**` matches by suffix.
        if (start === 0) type = 'suffix';
      } else {
        regex += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      regex += '[^/]';
      type = 'regexp';
    } else if (LITERAL_SPECIALS.has(ch)) {
      regex += '\\' + ch;
    } else if (ch === '\\') {
      if (i + 1 < chars.length) {
        regex += escapeRegexChar(chars[++i] as string);
        type = 'regexp';
      } else regex += '\\\\';
    } else if (ch === '[' || ch === ']') {
      regex += ch;
      type = 'regexp';
    } else {
      regex += ch;
    }
  }
  const re = type === 'regexp' ? new RegExp(regex + '$', 'u') : undefined;
  const test = (path: string): boolean => {
    switch (type) {
      case 'exact':
        return path === pattern;
      case 'prefix':
        return path.startsWith(pattern.slice(0, -2));
      case 'suffix': {
        const suffix = pattern.slice(2);
        if (path.endsWith(suffix)) return true;
        return suffix.startsWith('/') && path === suffix.slice(1);
      }
      case 'regexp':
        return (re as RegExp).test(path);
    }
  };
  return Object.freeze({ pattern, exclusion, matchType: type, test });
}

export interface IgnoreDecision {
  readonly excluded: boolean;
  /** The pattern (with `!` if an exception) that decided, undefined when none matched. */
  readonly decidedBy: string | undefined;
}

/** An ordered list of patterns; `matches(path)` is patternmatcher's MatchesOrParentMatches. */
export class DockerignoreMatcher {
  readonly patterns: readonly CompiledPattern[];

  constructor(patterns: readonly string[]) {
    const compiled: CompiledPattern[] = [];
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) throw new DockerignorePatternError('!', 'illegal exclusion pattern: "!"');
        exclusion = true;
        p = p.slice(1);
      }
      compiled.push(compilePattern(p, exclusion));
    }
    this.patterns = Object.freeze(compiled);
  }

  /** Whether `path` (relative to the context root, `/`-separated) is excluded, and by which pattern. */
  decide(path: string): IgnoreDecision {
    const file = cleanPath(path);
    if (file === '.') return { excluded: false, decidedBy: undefined };
    const slash = file.lastIndexOf('/');
    const parentDirs = slash < 0 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    let decidedBy: string | undefined;
    for (const pattern of this.patterns) {
      // An exclusion can only undo a match, an inclusion only make one.
      if (pattern.exclusion !== matched) continue;
      let match = pattern.test(file);
      for (let i = 0; !match && i < parentDirs.length; i++) match = pattern.test(parentDirs.slice(0, i + 1).join('/'));
      if (match) {
        matched = !pattern.exclusion;
        decidedBy = (pattern.exclusion ? '!' : '') + pattern.pattern;
      }
    }
    return { excluded: matched, decidedBy };
  }

  matches(path: string): boolean {
    return this.decide(path).excluded;
  }
}
