// CLI-faithful text: the docker CLI's tables, units and templates (docker/cli formatter, go-units).
export { goFormatG } from './goFloat';
export { humanSize, humanSizeWithPrecision, dockerSize } from './humanSize';
export { humanDuration } from './humanDuration';
export { displayWidth, ellipsis } from './displayWidth';
export { tabwrite, DOCKER_TABWRITER, type TabwriterOptions } from './tabwriter';
export { compileGoTemplate, goPrint, goJsonCompact, goJsonIndent, FormatTemplateError, type CompiledTemplate } from './goTemplate';
export { renderCliFormat, renderCliTable, truncateId, type CliTableRender } from './cliFormat';
export { createdSince, rfc3339, goTimeString, toUnixSeconds, type Moment } from './cliTime';
export { formatHistory, renderHistory, type HistoryItem, type HistoryTextOptions } from './historyText';
export { formatImages, renderImages, type ImageSummaryItem, type ImagesTextOptions } from './imagesText';
export { formatInspect } from './inspectText';
export { formatDiff, type ChangeItem } from './diffText';
export { formatSystemDf, type SystemDfInput, type SystemDfTextOptions, type DfContainerItem, type DfVolumeItem, type DfBuildCacheItem } from './systemDfText';
export { formatPull, formatPush, type PullReportInput, type PushReportInput, type PullLayerStatus, type PushLayerStatus } from './transferText';
export { familiarRepository } from './familiarName';
