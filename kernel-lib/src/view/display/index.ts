export { show, inTslab, setDisplaySink, type Showable, type DisplaySink } from './show';
export { isRichView, TextFirstView, type RichView } from './RichView';
export { CliText } from './CliText';
export { CliTable } from './CliTable';
export { Figure, setFigureEmbedding, figureEmbedding, svgFromFigureHtml, type FigureEmbedding } from './Figure';
export { KOREAN_SANS_STACK, KOREAN_MONO_STACK } from './fonts';
export { escapeHtml } from './htmlEscape';
