import { renderCliTable, truncateId, contextJson, type CliTableRender } from './cliFormat';
import { createdSince, goTimeString, toUnixSeconds, type Moment } from './cliTime';
import { familiarRepository, splitRepoDigest, splitRepoTag } from './familiarName';
import { dockerSize, humanSize } from './humanSize';

/** One entry of `GET /images/json` (moby `image.Summary`). */
export interface ImageSummaryItem {
  readonly Id: string;
  readonly RepoTags: readonly string[] | null;
  readonly RepoDigests: readonly string[] | null;
  readonly Created: Moment;
  readonly Size: number;
  /** -1 when not computed (only `system df` computes it). */
  readonly SharedSize?: number;
  /** -1 when not computed. */
  readonly Containers?: number;
}

export interface ImagesTextOptions {
  readonly now: Moment;
  readonly noTrunc?: boolean;
  /** `--digests`: add the DIGEST column. */
  readonly digests?: boolean;
  readonly quiet?: boolean;
  readonly format?: string;
}

// docker/cli cli/command/formatter/image.go
const DEFAULT = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
const WITH_DIGEST = 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}';
export const IMAGE_HEADERS: Readonly<Record<string, string>> = {
  ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT',
  Size: 'SIZE', Containers: 'CONTAINERS', VirtualSize: 'SIZE', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE',
};

export class ImageRowContext {
  readonly goTypeName = '*formatter.imageContext';
  constructor(private readonly i: ImageSummaryItem, private readonly trunc: boolean, readonly Repository: string, readonly Tag: string, readonly Digest: string, private readonly now: Moment) {}
  get ID(): string { return this.trunc ? truncateId(this.i.Id) : this.i.Id; }
  get CreatedSince(): string { return createdSince(this.i.Created, this.now); }
  get CreatedAt(): string { return goTimeString(this.i.Created); }
  get Size(): string { return dockerSize(this.i.Size); }
  get VirtualSize(): string { return humanSize(this.i.Size); }
  get Containers(): string { const c = this.i.Containers ?? -1; return c === -1 ? 'N/A' : String(c); }
  get SharedSize(): string { const s = this.i.SharedSize ?? -1; return s === -1 ? 'N/A' : humanSize(s); }
  get UniqueSize(): string { const s = this.i.SharedSize ?? -1; return this.i.Size === -1 || s === -1 ? 'N/A' : humanSize(this.i.Size - s); }
  toJSON(): unknown {
    return JSON.parse(contextJson({ Containers: this.Containers, CreatedAt: this.CreatedAt, CreatedSince: this.CreatedSince, Digest: this.Digest, ID: this.ID, Repository: this.Repository, SharedSize: this.SharedSize, Size: this.Size, Tag: this.Tag, UniqueSize: this.UniqueSize, VirtualSize: this.VirtualSize }));
  }
}

function isDangling(i: ImageSummaryItem): boolean {
  const tags = i.RepoTags ?? [];
  const digests = i.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === '<none>:<none>' && digests.length === 1 && digests[0] === '<none>@<none>';
}

/** formatter.imageFormatTaggedAndDigest: one row per repo:tag (digests shown only with --digests). */
function rowsFor(i: ImageSummaryItem, trunc: boolean, needDigest: boolean, showDigests: boolean, now: Moment): ImageRowContext[] {
  if (isDangling(i)) return [new ImageRowContext(i, trunc, '<none>', '<none>', '<none>', now)];
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const ref of i.RepoTags ?? []) {
    const { repository, tag } = splitRepoTag(ref);
    if (tag === undefined) continue;
    const repo = familiarRepository(repository);
    repoTags.set(repo, [...(repoTags.get(repo) ?? []), tag]);
  }
  for (const ref of i.RepoDigests ?? []) {
    const { repository, digest } = splitRepoDigest(ref);
    if (digest === undefined) continue;
    const repo = familiarRepository(repository);
    repoDigests.set(repo, [...(repoDigests.get(repo) ?? []), digest]);
  }
  const rows: ImageRowContext[] = [];
  // Go iterates these maps in random order; the model keeps first-seen order so output is stable.
  for (const [repo, tags] of repoTags) {
    let digests = repoDigests.get(repo) ?? [];
    repoDigests.delete(repo);
    if (!needDigest) digests = [];
    for (const tag of tags) {
      if (digests.length === 0) rows.push(new ImageRowContext(i, trunc, repo, tag, '<none>', now));
      for (const d of digests) rows.push(new ImageRowContext(i, trunc, repo, tag, d, now));
    }
  }
  for (const [repo, digests] of repoDigests) {
    if (showDigests) for (const d of digests) rows.push(new ImageRowContext(i, trunc, repo, '<none>', d, now));
    else rows.push(new ImageRowContext(i, trunc, repo, '<none>', '', now));
  }
  return rows;
}

/**
 * `docker images` — rows newest first (the daemon sorts by Created), one per repository:tag.
 * SIZE is the image's total (all its layers, shared ones included) at 3 significant digits.
 */
export function formatImages(images: readonly ImageSummaryItem[], options: ImagesTextOptions): string {
  return renderImages(images, options).text;
}

/** The same output with its cells kept (for the HTML table). */
export function renderImages(images: readonly ImageSummaryItem[], options: ImagesTextOptions): CliTableRender {
  let format = options.format ?? 'table';
  const showDigests = options.digests ?? false;
  if (format === 'table') format = options.quiet ? '{{.ID}}' : showDigests ? WITH_DIGEST : DEFAULT;
  else if (format.startsWith('table') && showDigests && !format.includes('{{.Digest}}')) format += '\t{{.Digest}}';
  const needDigest = showDigests || format.includes('{{.Digest}}');
  const sorted = [...images].sort((a, b) => toUnixSeconds(b.Created) - toUnixSeconds(a.Created));
  const rows = sorted.flatMap((i) => rowsFor(i, !(options.noTrunc ?? false), needDigest, showDigests, options.now));
  return renderCliTable(format, rows, IMAGE_HEADERS);
}
