/**
 * What flows between simulated commands: inputs are `Content` (so `cat big | wc -c` or
 * `cat big > copy` never materialise a 1 GB file) or one of the endless devices; outputs are sinks
 * that collect, write to a file or discard.
 */
import type { Content } from '../content/Content';
import { concatContent, EMPTY_CONTENT, randomContent, toContent, zeroContent } from '../content';
import { SimulatorLimitError } from './SimulatorLimitError';
import type { FileData, FileSystem } from '../unionfs/FileSystem';

const decoder = new TextDecoder();

export type OutputData = Content | Uint8Array | string;

/** An endless character device: /dev/zero or /dev/urandom (only a bounded read of it works). */
export interface DeviceInput {
  readonly kind: 'device';
  readonly device: 'zero' | 'urandom';
  readonly path: string;
}

/**
 * A file or pipe opened for reading. The cursor is shared by every command reading the same
 * descriptor, as a file offset is, so `while read line; do …; done < file` reads line after line.
 */
export interface ContentInput {
  readonly kind: 'content';
  readonly content: Content;
  readonly cursor: { offset: number };
}

export type ShellInput = ContentInput | DeviceInput;

export const EMPTY_INPUT: ShellInput = Object.freeze({ kind: 'content', content: EMPTY_CONTENT, cursor: Object.freeze({ offset: 0 }) });

export function contentInput(data: OutputData): ContentInput {
  return { kind: 'content', content: toContent(data), cursor: { offset: 0 } };
}

/** Reading all of an endless device (`cat /dev/zero`) never ends; the simulator refuses instead. */
export class EndlessInputError extends SimulatorLimitError {
  constructor(readonly path: string) {
    super(`reading all of ${path} never ends`);
  }
}

/** What is left to read, as content (stays lazy when nothing was read yet); moves the cursor to the end. */
export function consumeAll(input: ShellInput): Content {
  if (input.kind === 'device') throw new EndlessInputError(input.path);
  const { content, cursor } = input;
  const start = Math.min(cursor.offset, content.size);
  if (!Object.isFrozen(cursor)) cursor.offset = content.size;
  if (start === 0) return content;
  return toContent(content.slice(start));
}

/** At most `n` bytes from the input (a device gives lazy zeros or seeded random bytes). */
export function consumeBytes(input: ShellInput, n: number, seed: string): Content {
  if (input.kind === 'device') return input.device === 'zero' ? zeroContent(n) : randomContent(n, seed);
  const { content, cursor } = input;
  const start = Math.min(cursor.offset, content.size);
  const end = Math.min(content.size, start + n);
  if (!Object.isFrozen(cursor)) cursor.offset = end;
  if (start === 0 && end === content.size) return content;
  if (start === 0) return content.truncate(end);
  return toContent(content.slice(start, end));
}

/** One line without its newline, or undefined at end of input; `terminated` tells if a newline ended it. */
export function consumeLine(input: ShellInput): { line: string; terminated: boolean } | undefined {
  if (input.kind === 'device') return { line: input.device === 'zero' ? '\u0000'.repeat(0) : '', terminated: true };
  const { content, cursor } = input;
  if (cursor.offset >= content.size) return undefined;
  const bytes: number[] = [];
  let terminated = false;
  let offset = cursor.offset;
  const CHUNK = 4096;
  outer: while (offset < content.size) {
    const chunk = content.slice(offset, Math.min(content.size, offset + CHUNK));
    for (const b of chunk) {
      offset += 1;
      if (b === 10) {
        terminated = true;
        break outer;
      }
      bytes.push(b);
    }
  }
  if (!Object.isFrozen(cursor)) cursor.offset = offset;
  return { line: decoder.decode(Uint8Array.from(bytes)), terminated };
}

export interface OutputSink {
  write(data: OutputData): void;
  /** Called once when the command that opened the sink has finished (files are written then). */
  close(): void;
}

/** Collects everything written: pipes, `$(…)`, and the session's stdout/stderr. */
export class BufferSink implements OutputSink {
  readonly #pieces: OutputData[] = [];
  #size = 0;

  write(data: OutputData): void {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data instanceof Uint8Array ? data.byteLength : data.size;
    if (size === 0) return;
    this.#pieces.push(data);
    this.#size += size;
  }

  close(): void {}

  get size(): number {
    return this.#size;
  }

  content(): Content {
    if (this.#pieces.length === 0) return EMPTY_CONTENT;
    if (this.#pieces.length === 1) return toContent(this.#pieces[0] as OutputData);
    return concatContent(...this.#pieces);
  }
}

/** /dev/null */
export class NullSink implements OutputSink {
  write(): void {}
  close(): void {}
}

/**
 * `> file` and `>> file`. The file is created or truncated when the redirection is opened (as
 * open(2) with O_TRUNC does, so `cat f > f` sees an empty file, as in a real shell); what the
 * command writes is appended in one piece when it finishes.
 */
export class FileSink implements OutputSink {
  readonly #fs: FileSystem;
  readonly #path: string;
  readonly #pieces: OutputData[] = [];

  constructor(fs: FileSystem, path: string, append: boolean) {
    this.#fs = fs;
    this.#path = path;
    if (!append) fs.writeFile(path, '');
    else if (!fs.exists(path)) fs.writeFile(path, '');
  }

  write(data: OutputData): void {
    this.#pieces.push(data);
  }

  close(): void {
    if (this.#pieces.length === 0) return;
    const data: FileData = this.#pieces.length === 1 ? (this.#pieces[0] as OutputData) : concatContent(...this.#pieces);
    this.#pieces.length = 0;
    this.#fs.appendFile(this.#path, data);
  }
}

/** UTF-8 text of a (small) content; invalid sequences become U+FFFD. */
export function contentText(content: Content, limit?: number): string {
  return decoder.decode(content.bytes(limit));
}
