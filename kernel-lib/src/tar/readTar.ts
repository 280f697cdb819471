/**
 * Reading tar archives: ustar, PAX ('x' per-entry and 'g' global records) and GNU ('L' long name,
 * 'K' long link name, base-256 numbers) — what docker, buildah, GNU tar and Go's archive/tar write.
 * Paths are normalised ("./a/" → "a") and entries that would escape the root are refused with
 * `UnsafeTarPathError`. The archive root entry ("./") is skipped: it is the root, not a child.
 */
import { bytesContent } from '../content/createContent';
import { HEADER_FIELDS, type HeaderField, BLOCK_SIZE, padded } from './tarHeader';
import { normaliseTarPath, tarEntry, type TarEntry, type TarEntryType } from './TarEntry';
import { TarFormatError } from './TarError';

const TYPES: Readonly<Record<string, TarEntryType>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file', // contiguous file: a regular file to everyone but a few 1980s systems
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
};

function field(block: Uint8Array, name: HeaderField): Uint8Array {
  const [at, len] = HEADER_FIELDS[name];
  return block.subarray(at, at + len);
}

function text(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return Buffer.from(nul < 0 ? bytes : bytes.subarray(0, nul)).toString('utf8');
}

/** Octal with NUL/space padding, or GNU base-256 (high bit of the first byte set). */
function number(block: Uint8Array, name: HeaderField, offset: number): number {
  const bytes = field(block, name);
  const first = bytes[0] ?? 0;
  if (first & 0x80) {
    // GNU base-256: big-endian two's complement after the marker bit; bit 0x40 is the sign.
    let value = BigInt(first & 0x7f);
    if (first & 0x40) value -= 0x80n;
    for (const b of bytes.subarray(1)) value = value * 256n + BigInt(b);
    return Number(value);
  }
  const s = Buffer.from(bytes).toString('latin1').replace(/[\0 ]+$/, '').replace(/^[\0 ]+/, '');
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError(`header field ${name} is not an octal number: ${JSON.stringify(s)}`, offset);
  return parseInt(s, 8);
}

/** PAX records: "<len> <key>=<value>\n" repeated (POSIX pax "extended header"). */
function parsePax(data: Uint8Array, offset: number): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break;
    const space = data.indexOf(0x20, at);
    const len = Number(Buffer.from(data.subarray(at, space)).toString('latin1'));
    if (space < 0 || !Number.isInteger(len) || len <= 0 || at + len > data.length) {
      throw new TarFormatError('malformed PAX record', offset);
    }
    const record = Buffer.from(data.subarray(space + 1, at + len - 1)).toString('utf8');
    const eq = record.indexOf('=');
    if (eq < 0) throw new TarFormatError(`malformed PAX record ${JSON.stringify(record)}`, offset);
    records.set(record.slice(0, eq), record.slice(eq + 1));
    at += len;
  }
  return records;
}

function checksumOk(block: Uint8Array, stored: number): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

const isZeroBlock = (block: Uint8Array) => block.every((b) => b === 0);

/** All entries of an archive, in archive order. */
export function readTar(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  const global = new Map<string, string>();
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  let at = 0;

  while (at + BLOCK_SIZE <= archive.length) {
    const block = archive.subarray(at, at + BLOCK_SIZE);
    if (isZeroBlock(block)) break; // end of archive (the second zero block, and record padding, follow)
    const stored = number(block, 'chksum', at);
    if (!checksumOk(block, stored)) throw new TarFormatError('header checksum mismatch', at);

    const typeflag = String.fromCharCode(block[156] ?? 0);
    const magic = Buffer.from(field(block, 'magic')).toString('latin1');
    const version = Buffer.from(field(block, 'version')).toString('latin1');
    const isUstar = magic === 'ustar\0' && version === '00';
    let size = number(block, 'size', at);
    const localPax = new Map([...global, ...pax]);
    if (localPax.has('size')) size = Number(localPax.get('size'));
    const dataStart = at + BLOCK_SIZE;
    const dataEnd = dataStart + size;
    if (dataEnd > archive.length) throw new TarFormatError(`entry data runs past the end of the archive (${size} bytes)`, at);
    const data = archive.subarray(dataStart, dataEnd);
    const next = dataStart + padded(size);

    if (typeflag === 'x') {
      pax = parsePax(data, at);
      at = next;
      continue;
    }
    if (typeflag === 'g') {
      for (const [k, v] of parsePax(data, at)) global.set(k, v);
      at = next;
      continue;
    }
    if (typeflag === 'L' || typeflag === 'K') {
      const value = text(data);
      if (typeflag === 'L') longName = value;
      else longLink = value;
      at = next;
      continue;
    }
    const type = TYPES[typeflag];
    if (type === undefined) throw new TarFormatError(`unsupported entry type ${JSON.stringify(typeflag)}`, at);

    let name = text(field(block, 'name'));
    if (isUstar) {
      const prefix = text(field(block, 'prefix'));
      if (prefix !== '') name = `${prefix}/${name}`;
    }
    name = localPax.get('path') ?? longName ?? name;
    const rawLink = localPax.get('linkpath') ?? longLink ?? text(field(block, 'linkname'));
    // Before ustar, directories were regular entries whose name ends with "/".
    const kind: TarEntryType = type === 'file' && name.endsWith('/') ? 'dir' : type;

    const xattrs: Record<string, string> = {};
    for (const [k, v] of localPax) if (k.startsWith('SCHILY.xattr.')) xattrs[k.slice('SCHILY.xattr.'.length)] = v;
    const mtimeSeconds = localPax.has('mtime') ? Number(localPax.get('mtime')) : number(block, 'mtime', at);

    const start = at;
    pax = new Map();
    longName = undefined;
    longLink = undefined;
    at = next;
    if (normaliseTarPath(name) === '') continue; // "./": the root itself
    entries.push(
      tarEntry({
        path: name,
        type: kind,
        mode: number(block, 'mode', start) & 0o7777,
        uid: localPax.has('uid') ? Number(localPax.get('uid')) : number(block, 'uid', start),
        gid: localPax.has('gid') ? Number(localPax.get('gid')) : number(block, 'gid', start),
        uname: localPax.get('uname') ?? text(field(block, 'uname')),
        gname: localPax.get('gname') ?? text(field(block, 'gname')),
        mtimeMs: Math.round(mtimeSeconds * 1000),
        content: kind === 'file' ? bytesContent(data) : undefined,
        linkTarget: kind === 'symlink' || kind === 'hardlink' ? rawLink : undefined,
        devMajor: kind === 'char' || kind === 'block' ? number(block, 'devmajor', start) : 0,
        devMinor: kind === 'char' || kind === 'block' ? number(block, 'devminor', start) : 0,
        xattrs,
      }),
    );
  }
  return entries;
}
