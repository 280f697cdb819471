import { compileGoTemplate, goJsonCompact, type CompiledTemplate } from './goTemplate';
import { tabwrite } from './tabwriter';

/**
 * docker/cli `formatter.Context`: how one `--format` string turns row contexts into text.
 *  - "table …"  → the header row (each field replaced by its column name), then one line per row,
 *                  all through the tabwriter (minwidth 10, padding 3);
 *  - "json"     → `{{json .}}` per row;
 *  - otherwise  → the template per row, one line each, no header, tabs kept as tabs.
 * As in the CLI, the two characters `\t` and `\n` typed in a format are turned into a tab and a
 * newline, and spaces around the template are trimmed.
 */
export function renderCliFormat(format: string, rows: readonly object[], headers: Readonly<Record<string, string>>): string {
  return renderCliTable(format, rows, headers).text;
}

/** The same rendering, keeping the cells: what an HTML table of the same output needs. */
export interface CliTableRender {
  /** Exactly what the CLI prints. */
  readonly text: string;
  /** Column names when the format is a table, else undefined. */
  readonly header: readonly string[] | undefined;
  /** Cells per row, split at the template's tabs (one cell per row for non-table formats). */
  readonly cells: ReadonlyArray<readonly string[]>;
}

export function renderCliTable(format: string, rows: readonly object[], headers: Readonly<Record<string, string>>): CliTableRender {
  const isTable = format.startsWith('table');
  let body = format;
  if (isTable) body = body.slice('table'.length);
  else if (format === 'json') body = '{{json .}}';
  body = body.replace(/^ +| +$/g, '').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const tmpl = compileGoTemplate(body);
  const lines = rows.map((row) => tmpl.execute(row));
  const out = lines.map((l) => l + '\n').join('');
  if (!isTable) return Object.freeze({ text: out, header: undefined, cells: lines.map((l) => [l]) });
  const header = executeHeader(tmpl, headers);
  return Object.freeze({ text: tabwrite(header + '\n' + out), header: header.split('\t'), cells: lines.map((l) => l.split('\t')) });
}

/**
 * The header row: the CLI executes the same template on a map of field → column name, with the
 * template functions replaced by ones that just pass the name through (`json` yields nothing).
 */
function executeHeader(tmpl: CompiledTemplate, headers: Readonly<Record<string, string>>): string {
  const headerSource = tmpl.source
    .replace(/\{\{-?\s*json\s+[^}]*\}\}/g, '')
    .replace(/\{\{(-?\s*)(?:upper|lower|title)\s+(\.[\w.]*)\s*(-?)\}\}/g, '{{$1$2$3}}')
    .replace(/\{\{(-?\s*)(?:truncate|pad)\s+(\.[\w.]*)[^}]*?(-?)\}\}/g, '{{$1$2$3}}');
  const data = new Proxy(headers, {
    has: () => true,
    get: (t, k) => (typeof k === 'string' ? (t[k] ?? '') : undefined),
  });
  return compileGoTemplate(headerSource).execute(data);
}

/** `{{json .}}` of a row context: the CLI marshals every field of the context, keys sorted. */
export function contextJson(fields: Readonly<Record<string, string>>): string {
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(fields).sort()) sorted[k] = fields[k]!;
  return goJsonCompact(sorted);
}

/** docker/cli `formatter.TruncateID`: drop the algorithm prefix, keep 12 characters. */
export function truncateId(id: string): string {
  const colon = id.indexOf(':');
  const hex = colon >= 0 ? id.slice(colon + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}
