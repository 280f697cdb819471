// Public surface of the view module (re-exported from src/index.ts).
// Showing values in a notebook:
export { show, inTslab, setDisplaySink, type Showable, type DisplaySink } from './display/show';
export { isRichView, TextFirstView, type RichView } from './display/RichView';
export { CliText } from './display/CliText';
export { CliTable } from './display/CliTable';
export { Figure, setFigureEmbedding, figureEmbedding, svgFromFigureHtml, type FigureEmbedding } from './display/Figure';
export { KOREAN_SANS_STACK, KOREAN_MONO_STACK } from './display/fonts';
export { historyTable, imagesTable, inspectJson, diffText, systemDfText, buildLogText, pullText, pushText, psTable } from './display/cliViews';
export { dockerHistory, dockerImages, dockerInspect, dockerSystemDf, dockerDiff, dockerBuildLog, dockerTransfer, dockerPs } from './model/dockerCommands';
export { stackImageOf } from './model/stackFromImage';
export { stagesOfBuild } from './model/stagesOfBuild';
export { unionLayersOf, type EntryLayerLike } from './model/unionFromImage';
export type { ImageLike, EngineLike, ImageLayerLike, ImageHistoryLike } from './model/modelShapes';
// CLI-faithful text (docker/cli formatter, docker/go-units):
export { humanSize, humanSizeWithPrecision, dockerSize } from './cli/humanSize';
export { humanDuration } from './cli/humanDuration';
export { formatHistory, type HistoryItem, type HistoryTextOptions } from './cli/historyText';
export { formatImages, type ImageSummaryItem, type ImagesTextOptions } from './cli/imagesText';
export { formatInspect } from './cli/inspectText';
export { formatDiff, type ChangeItem } from './cli/diffText';
export { formatPs, renderPs, type ContainerListItem, type PsTextOptions } from './cli/psText';
export { formatSystemDf, type SystemDfInput, type SystemDfTextOptions, type DfContainerItem, type DfVolumeItem, type DfBuildCacheItem } from './cli/systemDfText';
export { formatPull, formatPush, type PullReportInput, type PushReportInput, type PullLayerStatus, type PushLayerStatus } from './cli/transferText';
export { FormatTemplateError } from './cli/goTemplate';
export type { Moment as CliMoment } from './cli/cliTime';
// Live diagrams (SVG drawn from model values):
export { layerStack, type LayerStackOptions, type StackSource } from './diagram/layerStack';
export type { StackImageInput, StackLayerInput, StackContainerInput, UpperEntryInput } from './diagram/stackInput';
export { unionView, resolveUnion, type UnionViewInput, type UnionLayerInput } from './diagram/unionView';
export { cacheWalk } from './diagram/cacheWalk';
export { stageDag, criticalPath, type CriticalPath } from './diagram/stageDag';
export type { BuildStepInput, StageInput } from './diagram/buildInput';
// Plots (@observablehq/plot in Node through linkedom):
export { baseImageSizesPlot, type ImageSizeInput } from './plot/baseImageSizes';
export { layerSizesPlot } from './plot/layerSizes';
export { sharingDiskPlot } from './plot/sharingDisk';
export { copyUpCostPlot, type CopyUpPoint } from './plot/copyUpCost';
export { buildTimelinePlot } from './plot/buildTimeline';
export { editSeriesPlot, type EditSeriesPoint } from './plot/editSeries';
export { transferBytesPlot, type TransferInput } from './plot/transferBytes';
export { criticalPathTimePlot, type ParallelBuildInput } from './plot/criticalPathTime';
