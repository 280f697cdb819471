/**
 * Turns iopub messages into nbformat outputs, the way a Jupyter frontend keeps its output areas
 * (and nbclient writes them; JUPYTER-FACTS §2.5 and §2.9):
 * - `stream`: consecutive chunks of the same stream are merged into one output;
 * - `display_data` / `execute_result`: appended; with a `transient.display_id`, every earlier output
 *   carrying that id — in this cell or an earlier one — takes the new data too;
 * - `update_display_data`: replaces data and metadata of the outputs with that id, appends nothing;
 * - `clear_output`: empties the current cell; with `wait: true`, only when the next output arrives;
 * - `error`: stored as nbformat `error` (tslab never sends one; other kernels do).
 * `transient` itself is never stored (nbformat §3.3). One instance lives for a whole notebook run,
 * since a display can be updated from a later cell.
 */
import type { DisplayDataOutput, ExecuteResultOutput, JsonObject, MimeBundle, Output } from '../nbformat/types';
import type { JupyterMessage } from './messages';

type DisplayOutput = DisplayDataOutput | ExecuteResultOutput;

interface DisplayContent {
  data?: MimeBundle;
  metadata?: JsonObject;
  transient?: { display_id?: string };
  execution_count?: number;
}

export class NotebookOutputs {
  readonly #displays = new Map<string, Set<DisplayOutput>>();
  #current: Output[] = [];
  #clearOnNextOutput = false;

  /** Starts collecting for the next cell and returns the array that will hold its outputs. */
  beginCell(): Output[] {
    this.#current = [];
    this.#clearOnNextOutput = false;
    return this.#current;
  }

  /** Outputs collected so far for the current cell. */
  get current(): readonly Output[] {
    return this.#current;
  }

  handle(message: JupyterMessage): void {
    const content = message.content;
    switch (message.header.msg_type) {
      case 'stream': {
        this.#beforeOutput();
        const name = content.name === 'stderr' ? 'stderr' : 'stdout';
        const text = typeof content.text === 'string' ? content.text : '';
        const last = this.#current[this.#current.length - 1];
        if (last?.output_type === 'stream' && last.name === name) last.text += text;
        else this.#current.push({ output_type: 'stream', name, text });
        return;
      }
      case 'display_data':
      case 'execute_result': {
        this.#beforeOutput();
        const display = content as DisplayContent;
        const output: DisplayOutput =
          message.header.msg_type === 'display_data'
            ? { output_type: 'display_data', data: display.data ?? {}, metadata: display.metadata ?? {} }
            : {
                output_type: 'execute_result',
                execution_count: display.execution_count ?? null,
                data: display.data ?? {},
                metadata: display.metadata ?? {},
              };
        const id = display.transient?.display_id;
        if (id !== undefined) {
          this.#update(id, output.data, output.metadata);
          const outputs = this.#displays.get(id) ?? new Set<DisplayOutput>();
          outputs.add(output);
          this.#displays.set(id, outputs);
        }
        this.#current.push(output);
        return;
      }
      case 'update_display_data': {
        const display = content as DisplayContent;
        const id = display.transient?.display_id;
        if (id !== undefined) this.#update(id, display.data ?? {}, display.metadata ?? {});
        return;
      }
      case 'error': {
        this.#beforeOutput();
        this.#current.push({
          output_type: 'error',
          ename: String(content.ename ?? ''),
          evalue: String(content.evalue ?? ''),
          traceback: Array.isArray(content.traceback) ? content.traceback.map(String) : [],
        });
        return;
      }
      case 'clear_output': {
        if (content.wait === true) this.#clearOnNextOutput = true;
        else this.#clear();
        return;
      }
      default:
        // execute_input, comm_* and anything else carry no stored output.
        return;
    }
  }

  #beforeOutput(): void {
    if (this.#clearOnNextOutput) this.#clear();
  }

  #clear(): void {
    this.#clearOnNextOutput = false;
    for (const output of this.#current.splice(0)) {
      if (output.output_type === 'display_data' || output.output_type === 'execute_result') {
        for (const outputs of this.#displays.values()) outputs.delete(output);
      }
    }
  }

  #update(id: string, data: MimeBundle, metadata: JsonObject): void {
    for (const output of this.#displays.get(id) ?? []) {
      output.data = structuredClone(data);
      output.metadata = structuredClone(metadata);
    }
  }
}
