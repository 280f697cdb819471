// Public surface of the image module (re-exported from src/index.ts).
export { Image, type ManifestFormat, type SerializedManifest } from './Image';
export type {
  ImageConfigFile,
  ImageRunConfig,
  ImageHistoryEntry,
  ImageHealthcheck,
  ImageRootFs,
  ImagePlatform,
} from './ImageConfig';
export { type ImageLayer, layerDiffSize } from './ImageLayer';
export { InvalidImageError } from './ImageError';
export { chainIds, chainId } from './chainId';
export { MediaTypes, type MediaType, isLayerMediaType, isGzipLayerMediaType } from './mediaTypes';
export {
  type OciDescriptor,
  type OciPlatform,
  type ImageManifest,
  type ImageIndex,
  type ManifestStyle,
  imageManifestJson,
  serializeImageManifest,
  imageIndexJson,
  ociDescriptorJson,
  distributionDescriptorJson,
} from './manifest';
export { imageConfigJson, serializeImageConfig, type ImageConfigStyle } from './serializeImageConfig';
export { parseImageConfig } from './parseImageConfig';
export { goJsonStringify, goJsonString, goMap, compareGoMapKeys, type GoJsonValue } from './goJson';
export { formatGoTime, parseGoTime } from './goTime';
export {
  type ImageHistoryInput,
  scratchImage,
  setImageConfigFile,
  appendImageLayer,
  addImageHistory,
  setImageRunConfig,
  setImageCreated,
  setImageAuthor,
} from './mutate';
