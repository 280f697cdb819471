import { LayerlabError } from '../../errors/LayerlabError';

/**
 * The part of Go's text/template (plus the docker CLI's template functions, cli/templates) that
 * `--format` strings use in the lessons: `{{.Field}}`, `{{.A.B}}`, `{{.}}`, `{{json .X}}`,
 * `{{upper/lower/title .X}}`, `{{truncate .X n}}`, `{{pad .X l r}}`, `{{join .X ","}}`,
 * `{{split .X ","}}`, `{{println …}}`, `{{len .X}}`, pipes `{{.X | json}}`, `{{if}}…{{else}}…{{end}}`,
 * `{{range .X}}…{{end}}` and the `{{-`/`-}}` trim markers. Anything else is refused with an error
 * naming what is supported — never silently printed.
 */
export class FormatTemplateError extends LayerlabError {
  constructor(message: string, template: string) {
    super('FORMAT_TEMPLATE', message, {
      data: { template },
      hint: '--format 템플릿을 확인하세요. 지원: {{.필드}}, {{json .}}, {{if}}…{{end}}, {{range}}…{{end}}, upper/lower/title/truncate/pad/join/split/len/println, table 접두어.',
    });
  }
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline; src: string }
  | { kind: 'if'; pipe: Pipeline; then: Node[]; else: Node[] }
  | { kind: 'range'; pipe: Pipeline; body: Node[]; else: Node[] };

type Arg = { kind: 'field'; path: string[] } | { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'call'; name: string; args: Arg[] };
type Pipeline = Arg[]; // each stage a call or a value; later stages get the previous value appended

/** A value a template can read fields from: a plain object, or one whose getters compute fields. */
export type TemplateData = unknown;

export interface CompiledTemplate {
  readonly source: string;
  execute(data: TemplateData): string;
}

const FUNCS = new Set(['json', 'upper', 'lower', 'title', 'truncate', 'pad', 'join', 'split', 'println', 'print', 'len']);

export function compileGoTemplate(source: string): CompiledTemplate {
  const tokens = lex(source);
  let pos = 0;
  function parseList(stopAt: ReadonlyArray<string>): { nodes: Node[]; stop: string } {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++]!;
      if (t.kind === 'text') { nodes.push({ kind: 'text', text: t.text }); continue; }
      const body = t.text;
      const word = body.split(/\s+/)[0] ?? '';
      if (stopAt.includes(word)) return { nodes, stop: word };
      if (word === 'if' || word === 'range') {
        const pipe = parsePipeline(body.slice(word.length).trim(), source);
        const inner = parseList(['else', 'end']);
        let elseNodes: Node[] = [];
        if (inner.stop === 'else') elseNodes = parseList(['end']).nodes;
        if (word === 'if') nodes.push({ kind: 'if', pipe, then: inner.nodes, else: elseNodes });
        else nodes.push({ kind: 'range', pipe, body: inner.nodes, else: elseNodes });
        continue;
      }
      if (word === 'end' || word === 'else') throw new FormatTemplateError(`template: :1: unexpected {{${word}}}`, source);
      if (['with', 'define', 'template', 'block'].includes(word)) {
        throw new FormatTemplateError(`template action {{${word}}} is not supported by this model; use fields, if, range and the docker template functions`, source);
      }
      nodes.push({ kind: 'action', pipe: parsePipeline(body, source), src: body });
    }
    if (stopAt.length > 0) throw new FormatTemplateError(`template: :1: unexpected EOF (missing {{end}})`, source);
    return { nodes, stop: '' };
  }
  const { nodes } = parseList([]);
  return Object.freeze({
    source,
    execute(data: TemplateData): string {
      return run(nodes, data, source);
    },
  });
}

