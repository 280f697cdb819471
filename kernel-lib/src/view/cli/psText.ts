import { renderCliTable, type CliTableRender } from './cliFormat';

/**
 * One row of `docker ps` as the model's `engine.ps()` gives it: the CLI's column values, already
 * shaped as docker/cli shows them (COMMAND quoted and cut to 20 columns, CREATED "… ago", STATUS
 * "Up …" / "Exited (0) … ago" / "Created").
 */
export interface ContainerListItem {
  /** CONTAINER ID: 12 hex, or the full ID with `--no-trunc`. */
  readonly containerId: string;
  readonly image: string;
  readonly command: string;
  readonly created: string;
  readonly status: string;
  readonly ports: string;
  readonly names: string;
}

export interface PsTextOptions {
  readonly quiet?: boolean;
  readonly format?: string;
}

// docker/cli cli/command/formatter/container.go: defaultContainerTableFormat and the header names.
const DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
export const CONTAINER_HEADERS: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT',
  Status: 'STATUS', Ports: 'PORTS', Names: 'NAMES', State: 'STATE',
};

class ContainerRowContext {
  readonly goTypeName = '*formatter.ContainerContext';
  constructor(private readonly c: ContainerListItem) {}
  get ID(): string { return this.c.containerId; }
  get Image(): string { return this.c.image; }
  get Command(): string { return this.c.command; }
  get RunningFor(): string { return this.c.created; }
  get Status(): string { return this.c.status; }
  get Ports(): string { return this.c.ports; }
  get Names(): string { return this.c.names; }
}

/** `docker ps` text: the rows in the order given (the daemon lists newest first). */
export function formatPs(rows: readonly ContainerListItem[], options: PsTextOptions = {}): string {
  return renderPs(rows, options).text;
}

/** The same output with its cells kept (for the HTML table). */
export function renderPs(rows: readonly ContainerListItem[], options: PsTextOptions = {}): CliTableRender {
  const format = options.quiet ? '{{.ID}}' : options.format ?? DEFAULT;
  return renderCliTable(format === 'table' ? DEFAULT : format, rows.map((r) => new ContainerRowContext(r)), CONTAINER_HEADERS);
}
