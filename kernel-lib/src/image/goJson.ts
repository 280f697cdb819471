/**
 * JSON text exactly as Go's `encoding/json` writes it — the encoder moby, BuildKit, containerd and
 * distribution use for every config, manifest and index whose bytes we hash (OCI-FACTS §1.5).
 *
 * Why not `JSON.stringify`: Go escapes `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` and U+2028/2029
 * as `\u2028`/`\u2029` (HTML-safe by default, `SetEscapeHTML(true)`), writes `\b` and `\f` as short
 * escapes (Go ≥ 1.22) and replaces invalid UTF-16 (lone surrogates) with U+FFFD. A `created_by` of
 * `/bin/sh -c a && b` therefore hashes differently in JS and in Docker unless encoded here.
 *
 * Key order: Go writes struct fields in declaration order and map keys sorted by their bytes. Here
 * a plain object is a struct (members written in insertion order — build it in the Go struct's
 * field order) and a `Map` is a Go map (keys sorted by UTF-8 bytes when written). Maps must be
 * `Map`s because a JS object moves integer-like keys ("10", "9") first in numeric order.
 * `undefined` members are left out (Go's `omitempty`); `null` is written as `null`.
 */

export type GoJsonValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly GoJsonValue[]
  | ReadonlyMap<string, GoJsonValue>
  | { readonly [key: string]: GoJsonValue };

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x08: '\\b',
  0x0c: '\\f',
};

function hex4(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

/** A string literal as Go's encoder writes it (HTML-escaped). */
export function goJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) {
      out += short;
    } else if (code < 0x20 || code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029) {
      out += hex4(code);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else {
        out += '\ufffd';
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += text[i]!;
    }
  }
  return out + '"';
}

function encodeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`json: unsupported value: ${value}`);
  // The model only serialises integers (sizes, schema versions); JS and Go agree on those.
  return String(value);
}

function encode(value: GoJsonValue, indent: string, depth: number): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'number':
      return encodeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  const newline = indent === '' ? '' : '\n' + indent.repeat(depth + 1);
  const close = indent === '' ? '' : '\n' + indent.repeat(depth);
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: GoJsonValue) => encode(item, indent, depth + 1) ?? 'null');
    return '[' + items.map((item) => newline + item).join(',') + close + ']';
  }
  const entries: Array<[string, GoJsonValue]> =
    value instanceof Map
      ? [...(value as ReadonlyMap<string, GoJsonValue>).entries()].sort(([a], [b]) => compareGoMapKeys(a, b))
      : Object.entries(value as { readonly [key: string]: GoJsonValue });
  const members: string[] = [];
  for (const [key, member] of entries) {
    const text = encode(member, indent, depth + 1);
    if (text !== undefined) members.push(newline + goJsonString(key) + colon + text);
  }
  if (members.length === 0) return '{}';
  return '{' + members.join(',') + close + '}';
}

/**
 * `json.Marshal` (indent `''`) or `json.MarshalIndent(v, "", indent)`. `json.NewEncoder(w).Encode`
 * adds one `"\n"` after the value — callers append it where Docker does (manifest.json, repositories).
 */
export function goJsonStringify(value: GoJsonValue, indent = ''): string {
  return encode(value, indent, 0) ?? 'null';
}

/** Byte-order comparison of UTF-8 encodings, the order Go gives map keys. */
export function compareGoMapKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** A Go map (written with sorted keys) from a record or entries; `undefined` when empty or absent (omitempty). */
export function goMap<V extends GoJsonValue>(
  record: { readonly [key: string]: V } | ReadonlyMap<string, V> | undefined | null,
): ReadonlyMap<string, V> | undefined {
  if (record === undefined || record === null) return undefined;
  const map = record instanceof Map ? new Map(record) : new Map(Object.entries(record as { readonly [key: string]: V }));
  return map.size === 0 ? undefined : map;
}
