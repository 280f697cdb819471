import { compileGoTemplate, goJsonIndent } from './goTemplate';

/**
 * `docker image inspect [--format …] REF…`: a JSON array indented with four spaces (the CLI
 * runs json.Indent over the daemon's bytes, so Go's HTML escaping of `<`, `>`, `&` stays), "[]"
 * when nothing matched; with `--format`, the template once per object.
 */
export function formatInspect(objects: readonly unknown[], options: { readonly format?: string } = {}): string {
  if (options.format !== undefined && options.format !== '') {
    if (options.format === 'json') return JSON.stringify(objects).replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '\n';
    const t = compileGoTemplate(options.format);
    return objects.map((o) => t.execute(o) + '\n').join('');
  }
  if (objects.length === 0) return '[]\n';
  return goJsonIndent(objects) + '\n';
}