function lex(source: string): Array<{ kind: 'text' | 'action'; text: string }> {
  const out: Array<{ kind: 'text' | 'action'; text: string }> = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) { out.push({ kind: 'text', text: source.slice(i) }); break; }
    let text = source.slice(i, open);
    const close = source.indexOf('}}', open + 2);
    if (close < 0) throw new FormatTemplateError(`template: :1: unclosed action`, source);
    let body = source.slice(open + 2, close);
    if (body.startsWith('- ')) { text = text.replace(/\s+$/, ''); body = body.slice(2); }
    let trimRight = false;
    if (body.endsWith(' -')) { trimRight = true; body = body.slice(0, -2); }
    if (text) out.push({ kind: 'text', text });
    out.push({ kind: 'action', text: body.trim() });
    i = close + 2;
    if (trimRight) while (i < source.length && /\s/.test(source[i]!)) i++;
  }
  return out;
}

function parsePipeline(text: string, source: string): Pipeline {
  return text.split('|').map((stage) => parseCommand(stage.trim(), source));
}

function parseCommand(text: string, source: string): Arg {
  const words = splitWords(text, source);
  if (words.length === 0) throw new FormatTemplateError(`template: :1: missing value for command`, source);
  const first = words[0]!;
  if (FUNCS.has(first)) return { kind: 'call', name: first, args: words.slice(1).map((w) => parseArg(w, source)) };
  if (words.length > 1) throw new FormatTemplateError(`template: :1: can't give argument to non-function ${first}`, source);
  if (/^[A-Za-z_]\w*$/.test(first)) throw new FormatTemplateError(`template: :1: function "${first}" not defined`, source);
  return parseArg(first, source);
}

function parseArg(w: string, source: string): Arg {
  if (w === '.') return { kind: 'field', path: [] };
  if (w.startsWith('.')) return { kind: 'field', path: w.slice(1).split('.') };
  if (w.startsWith('"')) return { kind: 'string', value: JSON.parse(w) as string };
  if (w.startsWith('`')) return { kind: 'string', value: w.slice(1, -1) };
  if (/^-?\d+$/.test(w)) return { kind: 'number', value: Number(w) };
  throw new FormatTemplateError(`template: :1: unexpected "${w}" in command`, source);
}

function splitWords(text: string, source: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) { i++; continue; }
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new FormatTemplateError('template: :1: unterminated quoted string', source);
      words.push(text.slice(i, j + 1));
      i = j + 1;
    } else if (text[i] === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) throw new FormatTemplateError('template: :1: unterminated raw quoted string', source);
      words.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]!)) j++;
      words.push(text.slice(i, j));
      i = j;
    }
  }
  return words;
}

function typeName(data: unknown): string {
  if (data !== null && typeof data === 'object') {
    const tn = (data as { readonly goTypeName?: unknown }).goTypeName;
    if (typeof tn === 'string') return tn;
  }
  return typeof data;
}

function field(data: unknown, path: string[], source: string, src: string): unknown {
  let cur: unknown = data;
  for (const name of path) {
    if (cur instanceof Map) { cur = cur.get(name); continue; }
    if (cur === null || typeof cur !== 'object' || !(name in (cur as object))) {
      throw new FormatTemplateError(
        `template: :1:${Math.max(1, source.indexOf(src) + 2)}: executing "" at <.${path.join('.')}>: can't evaluate field ${name} in type ${typeName(cur)}`,
        source,
      );
    }
    const v = (cur as Record<string, unknown>)[name];
    cur = typeof v === 'function' ? (v as () => unknown).call(cur) : v;
  }
  return cur;
}

function evalArg(a: Arg, data: unknown, source: string, src: string, piped?: { value: unknown }): unknown {
  switch (a.kind) {
    case 'field': return field(data, a.path, source, src);
    case 'string': case 'number': return a.value;
    case 'call': {
      const args = a.args.map((x) => evalArg(x, data, source, src));
      if (piped) args.push(piped.value);
      return callFunc(a.name, args, source);
    }
  }
}

