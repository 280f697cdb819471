// Public surface of the catalog module (re-exported from src/index.ts).
export {
  CATALOG_SPECS,
  catalogImage,
  hasCatalogImage,
  findCatalogSpec,
  catalogLayer,
  catalogLayers,
} from './catalog';
export { catalogListing, type CatalogListingRow } from './catalogListing';
export { connectCatalog, publishImage, catalogManifestDigest } from './publishCatalog';
export { CatalogLayer, type CatalogLayerIdentities } from './CatalogLayer';
export type { CatalogImageSpec, CatalogStep } from './CatalogImageSpec';
export type { CatalogLayerSpec } from './CatalogLayerSpec';
export type { CatalogFile } from './catalogFiles';
export { CatalogImageNotFoundError, CatalogLayerSizeError } from './CatalogError';
export { PACKAGE_CATALOG } from './packages';
