// Public surface of the analyze module (re-exported from src/index.ts).
export { imageEfficiency, type ImageEfficiency, type InefficientPath } from './efficiency';
export { hiddenFiles, type HiddenFile } from './overwrites';
export { diveReport, diveReportText, humanizeBytes, type DiveRules } from './diveReport';
export type { AnalyzedEntry, AnalyzedLayer, LayerLike } from './layerFiles';
export { adviseDockerfile, ADVISOR_RULES, type AdviseOptions } from './advisor/advise';
export { AdviceView } from './advisor/AdviceView';
export type { Finding, FindingSeverity, MeasuredEffect } from './advisor/Finding';
export type { AdvisorBuild, AdvisorStep } from './advisor/measure';
export { isSecretVariableName, looksLikeSecretFile } from './advisor/secretRules';
