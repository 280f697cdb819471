/**
 * Tar header blocks, byte for byte as Go's archive/tar writes them — the writer behind moby's
 * go-archive, buildah and BuildKit, so our layers have the same bytes (and diffIDs) as theirs for the
 * same entries.
 *
 * Why our own ~200 lines instead of a library: tar-stream (the usual npm choice) is not installed
 * here, writes different bytes (it fills uname/gname, pads differently) and is stream-async; we need
 * synchronous streaming of lazy contents and Go's exact choices: USTAR when every field fits (with
 * the prefix/name split of `splitUSTARPath`), otherwise a PAX 'x' header named
 * `<dir>/PaxHeaders.0/<base>` with records sorted by key, numbers in zero-padded octal with a NUL,
 * checksum as 6 octal digits + NUL + space, devmajor/devminor always formatted, no 10 KiB record
 * padding at the end (two zero blocks only). Sources: go/src/archive/tar/{writer,format,common,strconv}.go.
 */
import type { TarEntry, TarEntryType } from './TarEntry';

export const BLOCK_SIZE = 512;

const TYPEFLAG: Readonly<Record<TarEntryType, string>> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

// Field offsets and lengths of the ustar header (POSIX.1-1988 / pax).
const F = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const;
export type HeaderField = keyof typeof F;
export const HEADER_FIELDS = F;

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);
const fitsOctal = (fieldLength: number, n: number) => n >= 0 && n < 2 ** ((fieldLength - 1) * 3);

/** Go's `splitUSTARPath`: a long ASCII name split at a "/" into prefix (≤155) and name (≤100). */
function splitUstarPath(name: string): [string, string] | undefined {
  let length = name.length;
  if (length <= 100 || !isAscii(name)) return undefined;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** Go's `formatPAXRecord`: "<len> <key>=<value>\n", the length counting itself. */
export function paxRecord(key: string, value: string): string {
  const body = Buffer.byteLength(key) + Buffer.byteLength(value) + 3;
  let size = body + String(body).length;
  let record = `${size} ${key}=${value}\n`;
  if (Buffer.byteLength(record) !== size) {
    size = Buffer.byteLength(record);
    record = `${size} ${key}=${value}\n`;
  }
  return record;
}

class HeaderBlock {
  readonly bytes = new Uint8Array(BLOCK_SIZE);

  /** Go's formatString: copy (truncating), NUL after if room. */
  string(field: HeaderField, text: string): void {
    const [at, len] = F[field];
    const b = Buffer.from(text, 'latin1');
    const n = Math.min(b.length, len);
    this.bytes.set(b.subarray(0, n), at);
    if (b.length < len) this.bytes[at + b.length] = 0;
  }

  /** Go's formatOctal: zero-padded octal leaving room for a NUL; 0 when it does not fit (PAX carries it). */
  octal(field: HeaderField, n: number, lengthOverride?: number): void {
    const len = lengthOverride ?? F[field][1];
    const value = fitsOctal(len, n) ? n : 0;
    const s = value.toString(8);
    const [at] = F[field];
    const padded = s.length < len - 1 ? '0'.repeat(len - 1 - s.length) + s : s;
    const b = Buffer.from(padded, 'latin1');
    this.bytes.set(b.subarray(0, len), at);
    if (b.length < len) this.bytes[at + b.length] = 0;
  }

  finish(): Uint8Array {
    this.string('magic', 'ustar\0');
    this.string('version', '00');
    // Checksum: the unsigned sum of the block with the checksum field read as spaces.
    this.bytes.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of this.bytes) sum += byte;
    this.octal('chksum', sum, 7);
    this.bytes[155] = 0x20;
    return this.bytes;
  }
}

/** Go's toASCII: non-ASCII characters dropped (the real name travels in a PAX record). */
const toAscii = (s: string) => s.replace(/[^\x00-\x7f]/g, '');

/** The archive name as Go writes it: directories end with "/". */
export function archiveName(entry: TarEntry): string {
  return entry.type === 'dir' ? `${entry.path}/` : entry.path;
}

