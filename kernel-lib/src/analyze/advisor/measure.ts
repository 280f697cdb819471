import { absPath, entriesOf, entrySize, type LayerLike } from '../layerFiles';
import { hiddenFiles } from '../overwrites';
import { dockerSize } from '../../view/cli/humanSize';
import type { Finding, MeasuredEffect } from './Finding';
import { looksLikeSecretFile } from './secretRules';

/** One step of a build as the advisor reads it (the builder's per-instruction record). */
export interface AdvisorStep {
  /** First Dockerfile line of the instruction. */
  readonly line: number;
  readonly cached?: boolean;
  readonly seconds?: number;
  /** The layer the step made, if it made one. */
  readonly layer?: LayerLike;
}

export interface AdvisorBuild {
  readonly steps: readonly AdvisorStep[];
  /** The final image's layers, base first (for secrets and hidden bytes). */
  readonly imageLayers?: readonly LayerLike[];
  /** Or the built image itself (a `BuildResult` can be passed as is). */
  readonly image?: { readonly layers: readonly LayerLike[] };
}

export interface MeasureInput {
  readonly build?: AdvisorBuild;
  /** The same Dockerfile rebuilt after editing one source file. */
  readonly rebuild?: AdvisorBuild;
}

function layerAt(build: AdvisorBuild | undefined, line: number): LayerLike | undefined {
  return build?.steps.find((s) => s.line === line)?.layer;
}

function bytesUnder(layer: LayerLike | undefined, dir: string): number {
  if (!layer) return 0;
  return entriesOf(layer).filter((e) => absPath(e.path).startsWith(dir + '/')).reduce((s, e) => s + entrySize(e), 0);
}

function layerBytes(layer: LayerLike | undefined): number {
  return layer ? entriesOf(layer).reduce((s, e) => s + entrySize(e), 0) : 0;
}

/** Attach what the build shows to each finding that has something measurable. */
export function measureFindings(findings: readonly Finding[], input: MeasureInput): Finding[] {
  const { build, rebuild } = input;
  if (!build && !rebuild) return [...findings];
  const stepLayers = (build?.steps ?? []).filter((s) => s.layer !== undefined);
  const hidden = hiddenFiles(stepLayers.map((s) => s.layer!));
  const hiddenBy = (line: number): number => {
    const idx = stepLayers.findIndex((s) => s.line === line);
    return idx < 0 ? 0 : hidden.filter((h) => h.byLayer === idx).reduce((a, h) => a + h.size, 0);
  };
  return findings.map((f): Finding => {
    let effect: MeasuredEffect | undefined;
    const line = f.lines[f.lines.length - 1]!;
    switch (f.rule) {
      case 'DL3009':
      case 'LL2001': {
        const bytes = bytesUnder(layerAt(build, f.lines[0]!), '/var/lib/apt/lists');
        if (bytes > 0) effect = { bytes, note: `${f.lines[0]}번째 줄의 레이어에 /var/lib/apt/lists ${dockerSize(bytes)}가 남음` };
        break;
      }
      case 'LL2002': {
        const bytes = hiddenBy(line);
        if (build) effect = { bytes, note: `지운 파일 ${dockerSize(bytes)}가 앞 레이어에 그대로 남음 (이 레이어는 ${dockerSize(layerBytes(layerAt(build, line)))})` };
        break;
      }
      case 'LL2003': {
        const bytes = layerBytes(layerAt(build, line));
        if (build) effect = { bytes, note: `권한만 바꾼 파일이 ${dockerSize(bytes)} 더 저장됨` };
        break;
      }
      case 'DL3059': {
        const made = f.lines.filter((l) => layerAt(build, l) !== undefined).length;
        const bytes = f.lines.reduce((a, l) => a + hiddenBy(l), 0);
        if (build) effect = { layers: Math.max(0, made - 1), bytes, note: `RUN ${f.lines.length}개가 레이어 ${made}개를 만듦${bytes > 0 ? `, 뒤 RUN이 가린 ${dockerSize(bytes)}가 남음` : ''}` };
        break;
      }
      case 'LL3001': {
        if (!rebuild) break;
        const from = f.lines[0]!;
        const missed = rebuild.steps.filter((s) => s.line >= from && s.cached === false);
        const seconds = missed.reduce((a, s) => a + (s.seconds ?? 0), 0);
        effect = { cacheMisses: missed.length, seconds, note: `소스 파일 하나를 고친 뒤 다시 빌드: ${missed.length}단계가 다시 실행됨 (${seconds.toFixed(1)}초)` };
        break;
      }
      case 'LL4001': {
        const layers = build?.imageLayers ?? build?.image?.layers ?? stepLayers.map((s) => s.layer!);
        const found: string[] = [];
        let bytes = 0;
        layers.forEach((l, i) => {
          for (const e of entriesOf(l)) {
            if (e.kind === 'file' && looksLikeSecretFile(absPath(e.path))) { found.push(`${absPath(e.path)} (레이어 ${i + 1})`); bytes += entrySize(e); }
          }
        });
        if (found.length) effect = { bytes, note: `레이어 안에 그대로 있음: ${found.join(', ')}` };
        break;
      }
      case 'LL5001': {
        const step = rebuild?.steps.find((s) => s.line === f.lines[0]);
        if (step) effect = { cacheMisses: step.cached ? 0 : 1, note: step.cached ? '다시 빌드해도 CACHED: 값은 첫 빌드 때 그대로' : '다시 빌드할 때 실행됨' };
        break;
      }
      case 'LL6001': {
        const bytes = f.lines.reduce((a, l) => a + layerBytes(layerAt(build, l)), 0);
        if (build) effect = { bytes, note: `빌드 단계의 레이어 ${dockerSize(bytes)}가 최종 이미지에 포함됨` };
        break;
      }
      default:
        break;
    }
    return effect ? { ...f, effect } : f;
  });
}
