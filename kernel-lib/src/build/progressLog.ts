/**
 * The build log in BuildKit's plain progress style (`docker build --progress=plain`):
 *
 *   #5 [2/5] RUN echo "Step 1" && sleep 2
 *   #5 0.105 Step 1
 *   #5 DONE 2.1s
 *
 *   #6 [3/5] RUN echo "Step 2" && sleep 2
 *   #6 CACHED
 *
 * One block per vertex, numbered in the order they are reported; detail lines (`transferring
 * context: 2B done`), process output with its offset in seconds, then CACHED, DONE or ERROR.
 */
export interface ProgressVertex {
  readonly name: string;
  readonly cached?: boolean;
  readonly seconds?: number;
  /** Status lines printed as `#N <line>`. */
  readonly details?: readonly string[];
  /** Process output, each line printed as `#N <offset> <line>`. */
  readonly output?: readonly { readonly offset: number; readonly line: string }[];
  readonly error?: string;
}

export function formatVertex(number: number, vertex: ProgressVertex): string {
  const lines = [`#${number} ${vertex.name}`];
  for (const detail of vertex.details ?? []) lines.push(`#${number} ${detail}`);
  for (const out of vertex.output ?? []) lines.push(`#${number} ${out.offset.toFixed(3)} ${out.line}`);
  if (vertex.error !== undefined) lines.push(`#${number} ERROR: ${vertex.error}`);
  else if (vertex.cached) lines.push(`#${number} CACHED`);
  else lines.push(`#${number} DONE ${(vertex.seconds ?? 0).toFixed(1)}s`);
  return lines.join('\n');
}

/** The whole log: a `#0` header line, then the vertices separated by blank lines. */
export function formatPlainProgress(vertices: readonly ProgressVertex[], header = '#0 building with "default" instance using docker driver'): string {
  return [header, ...vertices.map((v, i) => formatVertex(i + 1, v))].join('\n\n') + '\n';
}

/** BuildKit's step prefix: `[stage 2/5] `, the index padded to the width of the total. */
export function stepPrefix(stageName: string | undefined, index: number, total: number): string {
  const width = String(total).length;
  return `[${stageName === undefined ? '' : `${stageName} `}${String(index).padStart(width, ' ')}/${total}] `;
}
