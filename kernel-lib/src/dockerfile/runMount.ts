/**
 * `RUN --mount=…` options, as BuildKit reads them (frontend/dockerfile/instructions
 * commands_runmount.go): a CSV list of `key=value` fields (`ro`/`rw`/`required` may stand alone),
 * type bind by default. Values may hold `$VAR`; the builder re-parses with an expander once the
 * build args are known.
 */
import { DockerfileSyntaxError } from './DockerfileError';
import type { RunMount, RunMountType } from './instructions';
import { suggestNearest } from './suggest';

const MOUNT_TYPES: readonly RunMountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'] as const;
const KEYS = [
  'type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'rw', 'readwrite',
  'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'env', 'size',
];

export interface MountContext {
  readonly line: number;
  readonly endLine: number;
}

/** Splits one CSV record as Go's encoding/csv does (commas; "quoted, fields" with "" escapes). */
export function splitCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      continue;
    }
    field += ch;
    atFieldStart = false;
  }
  fields.push(field);
  return fields;
}

function fail(context: MountContext, problem: string, fix: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError({
    line: context.line,
    endLine: context.endLine,
    problem,
    fix,
    hint: `${context.line}번째 줄 RUN --mount 옵션이 잘못되었습니다. 예: --mount=type=cache,target=/root/.npm`,
    instruction: 'RUN',
  });
}

function parseBool(context: MountContext, key: string, value: string): boolean {
  const lower = value.toLowerCase();
  if (['1', 't', 'true'].includes(lower)) return true;
  if (['0', 'f', 'false'].includes(lower)) return false;
  throw fail(context, `invalid value for ${key}: ${value}`, `write ${key}=true or ${key}=false`);
}

function parseUint(context: MountContext, key: string, value: string, radix: 8 | 10): number {
  const valid = radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(value)) throw fail(context, `invalid value ${value} for ${key}`, `give ${key} as a${radix === 8 ? 'n octal' : ''} number, e.g. ${radix === 8 ? '0755' : '1000'}`);
  return parseInt(value, radix);
}

/**
 * Parses one `--mount` value. `expand` substitutes variables in each value (the builder passes
 * one); without it, values holding `$` are kept as written and only checked later.
 */
export function parseRunMount(spec: string, context: MountContext, expand?: (value: string) => string): RunMount {
  let type: RunMountType = 'bind';
  let from: string | undefined;
  let source: string | undefined;
  let target: string | undefined;
  let readOnly: boolean | undefined;
  let id: string | undefined;
  let sharing: RunMount['sharing'];
  let required = false;
  let mode: number | undefined;
  let uid: number | undefined;
  let gid: number | undefined;
  let env: string | undefined;
  for (const field of splitCsvRecord(spec)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') {
        readOnly = true;
        continue;
      }
      if (key === 'readwrite' || key === 'rw') {
        readOnly = false;
        continue;
      }
      if (key === 'required' && (type === 'secret' || type === 'ssh')) {
        required = true;
        continue;
      }
      if (key === 'required') throw fail(context, `unexpected key '${key}' for mount type '${type}'`, 'use required only with type=secret or type=ssh');
      throw fail(context, `invalid field '${field}' must be a key=value pair`, 'write each mount option as key=value, separated by commas');
    }
    let value = field.slice(eq + 1);
    if (key === 'from' && expand === undefined && /\$./.test(value)) {
      throw fail(context, `'from' doesn't support variable expansion, define alias stage instead`, 'add a stage FROM ${VAR} AS alias and mount from=alias');
    }
    if (expand !== undefined) value = expand(value);
    else if (value.includes('$') && key !== 'from') continue; // checked again once expanded
    switch (key) {
      case 'type': {
        const lower = value.toLowerCase();
        if (!(MOUNT_TYPES as readonly string[]).includes(lower)) {
          const near = suggestNearest(lower, MOUNT_TYPES);
          throw fail(context, `unsupported mount type ${JSON.stringify(value)}${near === undefined ? '' : ` (did you mean ${near}?)`}`, `use one of ${MOUNT_TYPES.join(', ')}`);
        }
        type = lower as RunMountType;
        break;
      }
      case 'from':
        from = value;
        break;
      case 'source':
      case 'src':
        source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = value;
        break;
      case 'readonly':
      case 'ro':
        readOnly = parseBool(context, key, value);
        break;
      case 'readwrite':
      case 'rw':
        readOnly = !parseBool(context, key, value);
        break;
      case 'required':
        if (type !== 'secret' && type !== 'ssh') throw fail(context, `unexpected key '${key}' for mount type '${type}'`, 'use required only with type=secret or type=ssh');
        required = parseBool(context, key, value);
        break;
      case 'id':
        id = value;
        break;
      case 'sharing': {
        const lower = value.toLowerCase();
        if (!(SHARING as readonly string[]).includes(lower)) throw fail(context, `unsupported sharing value ${JSON.stringify(value)}`, 'use sharing=shared, private or locked');
        sharing = lower as RunMount['sharing'];
        break;
      }
      case 'mode':
        mode = parseUint(context, key, value, 8);
        break;
      case 'uid':
        uid = parseUint(context, key, value, 10);
        break;
      case 'gid':
        gid = parseUint(context, key, value, 10);
        break;
      case 'env':
        env = value;
        break;
      case 'size':
        break; // tmpfs size: accepted, nothing to model
      default: {
        const near = suggestNearest(key, KEYS);
        throw fail(context, `unexpected key '${key}' in '${field}'${near === undefined ? '' : ` (did you mean ${near}?)`}`, `use the mount options ${KEYS.slice(0, 8).join(', ')} …`);
      }
    }
  }
  const fileInfoAllowed = type === 'secret' || type === 'ssh' || type === 'cache';
  for (const [name, value] of [['mode', mode], ['uid', uid], ['gid', gid]] as const) {
    if (value !== undefined && !fileInfoAllowed) throw fail(context, `${name} not allowed for ${JSON.stringify(type)} type mounts`, `remove ${name}=`);
  }
  if (sharing !== undefined && type !== 'cache') throw fail(context, `invalid cache sharing set for ${type} mount`, 'use sharing= only with type=cache');
  if (type === 'secret') {
    if (from !== undefined) throw fail(context, 'secret mount should not have a from', 'remove from=');
    if (source === undefined && target === undefined && id === undefined && env === undefined) {
      throw fail(context, 'invalid secret mount. one of source, target required', 'give the secret an id, e.g. --mount=type=secret,id=mysecret');
    }
    if (source !== undefined && id !== undefined) throw fail(context, "both source and id can't be set", 'keep only id=');
  }
  return Object.freeze({
    type,
    from,
    source,
    target,
    // Bind, secret and ssh mounts are read-only unless rw is asked for; cache and tmpfs are writable.
    readOnly: readOnly ?? !(type === 'cache' || type === 'tmpfs'),
    id,
    sharing,
    required,
    mode,
    uid,
    gid,
    env,
    spec,
  });
}
