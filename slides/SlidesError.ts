/**
 * The deck exporter's error: a stable `code`, structured `data` and the fix in the message.
 *
 * It has the same shape as kernel-lib's `LayerlabError` but does not extend it: like tools/, the
 * exporter must keep working while a kernel-lib module is half-written (a lecturer can still print
 * yesterday's decks), so slides/ never imports kernel-lib. Its readers are course authors, so the
 * messages are English and there is no Korean hint.
 */
export class SlidesError extends Error {
  readonly code: SlidesErrorCode;
  readonly data: Readonly<Record<string, unknown>>;

  constructor(code: SlidesErrorCode, message: string, options: { data?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SlidesError';
    this.code = code;
    this.data = Object.freeze({ ...(options.data ?? {}) });
  }
}

export type SlidesErrorCode =
  /** The file is missing, not JSON, or not nbformat 4. */
  | 'SLIDES_BAD_NOTEBOOK'
  /** Every cell is `skip` or `notes`: nbconvert refuses such a notebook too. */
  | 'SLIDES_NO_VISIBLE_CELL'
  /** A `layerlab` metadata value has the wrong type (e.g. minutes that are not a positive number). */
  | 'SLIDES_BAD_METADATA'
  /** A command-line argument the CLI does not understand. */
  | 'SLIDES_BAD_ARGUMENT'
  /** An npm package the deck bundles (reveal.js, mermaid, highlight.js) is not installed. */
  | 'SLIDES_MISSING_PACKAGE'
  /** Chromium (or pdfinfo) is not installed, or the page never became ready. */
  | 'SLIDES_BROWSER';
