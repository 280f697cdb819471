/**
 * The `created_by` text of a history entry, as BuildKit writes it (dockerfile2llb/convert.go,
 * `commitToHistory`; OCI-FACTS §4.2) and, for contrast, as the classic builder did (§4.1).
 * Values are the expanded ones (after ARG/ENV substitution).
 */
import { formatGoDuration } from '../dockerfile/goDuration';
import type { HealthConfig } from '../dockerfile/instructions';
import { goQuote } from '../dockerfile/lineParsers';
import { goQuoteList, goQuoteRune, goValueList } from './goFormat';

export interface KeyValueText {
  readonly key: string;
  readonly value: string | undefined;
}

export type HistoryStep =
  | { readonly kind: 'RUN'; readonly argv: readonly string[]; readonly buildArgs: readonly KeyValueText[] }
  | {
      readonly kind: 'COPY' | 'ADD';
      readonly parents: boolean;
      readonly chown: string | undefined;
      readonly chmod: string | undefined;
      readonly sources: readonly string[];
      readonly inlineNames: readonly string[];
      readonly dest: string;
      /** Classic builder only: `file:<hex>`, `dir:<hex>` or `multi:<hex>`. */
      readonly classicSourceHash?: string;
    }
  | { readonly kind: 'WORKDIR'; readonly path: string }
  | { readonly kind: 'ENV' | 'LABEL'; readonly pairs: readonly KeyValueText[] }
  | { readonly kind: 'ARG'; readonly pairs: readonly KeyValueText[] }
  | { readonly kind: 'USER' | 'STOPSIGNAL' | 'MAINTAINER'; readonly value: string }
  | { readonly kind: 'VOLUME' | 'SHELL' | 'CMD' | 'ENTRYPOINT'; readonly list: readonly string[] }
  | { readonly kind: 'EXPOSE'; readonly ports: readonly string[] }
  | { readonly kind: 'HEALTHCHECK'; readonly health: HealthConfig };

function pairText(pairs: readonly KeyValueText[]): string {
  return pairs.map((p) => (p.value === undefined ? p.key : `${p.key}=${p.value}`)).join(' ');
}

/** `%q` of a *HealthcheckConfig: `&{["CMD-SHELL" "…"] "30s" "0s" "0s" "0s" '\x03'}`. */
export function goHealthcheckText(health: HealthConfig): string {
  const d = (ns: number): string => goQuote(formatGoDuration(ns));
  return `&{${goQuoteList(health.test)} ${d(health.interval)} ${d(health.timeout)} ${d(health.startPeriod)} ${d(health.startInterval)} ${goQuoteRune(health.retries)}}`;
}

/** BuildKit's `RUN` argument text: `|N K=V … argv…` when build args are in scope. */
export function runCommandText(argv: readonly string[], buildArgs: readonly KeyValueText[]): string {
  const args = buildArgs.map((a) => `${a.key}=${a.value ?? ''}`);
  return [...(args.length > 0 ? [`|${args.length}`, ...args] : []), ...argv].join(' ');
}

/** The BuildKit `created_by` of a step (with ` # buildkit` for RUN/COPY/ADD). */
export function buildkitCreatedBy(step: HistoryStep): string {
  switch (step.kind) {
    case 'RUN':
      return `RUN ${runCommandText(step.argv, step.buildArgs)} # buildkit`;
    case 'COPY':
    case 'ADD': {
      const parts: string[] = [step.kind];
      if (step.parents) parts.push('--parents');
      if (step.chown) parts.push(`--chown=${step.chown}`);
      if (step.chmod) parts.push(`--chmod=${step.chmod}`);
      parts.push(...step.sources, ...step.inlineNames.map((n) => `<<${n}`), step.dest);
      return `${parts.join(' ')} # buildkit`;
    }
    case 'WORKDIR':
      return `WORKDIR ${step.path}`;
    case 'ENV':
    case 'LABEL':
    case 'ARG':
      return `${step.kind} ${pairText(step.pairs)}`;
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return `${step.kind} ${step.value}`;
    case 'VOLUME':
    case 'SHELL':
      return `${step.kind} ${goValueList(step.list)}`;
    case 'CMD':
    case 'ENTRYPOINT':
      return `${step.kind} ${goQuoteList(step.list)}`;
    case 'EXPOSE':
      // BuildKit HEAD (Sep 2025) renders the sorted port list; releases before it printed a Go map.
      return `EXPOSE ${goValueList(step.ports)}`;
    case 'HEALTHCHECK':
      return `HEALTHCHECK ${goHealthcheckText(step.health)}`;
  }
}

/** The classic builder's `created_by` (`/bin/sh -c #(nop)  ENV …`), for the contrast lessons. */
export function classicCreatedBy(step: HistoryStep, shell: readonly string[] = ['/bin/sh', '-c']): string {
  const nop = (text: string): string => `${shell.join(' ')} #(nop)  ${text}`;
  switch (step.kind) {
    case 'RUN': {
      const args = step.buildArgs.filter((a) => a.value !== undefined).sort((a, b) => (a.key < b.key ? -1 : 1));
      return runCommandText(step.argv, args);
    }
    case 'COPY':
    case 'ADD':
      return `${shell.join(' ')} #(nop) ${step.kind} ${step.chown ? `--chown=${step.chown} ` : ''}${step.classicSourceHash ?? 'file:'} in ${step.dest} `;
    case 'WORKDIR':
      return nop(`WORKDIR ${step.path}`);
    case 'ENV':
    case 'LABEL':
    case 'ARG':
      return nop(`${step.kind} ${pairText(step.pairs)}`);
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return nop(`${step.kind} ${step.value}`);
    case 'VOLUME':
    case 'SHELL':
      return nop(`${step.kind} ${goValueList(step.list)}`);
    case 'CMD':
    case 'ENTRYPOINT':
      return nop(`${step.kind} ${goQuoteList(step.list)}`);
    case 'EXPOSE':
      return nop(`EXPOSE ${step.ports.join(' ')}`);
    case 'HEALTHCHECK':
      return nop(`HEALTHCHECK ${goHealthcheckText(step.health)}`);
  }
}
