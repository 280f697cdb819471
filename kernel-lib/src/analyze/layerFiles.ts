import { readTar } from '../tar/readTar';
import { fromTarEntry } from '../layer/layerTarEntries';
import { LayerlabError } from '../errors/LayerlabError';

/** Reading a layer's tar into memory is refused above this size (a lazy catalog layer has `entries`). */
const MAX_TAR_READ = 256 << 20;

/**
 * What the analyses read from a layer: its changeset entries. The layer module's `Layer` has
 * them (`entries`); any other `ImageLayer` is read from its tar. Paths are relative ("etc/hosts")
 * or absolute — both are accepted and reported absolute.
 */
export interface AnalyzedEntry {
  readonly kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';
  readonly path: string;
  readonly content?: { readonly size: number };
  /** Size in bytes when `content` is absent. */
  readonly size?: number;
}

export interface AnalyzedLayer {
  readonly entries: readonly AnalyzedEntry[];
}

/** A layer as the model hands it over: with `entries`, or only its tar stream. */
export type LayerLike = AnalyzedLayer | { readonly tarChunks: () => Iterable<Uint8Array>; readonly size: number };

export function entriesOf(layer: LayerLike): readonly AnalyzedEntry[] {
  if ('entries' in layer) return layer.entries;
  if (layer.size > MAX_TAR_READ) {
    throw new LayerlabError('LAYER_TOO_LARGE_TO_READ', `a ${layer.size}-byte layer without an entry list cannot be analysed in memory (limit ${MAX_TAR_READ} bytes)`, {
      data: { size: layer.size },
      hint: '목록(entries)이 없는 아주 큰 레이어는 분석할 수 없습니다. 모델의 Layer 객체를 넘기세요.',
    });
  }
  const parts: Uint8Array[] = [];
  for (const c of layer.tarChunks()) parts.push(c);
  const tar = new Uint8Array(parts.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of parts) { tar.set(c, at); at += c.length; }
  return readTar(tar).map(fromTarEntry).filter((e): e is NonNullable<typeof e> => e !== undefined);
}

/** The bytes a tar entry holds (regular files only; links, dirs and whiteouts hold none). */
export function entrySize(e: AnalyzedEntry): number {
  if (e.kind !== 'file') return 0;
  return e.content?.size ?? e.size ?? 0;
}

export function absPath(p: string): string {
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  return '/' + parts.join('/');
}
