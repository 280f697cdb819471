import { ToolError } from '../ToolError';

/** A file that is not an nbformat 4 notebook (bad JSON, wrong version, malformed cell). */
export class NotebookFormatError extends ToolError {
  constructor(path: string, problem: string) {
    super('NotebookFormat', `${path}: not a valid nbformat 4 notebook: ${problem}`, { data: { path, problem } });
  }
}
