/**
 * The build context: the files a build may COPY/ADD, with their modes, owners and mtimes.
 *
 * It comes from a real directory (walked with the modes and mtimes on disk, as the docker CLI and
 * buildx do) or from an in-memory map (`{ 'app.js': 'console.log(1)', 'run.sh': { content, mode: 0o755 } }`).
 * `.dockerignore` at the context root is applied: excluded paths cannot be used, and are not sent —
 * except the Dockerfile and the `.dockerignore` themselves (OCI-FACTS §6).
 *
 * Like BuildKit's local source (client/solve.go `resetUIDAndGID`), owners are reset to 0:0 when
 * the context is read, so ownership never reaches a COPY's checksum; the mtime is kept (it lands in
 * the layer) but is not part of the checksum (cache/contenthash).
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../content/Content';
import { isContent, toContent } from '../content/createContent';
import { LayerlabError } from '../errors/LayerlabError';
import { Dockerignore } from './dockerignore';
import { cleanPath } from './patternMatcher';

export type ContextEntryKind = 'file' | 'dir' | 'symlink';

export interface ContextEntry {
  /** Relative to the context root, no leading "/" ("src/app.js"). */
  readonly path: string;
  readonly kind: ContextEntryKind;
  /** Permission bits (0o644, 0o755 …). */
  readonly mode: number;
  readonly mtimeMs: number;
  readonly content: Content;
  readonly linkTarget: string;
}

export interface ContextFileSpec {
  readonly content?: string | Uint8Array | Content;
  readonly mode?: number;
  readonly mtimeMs?: number;
  /** Makes the entry a symbolic link to this target. */
  readonly symlink?: string;
  /** Makes the entry an (empty) directory. */
  readonly dir?: boolean;
}

/** An in-memory context: relative path → file text/bytes/content, or a spec with mode/mtime. */
export type ContextFiles = Readonly<Record<string, string | Uint8Array | Content | ContextFileSpec>>;

/** A directory path on disk, or an in-memory map of files. */
export type BuildContextInput = string | ContextFiles;

export class BuildContextError extends LayerlabError {
  constructor(message: string, data: Record<string, unknown>, hint: string) {
    super('BuildContext', message, { data, hint });
  }
}

/** The fixed mtime given to in-memory files without one (the model clock's epoch). */
const DEFAULT_MTIME_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

function isSpec(value: unknown): value is ContextFileSpec {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !isContent(value);
}

function readDirectory(root: string): ContextEntry[] {
  const out: ContextEntry[] = [];
  const walk = (relative: string): void => {
    const absolute = relative === '' ? root : join(root, relative);
    for (const name of readdirSync(absolute).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const full = join(root, path);
      const stat = lstatSync(full);
      const base = { path, mode: stat.mode & 0o7777, mtimeMs: Math.floor(stat.mtimeMs) };
      if (stat.isSymbolicLink()) out.push({ ...base, kind: 'symlink', content: toContent(''), linkTarget: readlinkSync(full) });
      else if (stat.isDirectory()) {
        out.push({ ...base, kind: 'dir', content: toContent(''), linkTarget: '' });
        walk(path);
      } else if (stat.isFile()) out.push({ ...base, kind: 'file', content: toContent(new Uint8Array(readFileSync(full))), linkTarget: '' });
    }
  };
  try {
    walk('');
  } catch (error) {
    throw new BuildContextError(
      `unable to prepare context: path ${JSON.stringify(root)} not found — fix: pass an existing directory or a map of files`,
      { root },
      `빌드 컨텍스트 경로 "${root}"를 찾을 수 없습니다. 존재하는 디렉터리나 파일 맵을 넘기세요.`,
    );
  }
  return out;
}

