/**
 * Here-documents in a Dockerfile (`RUN <<EOF`, `RUN <<-EOF`, `COPY <<EOF /path`, several on one
 * line), detected as BuildKit's parser does (parser.go heredocsFromLine / heredocFromMatch): a word
 * of the instruction line matching `[fd]<<[-]WORD`; a quoted WORD (`<<"EOF"`, `<<'EOF'`) turns off
 * variable expansion in the body; `<<-` strips leading tabs from the body and the terminator.
 */
import { DockerfileShellLex } from './shellLex';

export interface DockerfileHeredoc {
  /** The terminator word, quotes removed (`EOF`). */
  readonly name: string;
  /** The file descriptor written before `<<` (0 when none). */
  readonly fileDescriptor: number;
  /** False when the word was quoted: the body is used as written. */
  readonly expand: boolean;
  /** `<<-`: leading tabs are removed from the body lines. */
  readonly chomp: boolean;
  /** The body, each line with its newline, as read (before chomping). */
  readonly content: string;
}

export type HeredocMarker = Omit<DockerfileHeredoc, 'content'>;

const RE_HEREDOC = /^(\d*)<<(-?)([^<]*)$/;

/** Parses one word such as `<<EOF`, `<<-"END"`, `3<<X`; undefined when it is not a heredoc. */
export function parseHeredocMarker(word: string): HeredocMarker | undefined {
  const match = RE_HEREDOC.exec(word);
  if (match === null) return undefined;
  const rest = match[3] as string;
  if (rest === '') return undefined;
  const plain = new DockerfileShellLex('\\', { skipUnsetEnv: true }).processWords(rest, {});
  if (plain.length !== 1) return undefined;
  const raw = new DockerfileShellLex('\\', { skipUnsetEnv: true, rawQuotes: true }).processWords(rest, {});
  const name = plain[0] as string;
  const quotes = (text: string): number => (text.match(/['"]/g) ?? []).length;
  return Object.freeze({
    name,
    fileDescriptor: match[1] === '' ? 0 : Number(match[1]),
    expand: quotes(name) === quotes(raw[0] ?? ''),
    chomp: match[2] === '-',
  });
}

/** All heredoc markers on an instruction line, in order. */
export function heredocMarkersInLine(line: string): HeredocMarker[] {
  let words: readonly string[];
  try {
    words = new DockerfileShellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true }).processWords(line, {});
  } catch {
    return []; // BuildKit ignores a lexing error here: the line simply has no heredocs
  }
  const markers: HeredocMarker[] = [];
  for (const word of words) {
    const marker = parseHeredocMarker(word);
    if (marker !== undefined) markers.push(marker);
  }
  return markers;
}

/** The body with leading tabs removed from every line, as `<<-` asks. */
export function chompHeredocContent(content: string): string {
  return content.replace(/^\t+/gm, '');
}
