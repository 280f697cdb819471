export type {
  Cell,
  CellMetadata,
  CodeCell,
  DisplayDataOutput,
  ErrorOutput,
  ExecuteResultOutput,
  JsonObject,
  JsonValue,
  KernelSpecMetadata,
  MarkdownCell,
  MimeBundle,
  Notebook,
  NotebookMetadata,
  Output,
  RawCell,
  StreamOutput,
} from './types';
export { TSLAB_KERNELSPEC } from './types';
export { NotebookFormatError } from './NotebookFormatError';
export { readNotebook, parseNotebook, isJsonMime } from './readNotebook';
export { serializeNotebook, writeNotebook } from './writeNotebook';
export { ensureCellIds } from './cellIds';
export { splitLinesKeepEnds } from './splitLines';
export { pythonJsonDumps } from './pythonJson';