/**
 * The header block(s) for one entry: one USTAR block, or a PAX 'x' header (+ its records, padded)
 * followed by the entry's own block, exactly as archive/tar's `WriteHeader` chooses.
 */
export function encodeHeader(entry: TarEntry): Uint8Array[] {
  const name = archiveName(entry);
  const size = entry.type === 'file' ? entry.content.size : 0;
  const mtime = Math.floor(entry.mtimeMs / 1000);
  const pax: Record<string, string> = {};
  let ustar = true;

  // verifyString: path and linkpath may go to PAX; a splittable long path stays USTAR.
  if (!isAscii(name) || name.length > 100) {
    pax.path = name;
    if (!splitUstarPath(name)) ustar = false;
  }
  if (!isAscii(entry.linkTarget) || entry.linkTarget.length > 100) {
    pax.linkpath = entry.linkTarget;
    ustar = false;
  }
  for (const [key, text] of [['uname', entry.uname], ['gname', entry.gname]] as const) {
    if (!isAscii(text) || text.length > 32) {
      pax[key] = text;
      ustar = false;
    }
  }
  // verifyNumeric / verifyTime: numbers that do not fit the octal field.
  for (const [key, value, len] of [['uid', entry.uid, 8], ['gid', entry.gid, 8], ['size', size, 12], ['mtime', mtime, 12]] as const) {
    if (!fitsOctal(len, value)) {
      pax[key] = String(value);
      ustar = false;
    }
  }
  for (const [key, value] of Object.entries(entry.xattrs)) {
    pax[`SCHILY.xattr.${key}`] = value;
    ustar = false;
  }

  const main = new HeaderBlock();
  const template = (nameField: string) => {
    main.string('name', nameField);
    main.octal('mode', entry.mode);
    main.octal('uid', entry.uid);
    main.octal('gid', entry.gid);
    main.octal('size', size);
    main.octal('mtime', mtime);
    main.string('typeflag', TYPEFLAG[entry.type]);
    main.string('linkname', toAscii(entry.linkTarget));
    main.string('uname', toAscii(entry.uname));
    main.string('gname', toAscii(entry.gname));
    main.octal('devmajor', entry.devMajor);
    main.octal('devminor', entry.devMinor);
  };

  if (ustar) {
    const split = splitUstarPath(name);
    template(split ? split[1] : name);
    main.string('prefix', split ? split[0] : '');
    return [main.finish()];
  }

  const records = Object.keys(pax)
    .sort()
    .map((k) => paxRecord(k, pax[k] as string))
    .join('');
  const data = Buffer.from(records, 'utf8');
  const slash = entry.path.lastIndexOf('/');
  const [dir, base] = slash < 0 ? ['', entry.path] : [entry.path.slice(0, slash + 1), entry.path.slice(slash + 1)];
  const paxName = toAscii(`${dir}PaxHeaders.0/${base}`).slice(0, 100).replace(/\/+$/, '');
  const x = new HeaderBlock();
  x.string('typeflag', 'x');
  x.string('name', paxName);
  x.octal('mode', 0);
  x.octal('uid', 0);
  x.octal('gid', 0);
  x.octal('size', data.length);
  x.octal('mtime', 0);
  const xData = new Uint8Array(padded(data.length));
  xData.set(data);

  // The main header keeps a truncated ASCII name (no prefix split in PAX form). Go's formatString
  // also puts a NUL before a run of slashes that truncation leaves at the end of the field, so
  // that old readers do not take a file for a directory.
  const v7Name = toAscii(name);
  template(v7Name);
  if (v7Name.length > 100 && v7Name[99] === '/') main.bytes[v7Name.slice(0, 99).replace(/\/+$/, '').length] = 0;
  return [x.finish(), xData, main.finish()];
}

/** `n` rounded up to whole 512-byte blocks. */
export function padded(n: number): number {
  return Math.ceil(n / BLOCK_SIZE) * BLOCK_SIZE;
}
