/**
 * The image operations of `Engine` (one file per operation; this file gathers them for Engine.ts).
 */
export { enginePull } from './pull';
export { engineTag, engineAddImage } from './addImage';
export { engineRmi } from './rmi';
export { engineImages } from './imageList';
export { engineInspect } from './inspect';
export { engineHistory } from './history';
export { engineSystemDf } from './systemDf';
export { engineGetImage } from './resolveImage';
export { engineImageSummaries } from './imageSummaries';
