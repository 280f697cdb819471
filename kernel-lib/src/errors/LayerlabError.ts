/**
 * The base of every error the library throws.
 *
 * Modelled on isomorphic-git's errors: a stable `code` a test or a notebook can branch on,
 * structured `data` naming the offending value, a message that names the value and the fix, and
 * — for errors a learner will read in a notebook — a Korean `hint`.
 */
export class LayerlabError extends Error {
  readonly code: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { data?: Record<string, unknown>; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.data = Object.freeze({ ...(options.data ?? {}) });
    this.hint = options.hint;
  }
}
