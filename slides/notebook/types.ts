/**
 * The slice of nbformat v4 the deck exporter reads. It is deliberately structural: tools/nbformat's
 * `Notebook` (the course's byte-exact reader) is assignable to `DeckNotebook`, and so is a notebook
 * parsed by `readDeckNotebook` here. Multi-line fields are already joined into one string.
 */
export type MimeData = { readonly [mime: string]: unknown };

export interface DeckStreamOutput {
  readonly output_type: 'stream';
  readonly name: 'stdout' | 'stderr';
  readonly text: string;
}

export interface DeckDataOutput {
  readonly output_type: 'display_data' | 'execute_result';
  readonly data: MimeData;
  readonly metadata?: { readonly [key: string]: unknown };
}

export interface DeckErrorOutput {
  readonly output_type: 'error';
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: readonly string[];
}

export type DeckOutput = DeckStreamOutput | DeckDataOutput | DeckErrorOutput;

export interface DeckCell {
  readonly cell_type: 'code' | 'markdown' | 'raw';
  readonly id?: string;
  readonly source: string;
  readonly metadata: { readonly [key: string]: unknown };
  readonly outputs?: readonly DeckOutput[];
  /** Markdown/raw attachments: name → mime bundle (base64 images). */
  readonly attachments?: { readonly [name: string]: MimeData };
}

export interface DeckNotebook {
  readonly cells: readonly DeckCell[];
  readonly metadata: { readonly [key: string]: unknown };
}
