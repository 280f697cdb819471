import { renderCliTable, truncateId, contextJson, type CliTableRender } from './cliFormat';
import { createdSince, rfc3339, toUnixSeconds, type Moment } from './cliTime';
import { ellipsis } from './displayWidth';
import { dockerSize } from './humanSize';

/**
 * One row of `GET /images/{name}/history` (moby `image.HistoryResponseItem`), newest first.
 * `Id` is the image ID at that point of the parent chain, or "<missing>".
 */
export interface HistoryItem {
  readonly Id: string;
  readonly Created: Moment;
  readonly CreatedBy: string;
  readonly Size: number;
  readonly Comment: string;
  readonly Tags?: readonly string[] | null;
}

export interface HistoryTextOptions {
  /** The model clock, for CREATED ("2 years ago"). */
  readonly now: Moment;
  /** `--no-trunc`: full IDs and CREATED BY. */
  readonly noTrunc?: boolean;
  /** `--human=false`: CREATED AT timestamps and sizes in bytes. */
  readonly human?: boolean;
  /** `-q`: IDs only. */
  readonly quiet?: boolean;
  /** `--format`: "table …", "json" or a Go template. */
  readonly format?: string;
}

// docker/cli cli/command/image/formatter_history.go
const DEFAULT_FORMAT = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const NON_HUMAN_FORMAT = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
/** Dates up to 2000-01-01 are shown blank in CREATED (the CLI's `epoch` guard for scratch-era images). */
const EPOCH_2000 = 946684800;

class HistoryContext {
  readonly goTypeName = '*image.historyContext';
  constructor(private readonly h: HistoryItem, private readonly trunc: boolean, private readonly human: boolean, private readonly now: Moment) {}
  get ID(): string { return this.trunc ? truncateId(this.h.Id) : this.h.Id; }
  get CreatedAt(): string { return rfc3339(this.h.Created); }
  get CreatedSince(): string {
    if (!this.human) return this.CreatedAt;
    if (toUnixSeconds(this.h.Created) <= EPOCH_2000) return '';
    return createdSince(this.h.Created, this.now);
  }
  get CreatedBy(): string {
    const s = this.h.CreatedBy.replace(/\t/g, ' ');
    return this.trunc ? ellipsis(s, 45) : s;
  }
  get Size(): string { return this.human ? dockerSize(this.h.Size) : String(this.h.Size); }
  get Comment(): string { return this.h.Comment; }
  toJSON(): unknown { return JSON.parse(contextJson({ ID: this.ID, CreatedAt: this.CreatedAt, CreatedSince: this.CreatedSince, CreatedBy: this.CreatedBy, Size: this.Size, Comment: this.Comment })); }
}

/** `docker history [--no-trunc] [--format …] IMAGE` — byte-for-byte the CLI's text. */
export function formatHistory(items: readonly HistoryItem[], options: HistoryTextOptions): string {
  return renderHistory(items, options).text;
}

/** The same output with its cells kept (for the HTML table). */
export function renderHistory(items: readonly HistoryItem[], options: HistoryTextOptions): CliTableRender {
  const human = options.human ?? true;
  const trunc = !(options.noTrunc ?? false);
  let format = options.format ?? 'table';
  // NewHistoryFormat: -q and --human=false only change the *default* table format.
  if (format === 'table') format = options.quiet ? '{{.ID}}' : human ? DEFAULT_FORMAT : NON_HUMAN_FORMAT;
  const rows = items.map((h) => new HistoryContext(h, trunc, human, options.now));
  return renderCliTable(format, rows, HEADERS);
}
