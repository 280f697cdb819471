// Public surface of the engine module (re-exported from src/index.ts).
export { Engine, type EngineOptions } from './Engine';
export type { EngineState, EngineContainerRecord } from './EngineState';
export { ModelClock, MODEL_EPOCH_MS } from './ModelClock';
export { NoSuchImageError, ImageDeleteConflictError, TagWithDigestError, EngineFeatureUnavailableError } from './engineErrors';
export { type AddImageOptions } from './addImage';
export { type ResolvedImage, resolveImageRef } from './resolveImage';
export { type RmiOptions, type RmiRecord } from './rmi';
export { type ImageListRow, type ImagesOptions } from './imageList';
export { type ImageInspect, overlayCacheId, overlayGraphDriverData } from './inspect';
export { type ImageHistoryRow, type HistoryOptions, HistoryLayersMismatchError, dockerEllipsis } from './history';
export { type SystemDf, type SystemDfImageRow, type SystemDfSummaryRow, type SystemDfContainer, type SystemDfVolume } from './systemDf';
export { type PullResult, type PullOptions } from './pull';
export { type ImageSummary, type ImageSummariesOptions } from './imageSummaries';
export { type LoadOptions, engineSaveEntries } from './saveLoad';
export { type ContainerRef, type ContainerRmOptions, type ContainerListRow, type PsOptions, type ExportOptions, type CommitOptions } from './containers';
