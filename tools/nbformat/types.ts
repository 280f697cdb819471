/**
 * nbformat v4 (minor 5) as held in memory: multi-line fields are joined into one string, exactly as
 * nbformat's `reads` leaves them (rwbase.rejoin_lines); `serializeNotebook` splits them again.
 * Keys this module does not know (cell `attachments`, custom metadata) are kept untouched, because
 * objects are parsed JSON and only the fields named below are ever replaced.
 */

/** A JSON value as parsed from disk. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

/** mime type → value: a string for text and base64 images, raw JSON for application/json and +json. */
export type MimeBundle = { [mime: string]: JsonValue };

export interface StreamOutput {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
}

export interface DisplayDataOutput {
  output_type: 'display_data';
  data: MimeBundle;
  metadata: JsonObject;
}

export interface ExecuteResultOutput {
  output_type: 'execute_result';
  execution_count: number | null;
  data: MimeBundle;
  metadata: JsonObject;
}

export interface ErrorOutput {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** Cell metadata: the conventional keys are typed; anything else survives a read/write round trip. */
export interface CellMetadata {
  tags?: string[];
  slideshow?: { slide_type?: string; [key: string]: JsonValue | undefined };
  [key: string]: JsonValue | undefined;
}

interface CellBase {
  id: string;
  metadata: CellMetadata;
  source: string;
  attachments?: { [name: string]: MimeBundle };
}

export interface CodeCell extends CellBase {
  cell_type: 'code';
  execution_count: number | null;
  outputs: Output[];
}

export interface MarkdownCell extends CellBase {
  cell_type: 'markdown';
}

export interface RawCell extends CellBase {
  cell_type: 'raw';
}

export type Cell = CodeCell | MarkdownCell | RawCell;

export interface KernelSpecMetadata {
  name: string;
  display_name: string;
  language?: string;
  [key: string]: JsonValue | undefined;
}

export interface NotebookMetadata {
  kernelspec?: KernelSpecMetadata;
  language_info?: { name: string; [key: string]: JsonValue | undefined };
  [key: string]: JsonValue | undefined;
}

export interface Notebook {
  cells: Cell[];
  metadata: NotebookMetadata;
  nbformat: 4;
  nbformat_minor: number;
}

/** The kernelspec every course notebook declares (what `tslab install` registers). */
export const TSLAB_KERNELSPEC: Readonly<KernelSpecMetadata> = Object.freeze({
  name: 'tslab',
  display_name: 'TypeScript',
  language: 'typescript',
});