function fromMap(files: ContextFiles): ContextEntry[] {
  const entries = new Map<string, ContextEntry>();
  const addDir = (path: string): void => {
    if (path === '' || entries.has(path)) return;
    const slash = path.lastIndexOf('/');
    if (slash > 0) addDir(path.slice(0, slash));
    entries.set(path, { path, kind: 'dir', mode: 0o755, mtimeMs: DEFAULT_MTIME_MS, content: toContent(''), linkTarget: '' });
  };
  for (const [rawPath, value] of Object.entries(files)) {
    const path = cleanPath(rawPath.replace(/^\/+/, ''));
    if (path === '.' || path.startsWith('..')) {
      throw new BuildContextError(
        `invalid context path ${JSON.stringify(rawPath)}: must be inside the context — fix: use a relative path such as "src/app.js"`,
        { path: rawPath },
        `컨텍스트 파일 경로 "${rawPath}"는 컨텍스트 안의 상대 경로여야 합니다.`,
      );
    }
    const slash = path.lastIndexOf('/');
    if (slash > 0) addDir(path.slice(0, slash));
    const spec: ContextFileSpec = isSpec(value) ? value : { content: value as string | Uint8Array | Content };
    const dir = spec.dir === true || rawPath.endsWith('/');
    const kind: ContextEntryKind = spec.symlink !== undefined ? 'symlink' : dir ? 'dir' : 'file';
    entries.set(path, {
      path,
      kind,
      mode: (spec.mode ?? (kind === 'dir' ? 0o755 : kind === 'symlink' ? 0o777 : 0o644)) & 0o7777,
      mtimeMs: spec.mtimeMs ?? DEFAULT_MTIME_MS,
      content: toContent(kind === 'file' ? spec.content ?? '' : ''),
      linkTarget: spec.symlink ?? '',
    });
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A build context, read once and then immutable. */
export class BuildContext {
  /** Every entry, excluded ones included, sorted by path. */
  readonly all: readonly ContextEntry[];
  /** The entries a build may use (not excluded by .dockerignore), by path. */
  readonly entries: ReadonlyMap<string, ContextEntry>;
  readonly dockerignore: Dockerignore | undefined;
  readonly dockerfilePath: string;

  constructor(input: BuildContextInput, options: { dockerfilePath?: string } = {}) {
    this.all = Object.freeze((typeof input === 'string' ? readDirectory(input) : fromMap(input)).map((e) => Object.freeze(e)));
    this.dockerfilePath = cleanPath(options.dockerfilePath ?? 'Dockerfile');
    const ignoreFile = this.all.find((e) => e.path === '.dockerignore' && e.kind === 'file');
    this.dockerignore = ignoreFile === undefined ? undefined : new Dockerignore(ignoreFile.content.text());
    const visible = new Map<string, ContextEntry>();
    for (const entry of this.all) if (this.dockerignore === undefined || !this.dockerignore.excludes(entry.path)) visible.set(entry.path, entry);
    this.entries = visible;
    Object.freeze(this);
  }

  /** Entries transferred to the builder (what "transferring context" counts). */
  get sent(): readonly ContextEntry[] {
    const ignore = this.dockerignore;
    return ignore === undefined ? this.all : this.all.filter((e) => ignore.sends(e.path, this.dockerfilePath));
  }

  /** Bytes of regular files transferred to the builder. */
  get sentBytes(): number {
    return this.sent.reduce((n, e) => n + (e.kind === 'file' ? e.content.size : 0), 0);
  }

  /** Bytes of all regular files in the directory, ignored or not. */
  get totalBytes(): number {
    return this.all.reduce((n, e) => n + (e.kind === 'file' ? e.content.size : 0), 0);
  }

  /** The entry at `path` if the build may use it. */
  get(path: string): ContextEntry | undefined {
    const clean = cleanPath(path.replace(/^\/+/, ''));
    return this.entries.get(clean === '.' ? '' : clean);
  }

  /** Visible children names of a directory ('' = the root), sorted. */
  children(dir: string): string[] {
    const prefix = dir === '' ? '' : dir + '/';
    const names: string[] = [];
    for (const path of this.entries.keys()) {
      if (!path.startsWith(prefix) || path === dir) continue;
      const rest = path.slice(prefix.length);
      if (rest !== '' && !rest.includes('/')) names.push(rest);
    }
    return names.sort();
  }
}
