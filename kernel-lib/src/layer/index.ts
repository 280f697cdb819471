export {
  Layer,
  layerFromEntries,
  layerFromTar,
  layerFromBlob,
  emptyLayer,
  OCI_LAYER_MEDIA_TYPE,
  OCI_LAYER_TAR_MEDIA_TYPE,
  type LayerFromEntriesOptions,
} from './Layer';
export { type LayerEntry, type LayerEntryInput, type LayerEntryKind, layerEntry } from './LayerEntry';
export { InvalidWhiteoutError, InvalidLayerError, LayerApplyError } from './LayerError';
export {
  WHITEOUT_PREFIX,
  WHITEOUT_META_PREFIX,
  WHITEOUT_OPAQUE,
  type WhiteoutName,
  classifyLayerPath,
  whiteoutPathFor,
  opaqueMarkerPathFor,
  isReservedWhiteoutName,
} from './whiteout';
export { sortLayerEntries, toTarEntry, fromTarEntry } from './layerTarEntries';
export {
  FileTree,
  type TreeNode,
  type TreeNodeMeta,
  type TreeFileNode,
  type TreeDirNode,
  type TreeSymlinkNode,
  type TreeWhiteoutNode,
  pathParts,
  compareNames,
  newDirNode,
  cloneNode,
} from './FileTree';
export { applyLayer, applyLayerInPlace, flattenLayers, resolveTreeDir } from './applyLayer';
export { printFileTree, type PrintTreeOptions } from './printTree';
export { layerEntriesFromTree, layerFromTree } from './layerFromTree';
