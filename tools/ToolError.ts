/**
 * The tools' error base: the same shape as kernel-lib's `LayerlabError` (a stable `code`, structured
 * `data`, `cause`), kept separate on purpose. The runner must keep working while a kernel-lib module
 * is half-written or unbuilt (it is the thing that reports such breakage), so tools/ never imports
 * kernel-lib. Its readers are course authors, so messages are English and there is no Korean hint.
 */
export class ToolError extends Error {
  readonly code: string;
  readonly data: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: { data?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.data = Object.freeze({ ...(options.data ?? {}) });
  }
}
