/**
 * The catalog as a table: what each image is, what it is built on, its size in the model and the
 * size Docker reports for the real image. Sizes are bytes; the view module formats them.
 */
import { catalogImage, CATALOG_SPECS } from './catalog';

export interface CatalogListingRow {
  readonly reference: string;
  readonly parent: string | undefined;
  readonly description: string;
  /** Number of layers (filesystem changesets). */
  readonly layers: number;
  /** Uncompressed size: Σ DiffSize, what `docker images` shows. */
  readonly size: number;
  /** Σ gzip blob sizes: what a pull downloads and Docker Hub lists. */
  readonly compressedSize: number;
  /** The real image's size, and where that figure is from. */
  readonly publishedSize: number;
  readonly source: string;
}

export function catalogListing(): CatalogListingRow[] {
  return CATALOG_SPECS.map((spec) => {
    const image = catalogImage(spec.reference);
    return Object.freeze({
      reference: spec.reference,
      parent: spec.parent,
      description: spec.description,
      layers: image.layers.length,
      size: image.size,
      compressedSize: image.layers.reduce((sum, l) => sum + l.compressedSize, 0),
      publishedSize: spec.published.size,
      source: spec.published.source,
    });
  });
}
