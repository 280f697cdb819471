import type { HistoryItem, HistoryTextOptions } from '../cli/historyText';
import type { ImageSummaryItem, ImagesTextOptions } from '../cli/imagesText';
import type { ChangeItem } from '../cli/diffText';
import type { SystemDfInput } from '../cli/systemDfText';
import type { ContainerListItem, PsTextOptions } from '../cli/psText';
import { buildLogText, diffText, historyTable, imagesTable, inspectJson, psTable, systemDfText } from '../display/cliViews';
import type { CliTable } from '../display/CliTable';
import { CliText } from '../display/CliText';

/**
 * `docker …` commands against the model engine, shown as the CLI shows them: each takes the
 * engine (anything with the method it needs) and returns a view — print it for the CLI's exact
 * text, `show()` it for the HTML table. "CREATED … ago" is measured on the engine's model clock.
 */
interface Clocked { readonly clock: { now(): number } }

const now = (e: Clocked): Date => new Date(e.clock.now());

export function dockerHistory(engine: Clocked & { history(ref: string, options?: { noTrunc?: boolean }): readonly HistoryItem[] }, ref: string, options: Omit<HistoryTextOptions, 'now'> = {}): CliTable {
  return historyTable(engine.history(ref, { noTrunc: options.noTrunc ?? false }), { ...options, now: now(engine), image: ref });
}

export function dockerImages(engine: Clocked & { imageSummaries(options?: { all?: boolean }): readonly ImageSummaryItem[] }, options: Omit<ImagesTextOptions, 'now'> & { readonly all?: boolean } = {}): CliTable {
  return imagesTable(engine.imageSummaries({ all: options.all ?? false }), { ...options, now: now(engine) });
}

/** `docker ps` (`-a` with `all`): the engine's containers, newest first, as the CLI lists them. */
export function dockerPs(engine: { ps(options?: { all?: boolean }): readonly ContainerListItem[] }, options: PsTextOptions & { readonly all?: boolean } = {}): CliTable {
  return psTable(engine.ps({ all: options.all ?? false }), options);
}

export function dockerInspect(engine: { inspect(ref: string): unknown }, refs: string | readonly string[], options: { readonly format?: string } = {}): CliText {
  const list = typeof refs === 'string' ? [refs] : refs;
  return inspectJson(list.map((r) => engine.inspect(r)), { ...options, refs: list });
}

export function dockerSystemDf(engine: Clocked & { systemDf(): SystemDfInput }, options: { readonly verbose?: boolean } = {}): CliText {
  return systemDfText(engine.systemDf(), { now: now(engine), verbose: options.verbose ?? false });
}

export function dockerDiff(engine: { diff(container: never): readonly ChangeItem[] }, container: string | { readonly name?: string; readonly id?: string }): CliText {
  const changes = (engine.diff as (c: unknown) => readonly ChangeItem[])(container);
  const label = typeof container === 'string' ? container : container.name ?? container.id ?? '';
  return diffText(changes, label);
}

/** A build's log (BuildKit plain progress), as `docker build --progress=plain` prints it. */
export function dockerBuildLog(result: { readonly log: string; readonly tags?: readonly string[] }): CliText {
  const tag = result.tags?.[0];
  return buildLogText(result.log, `docker build --progress=plain${tag ? ` -t ${tag}` : ''} .`);
}

/** `docker pull` / `docker push` output as the registry module recorded it (final line per layer). */
export function dockerTransfer(report: { readonly text: string; readonly reference?: { readonly familiar?: string } }, verb: 'pull' | 'push'): CliText {
  return new CliText(report.text, report.reference?.familiar ? `docker ${verb} ${report.reference.familiar}` : undefined);
}
