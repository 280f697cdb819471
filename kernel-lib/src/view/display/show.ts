import { isRichView, type RichView } from './RichView';

/**
 * `show(x)` — the one way a cell shows a value.
 *
 * In the tslab kernel it sends one `display_data` with `text/html` (tslab sends exactly one MIME
 * type per display call, JUPYTER-FACTS §1.4); the value's text form stays available as its
 * `toString()`/`util.inspect` (what a cell's last expression prints). Outside a kernel (vitest,
 * plain node, tsx scripts) it prints the text form. Headless execution by our own Jupyter client
 * collects the same display_data, and exported slides embed the same HTML.
 *
 * tslab is found at call time through `globalThis.__tslab__.require`, the hooked `require` the
 * kernel installs for cells (tslab executor.ts): it returns the *running* kernel's module, whereas
 * a plain `require('tslab')` from a package could load a second copy whose display is "Not ready".
 * kernel-lib therefore never imports tslab, and nothing here runs at import time.
 */
export type Showable = RichView | string;

interface TslabDisplay {
  html(s: string): void;
  text(s: string): void;
}

/** Where displays go instead of the kernel (tests, the slides exporter). */
export interface DisplaySink {
  html(html: string, view: RichView): void;
  text(text: string): void;
}

let sink: DisplaySink | undefined;

/** Route `show` to a custom sink (or back to the default with `undefined`). Returns the previous sink. */
export function setDisplaySink(next: DisplaySink | undefined): DisplaySink | undefined {
  const prev = sink;
  sink = next;
  return prev;
}

function tslabDisplay(): TslabDisplay | undefined {
  const hook = (globalThis as { __tslab__?: { require?: unknown } }).__tslab__;
  if (!hook || typeof hook.require !== 'function') return undefined;
  try {
    const mod = (hook.require as (id: string) => unknown)('tslab') as { display?: TslabDisplay } | undefined;
    return mod?.display;
  } catch {
    return undefined;
  }
}

/** True inside a running tslab kernel. */
export function inTslab(): boolean {
  return tslabDisplay() !== undefined;
}

export function show(...items: Showable[]): void {
  for (const item of items) {
    if (sink) {
      if (typeof item === 'string') sink.text(item);
      else sink.html(item.html(), item);
      continue;
    }
    const display = tslabDisplay();
    if (typeof item === 'string') {
      if (display) display.text(item);
      else console.log(item);
    } else if (isRichView(item)) {
      if (display) display.html(item.html());
      else console.log(item.text.replace(/\n$/, ''));
    } else {
      console.log(item);
    }
  }
}
