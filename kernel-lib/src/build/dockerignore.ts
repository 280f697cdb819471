/**
 * Reading a `.dockerignore` file (moby/patternmatcher ignorefile.ReadAll) and applying it to a
 * build context:
 *
 * - a UTF-8 BOM on the first line is dropped; a line whose first character is `#` is a comment
 *   (checked before trimming, so ` #x` is a pattern); blank lines are skipped;
 * - `!` marks an exception; the pattern is cleaned (`./a` ≡ `a`, `a/` ≡ `a`, `a//b` ≡ `a/b`) and
 *   a leading `/` removed, so patterns are always relative to the context root;
 * - the Dockerfile and the `.dockerignore` itself are still sent to the builder (the docker CLI
 *   appends `!.dockerignore` and `!<Dockerfile>`), but an excluded file cannot be COPYed.
 */
import { cleanPath, DockerignoreMatcher, type IgnoreDecision } from './patternMatcher';

export interface DockerignoreLine {
  /** The pattern after cleaning, with `!` in front for an exception. */
  readonly pattern: string;
  /** 1-based line in the file. */
  readonly line: number;
}

/** The patterns of a `.dockerignore` text, in order. */
export function readDockerignore(text: string): DockerignoreLine[] {
  const out: DockerignoreLine[] = [];
  const lines = text.split('\n');
  lines.forEach((rawLine, index) => {
    let raw = rawLine.replace(/\r$/, '');
    if (index === 0) raw = raw.replace(/^\uFEFF/, '');
    if (raw.startsWith('#')) return;
    let pattern = raw.trim();
    if (pattern === '') return;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(Object.freeze({ pattern: invert ? '!' + pattern : pattern, line: index + 1 }));
  });
  return out;
}

/** A `.dockerignore` ready to filter a build context. */
export class Dockerignore {
  readonly lines: readonly DockerignoreLine[];
  readonly matcher: DockerignoreMatcher;

  constructor(text: string) {
    this.lines = Object.freeze(readDockerignore(text));
    this.matcher = new DockerignoreMatcher(this.lines.map((l) => l.pattern));
  }

  /** Whether the context path is excluded (cannot be COPYed), and which pattern decided. */
  decide(path: string): IgnoreDecision {
    return this.matcher.decide(path);
  }

  excludes(path: string): boolean {
    return this.matcher.matches(path);
  }

  /**
   * Whether the path is transferred to the builder: everything not excluded, plus the Dockerfile
   * and `.dockerignore` themselves, which the client always sends.
   */
  sends(path: string, dockerfilePath = 'Dockerfile'): boolean {
    const clean = cleanPath(path);
    if (clean === '.dockerignore' || clean === cleanPath(dockerfilePath)) return true;
    return !this.excludes(clean);
  }

  /** The paths of `paths` that the builder may use (order kept). */
  filter(paths: readonly string[]): string[] {
    return paths.filter((p) => !this.excludes(p));
  }
}
