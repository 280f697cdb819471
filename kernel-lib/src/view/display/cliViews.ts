import { renderHistory, type HistoryItem, type HistoryTextOptions } from '../cli/historyText';
import { renderImages, type ImageSummaryItem, type ImagesTextOptions } from '../cli/imagesText';
import { formatInspect } from '../cli/inspectText';
import { formatDiff, type ChangeItem } from '../cli/diffText';
import { formatSystemDf, type SystemDfInput, type SystemDfTextOptions } from '../cli/systemDfText';
import { formatPull, formatPush, type PullReportInput, type PushReportInput } from '../cli/transferText';
import { renderPs, type ContainerListItem, type PsTextOptions } from '../cli/psText';
import { CliTable } from './CliTable';
import { CliText } from './CliText';

/**
 * The docker commands' output as views: print one (or leave it as a cell's last expression) and
 * you get the CLI's exact text; `show()` it and JupyterLab gets an HTML table with the same cells.
 * Inputs are the Docker Engine API shapes (what `docker` itself receives from the daemon).
 */
export function historyTable(items: readonly HistoryItem[], options: HistoryTextOptions & { readonly image?: string }): CliTable {
  const flags = `${options.noTrunc ? ' --no-trunc' : ''}${options.format ? ` --format '${options.format}'` : ''}`;
  return new CliTable(renderHistory(items, options), options.image === undefined ? undefined : `docker history${flags} ${options.image}`);
}

export function imagesTable(images: readonly ImageSummaryItem[], options: ImagesTextOptions): CliTable {
  return new CliTable(renderImages(images, options), `docker images${options.digests ? ' --digests' : ''}${options.format ? ` --format '${options.format}'` : ''}`);
}

export function psTable(rows: readonly ContainerListItem[], options: PsTextOptions & { readonly all?: boolean } = {}): CliTable {
  const flags = `${options.all ? ' -a' : ''}${options.quiet ? ' -q' : ''}${options.format ? ` --format '${options.format}'` : ''}`;
  return new CliTable(renderPs(rows, options), `docker ps${flags}`);
}

export function inspectJson(objects: readonly unknown[], options: { readonly format?: string; readonly refs?: readonly string[] } = {}): CliText {
  const cmd = options.refs ? `docker image inspect${options.format ? ` --format '${options.format}'` : ''} ${options.refs.join(' ')}` : undefined;
  return new CliText(formatInspect(objects, options), cmd);
}

export function diffText(changes: readonly ChangeItem[], container?: string): CliText {
  return new CliText(formatDiff(changes), container === undefined ? undefined : `docker diff ${container}`);
}

export function systemDfText(df: SystemDfInput, options: SystemDfTextOptions): CliText {
  return new CliText(formatSystemDf(df, options), `docker system df${options.verbose ? ' -v' : ''}`);
}

/** A build's log (BuildKit plain progress) passed through untouched. */
export function buildLogText(log: string, command?: string): CliText {
  return new CliText(log.endsWith('\n') || log === '' ? log : log + '\n', command);
}

export function pullText(report: PullReportInput): CliText {
  return new CliText(formatPull(report), `docker pull ${report.ref}`);
}

export function pushText(report: PushReportInput): CliText {
  return new CliText(formatPush(report), `docker push ${report.repository.replace(/^docker\.io\/(library\/)?/, '')}:${report.tag}`);
}
