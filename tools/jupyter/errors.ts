import { ToolError } from '../ToolError';
import type { JupyterMessage } from './messages';

export interface KernelExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the kernel process wrote to its own stderr/stdout (not iopub): crash reports. */
  processOutput: string;
}

/** The kernel did not answer kernel_info in time, or exited while starting. */
export class KernelStartError extends ToolError {
  constructor(message: string, data: Record<string, unknown>) {
    super('KernelStart', message, { data });
  }
}

/** The kernel process exited while a request was outstanding. */
export class KernelDiedError extends ToolError {
  readonly exit: KernelExit;
  /** iopub messages the unfinished request had produced before the kernel died. */
  messages: readonly JupyterMessage[] = [];
  constructor(exit: KernelExit, during: string) {
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const tail = exit.processOutput.trim() ? `\nkernel process output (last lines):\n${exit.processOutput.trimEnd()}` : '';
    super('KernelDied', `the kernel ${how} during ${during}${tail}`, { data: { ...exit, during } });
    this.exit = exit;
  }
}