function evalPipeline(p: Pipeline, data: unknown, source: string, src: string): unknown {
  let value: { value: unknown } | undefined;
  for (const stage of p) {
    if (value !== undefined && stage.kind !== 'call') throw new FormatTemplateError('template: :1: non-function in pipeline stage', source);
    value = { value: evalArg(stage, data, source, src, value) };
  }
  return value?.value;
}

function callFunc(name: string, args: unknown[], source: string): unknown {
  const s = (v: unknown): string => goPrint(v);
  switch (name) {
    case 'json': return goJsonCompact(args[0]);
    case 'upper': return s(args[0]).toUpperCase();
    case 'lower': return s(args[0]).toLowerCase();
    case 'title': return s(args[0]).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
    case 'truncate': {
      const str = Array.from(s(args[0]));
      const n = Number(args[1]);
      return str.length > n ? str.slice(0, n).join('') : str.join('');
    }
    case 'pad': return ' '.repeat(Number(args[1])) + s(args[0]) + ' '.repeat(Number(args[2]));
    case 'join': return Array.isArray(args[0]) ? (args[0] as unknown[]).map(s).join(s(args[1])) : s(args[0]);
    case 'split': return s(args[0]).split(s(args[1]));
    case 'len': return Array.isArray(args[0]) ? args[0].length : args[0] instanceof Map ? args[0].size : s(args[0]).length;
    case 'println': return args.map(s).join(' ') + '\n';
    case 'print': return args.map(s).join('');
    default: throw new FormatTemplateError(`template: :1: function "${name}" not defined`, source);
  }
}

/** How text/template prints a value: strings raw, slices as [a b], maps as map[k:v], nil as <no value>. */
export function goPrint(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return '[' + v.map(goPrint).join(' ') + ']';
  if (v instanceof Map) return 'map[' + [...v.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${k}:${goPrint(x)}`).join(' ') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.toString === 'function' && o.toString !== Object.prototype.toString) return String(o);
    return '{' + Object.values(o).map(goPrint).join(' ') + '}';
  }
  return String(v);
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

function run(nodes: Node[], data: unknown, source: string): string {
  let out = '';
  for (const n of nodes) {
    switch (n.kind) {
      case 'text': out += n.text; break;
      case 'action': out += goPrint(evalPipeline(n.pipe, data, source, n.src)); break;
      case 'if': out += run(truthy(evalPipeline(n.pipe, data, source, 'if')) ? n.then : n.else, data, source); break;
      case 'range': {
        const v = evalPipeline(n.pipe, data, source, 'range');
        const items = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : v && typeof v === 'object' ? Object.values(v) : [];
        if (items.length === 0) out += run(n.else, data, source);
        for (const item of items) out += run(n.body, item, source);
        break;
      }
    }
  }
  return out;
}

/** JSON as Go's encoding/json writes it: compact, `<`, `>`, `&`, U+2028/9 escaped. */
export function goJsonCompact(v: unknown): string {
  return escapeGoHtml(JSON.stringify(toJsonable(v)) ?? 'null');
}

/** JSON indented with 4 spaces, as `docker inspect` prints (json.Indent over the daemon's bytes). */
export function goJsonIndent(v: unknown, indent = '    '): string {
  return escapeGoHtml(JSON.stringify(toJsonable(v), null, indent) ?? 'null');
}

function toJsonable(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v.entries()].map(([k, x]) => [k, toJsonable(x)]));
  if (Array.isArray(v)) return v.map(toJsonable);
  if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) o[k] = toJsonable((v as Record<string, unknown>)[k]);
    // Template contexts expose computed fields as getters; JSON of them follows Go's MarshalJSON of the context.
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto && proto !== Object.prototype) {
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
        if (d.get && /^[A-Z]/.test(k)) o[k] = toJsonable((v as Record<string, unknown>)[k]);
      }
    }
    return o;
  }
  return v;
}

function escapeGoHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
