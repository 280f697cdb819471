/**
 * POSIX regular expressions (XBD §9) for sed, grep and expr, translated into JavaScript RegExp
 * source. Basic REs (BRE) write grouping and repetition as `\(\)`, `\{\}` and treat `+ ? | ( ) { }`
 * as ordinary characters (GNU's `\+ \? \|` are accepted as busybox's regcomp does); extended REs
 * (ERE, `-E`/`-r`) write them bare. Bracket expressions take character classes (`[[:digit:]]`), and
 * a backslash inside brackets is an ordinary character.
 *
 * Simplified: JavaScript alternation is leftmost-first where POSIX is leftmost-longest; it matters
 * only for alternations whose branches are prefixes of one another.
 */

const CLASS_SOURCE: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

export class RegexSyntaxError extends Error {}

/** Translates a bracket expression starting at `open`; returns the JS source and the index of `]`. */
function bracket(re: string, open: number): { source: string; end: number } {
  let i = open + 1;
  let out = '[';
  if (re[i] === '^') {
    out += '^';
    i += 1;
  }
  if (re[i] === ']') {
    out += '\\]';
    i += 1;
  }
  for (; i < re.length; i++) {
    const c = re[i] as string;
    if (c === ']') return { source: `${out}]`, end: i };
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '.' || re[i + 1] === '=')) {
      const kind = re[i + 1] as string;
      const close = re.indexOf(`${kind}]`, i + 2);
      if (close < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
      const name = re.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASS_SOURCE[name];
        if (cls === undefined) throw new RegexSyntaxError('Invalid character class name');
        out += cls;
      } else out += name.replace(/[\\\]^-]/g, '\\$&');
      i = close + 1;
      continue;
    }
    if (c === '\\' || c === '[' || (c === '^' && out !== '[')) out += `\\${c}`;
    else out += c;
  }
  throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
}

/** JavaScript RegExp source for a POSIX BRE (`extended` false) or ERE. */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let atStart = true; // where `*` is an ordinary character (BRE)
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    const wasStart = atStart;
    atStart = false;
    if (c === '\\') {
      const n = re[i + 1];
      i += 1;
      if (n === undefined) throw new RegexSyntaxError('Trailing backslash');
      if (!extended && n === '(') {
        out += '(';
        depth += 1;
        atStart = true;
      } else if (!extended && n === ')') {
        out += ')';
        depth -= 1;
      } else if (!extended && (n === '{' || n === '}' || n === '+' || n === '?')) out += n;
      else if (!extended && n === '|') {
        out += '|';
        atStart = true;
      } else if (/[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if (n === 'w' || n === 'W' || n === 's' || n === 'S' || n === 'b' || n === 'B') out += `\\${n}`;
      else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else out += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
      continue;
    }
    if (c === '[') {
      const b = bracket(re, i);
      out += b.source;
      i = b.end;
      continue;
    }
    if (c === '*') {
      out += wasStart ? '\\*' : '*';
      continue;
    }
    if (c === '^') {
      out += extended || wasStart ? '^' : '\\^';
      atStart = true;
      continue;
    }
    if (c === '$') {
      const end = i === re.length - 1 || (!extended && re.startsWith('\\)', i + 1)) || (!extended && re.startsWith('\\|', i + 1));
      out += extended || end ? '$' : '\\$';
      continue;
    }
    if ('(){}+?|'.includes(c)) {
      if (!extended) out += `\\${c}`;
      else {
        if (c === '(') {
          depth += 1;
          atStart = true;
        } else if (c === ')') depth -= 1;
        else if (c === '|') atStart = true;
        else if (c === '{' && !/^\{\d+(,\d*)?\}/.test(re.slice(i))) {
          out += '\\{';
          continue;
        }
        out += c;
      }
      continue;
    }
    out += /[/.]/.test(c) ? (c === '.' ? '.' : '\\/') : c;
  }
  if (depth !== 0) throw new RegexSyntaxError(depth > 0 ? 'Unmatched ( or \\(' : 'Unmatched ) or \\)');
  return out;
}

/** A RegExp for a POSIX pattern; `flags` adds "g", "i" … */
export function compilePosix(re: string, extended: boolean, flags = ''): RegExp {
  const source = posixToJs(re, extended);
  try {
    return new RegExp(source, flags);
  } catch {
    throw new RegexSyntaxError('Invalid regular expression');
  }
}
