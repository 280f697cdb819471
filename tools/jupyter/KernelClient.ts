/**
 * A Jupyter kernel client over ZeroMQ, written for tslab and kept to the protocol so another kernel
 * could be driven the same way. One client owns one kernel process.
 *
 * Rules it follows, each learnt the hard way (JUPYTER-FACTS §2):
 * - one reader loop per socket: zeromq v6 allows a single pending receive() (a second one is EBUSY);
 *   replies and iopub messages are dispatched by `parent_header.msg_id`.
 * - readiness = a kernel_info_reply *and* the iopub `idle` parented to it; requests are resent every
 *   250 ms until both arrive, because a SUB socket misses what was published before it joined.
 * - a request is finished when both its shell reply and its iopub `idle` have arrived.
 * - interrupt is SIGINT: tslab's spec has no interrupt_mode, and it answers interrupt_request with
 *   nothing but a stderr warning (§1.11).
 * - shutdown_request goes on control; tslab does not exit by itself afterwards (§1.12), so we wait
 *   briefly, then SIGTERM, then SIGKILL. Every kernel is also killed when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dealer, Subscriber, type Socket } from 'zeromq';
import { TSLAB_BIN } from '../paths';
import { address, createConnectionInfo, writeConnectionFile, type ConnectionInfo } from './connection';
import { KernelDiedError, KernelStartError, type KernelExit } from './errors';
import type { ExecuteReplyContent, JupyterMessage, KernelInfoReplyContent } from './messages';
import { decodeMessage, encodeMessage, newHeader } from './wire';

export interface KernelLaunchOptions {
  /** The kernel's working directory: the notebook's folder, as Jupyter, nbclient and nbval use. */
  cwd: string;
  /** Kernel command; `{connection_file}` is replaced as in a kernelspec. Default: the local tslab. */
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** How long the kernel may take to answer kernel_info (default 60 s). */
  startupTimeoutMs?: number;
}

export interface ExecuteOptions {
  /** After this long the kernel is sent SIGINT and the result has status 'timeout' (default: none). */
  timeoutMs?: number;
  /** How long to wait for the reply after the SIGINT before killing the kernel (default 5 s). */
  interruptGraceMs?: number;
}

export interface ExecuteResult {
  /** The execute_request's msg_id: late output (`lateMessages`) is parented to it. */
  msgId: string;
  /** 'timeout': the cell ran past `timeoutMs` and was interrupted. */
  status: ExecuteReplyContent['status'] | 'timeout';
  executionCount: number | null;
  /** iopub messages parented to this request, in arrival order, status messages excluded. */
  messages: JupyterMessage[];
  reply: ExecuteReplyContent | null;
  durationMs: number;
}

/**
 * The kernel command: the project's tslab run by *this* Node (`process.execPath`), not by whatever
 * `node` the bin's `#!/usr/bin/env node` line finds first on PATH — the course needs require(esm).
 */
export const TSLAB_ARGV: readonly string[] = [process.execPath, TSLAB_BIN, 'kernel', '--config-path', '{connection_file}'];

interface Pending {
  reply: JupyterMessage | null;
  idle: boolean;
  messages: JupyterMessage[];
  settle: () => void;
}

export class KernelClient {
  readonly pid: number;
  readonly connection: ConnectionInfo;
  kernelInfo: KernelInfoReplyContent | null = null;
  /** Wall time from spawn to a confirmed kernel_info round trip. */
  startupMs = 0;
  /** iopub output that arrived after its request had finished (tslab sends output from timers late). */
  readonly lateMessages: JupyterMessage[] = [];
  /** Messages that failed to parse or verify: never silently dropped. */
  readonly protocolErrors: Error[] = [];

  readonly #process: ChildProcess;
  readonly #shell = new Dealer({ linger: 0 });
  readonly #control = new Dealer({ linger: 0 });
  readonly #iopub = new Subscriber({ linger: 0 });
  readonly #session = randomUUID();
  readonly #pending = new Map<string, Pending>();
  readonly #finished = new Set<string>();
  readonly #connectionDir: string;
  #processOutput = '';
  #exit: KernelExit | null = null;
  readonly #exited: Promise<KernelExit>;
  #closing = false;

  private constructor(child: ChildProcess, connection: ConnectionInfo, connectionDir: string) {
    this.#process = child;
    this.pid = child.pid ?? -1;
    this.connection = connection;
    this.#connectionDir = connectionDir;
    const keep = (chunk: Buffer) => {
      this.#processOutput = (this.#processOutput + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        liveKernels.delete(child);
        this.#exit = { code, signal, processOutput: lastLines(this.#processOutput, 20) };
        for (const pending of this.#pending.values()) pending.settle();
        resolve(this.#exit);
      });
    });
  }

  /** Spawns a kernel and resolves once it has answered kernel_info over shell *and* iopub. */
  static async start(options: KernelLaunchOptions): Promise<KernelClient> {
    const started = performance.now();
    const connection = await createConnectionInfo();
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-kernel-'));
    const file = join(dir, 'kernel.json');
    writeConnectionFile(file, connection);
    const [command, ...args] = (options.argv ?? TSLAB_ARGV).map((part) => part.replace('{connection_file}', file));
    if (command === undefined) throw new KernelStartError('empty kernel argv', {});
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveKernels.add(child);
    const client = new KernelClient(child, connection, dir);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new KernelStartError(`cannot start ${command}: ${error.message}`, { command })));
    });
    client.#connect();
    try {
      client.kernelInfo = await client.#waitReady(options.startupTimeoutMs ?? 60_000);
    } catch (error) {
      await client.kill();
      throw error;
    }
    client.startupMs = performance.now() - started;
    return client;
  }

  get alive(): boolean {
    return this.#exit === null;
  }

  /** Resolves when the kernel process has exited. */
  get exited(): Promise<KernelExit> {
    return this.#exited;
  }

  #connect(): void {
    const info = this.connection;
    this.#shell.connect(address(info, info.shell_port));
    this.#control.connect(address(info, info.control_port));
    this.#iopub.connect(address(info, info.iopub_port));
    this.#iopub.subscribe();
    void this.#readLoop(this.#shell);
    void this.#readLoop(this.#control);
    void this.#readLoop(this.#iopub, true);
  }

  async #readLoop(socket: Socket & AsyncIterable<Buffer[]>, isIopub = false): Promise<void> {
    try {
      for await (const frames of socket) {
        let message: JupyterMessage;
        try {
          message = decodeMessage(frames, this.connection.key);
        } catch (error) {
          this.protocolErrors.push(error as Error);
          continue;
        }
        this.#dispatch(message, isIopub);
      }
    } catch (error) {
      // Closing a socket ends its pending receive with an error; anything else is worth keeping.
      if (!this.#closing) this.protocolErrors.push(error as Error);
    }
  }

  #dispatch(message: JupyterMessage, isIopub: boolean): void {
    const parent = message.parent_header.msg_id;
    const pending = parent === undefined ? undefined : this.#pending.get(parent);
    if (!pending) {
      if (isIopub && parent !== undefined && this.#finished.has(parent) && message.header.msg_type !== 'status') {
        this.lateMessages.push(message);
      }
      return;
    }
    if (!isIopub) {
      pending.reply = message;
    } else if (message.header.msg_type === 'status') {
      if ((message.content as { execution_state?: string }).execution_state === 'idle') pending.idle = true;
    } else {
      pending.messages.push(message);
    }
    if (pending.reply && pending.idle) pending.settle();
  }

  /** Sends a request and returns its msg_id and a promise settled by reply + idle or by the kernel's exit. */
  #request(socket: Dealer, msgType: string, content: Record<string, unknown>): { msgId: string; done: Promise<Pending> } {
    const header = newHeader(msgType, this.#session);
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const pending: Pending = { reply: null, idle: false, messages: [], settle };
    this.#pending.set(header.msg_id, pending);
    void socket
      .send(encodeMessage({ header, parent_header: {}, metadata: {}, content }, this.connection.key))
      .catch((error: Error) => this.protocolErrors.push(error));
    if (this.#exit) settle();
    return {
      msgId: header.msg_id,
      done: done.then(() => {
        this.#pending.delete(header.msg_id);
        this.#finished.add(header.msg_id);
        return pending;
      }),
    };
  }

  async #waitReady(timeoutMs: number): Promise<KernelInfoReplyContent> {
    const deadline = performance.now() + timeoutMs;
    const outstanding: string[] = [];
    try {
      while (performance.now() < deadline) {
        const { msgId, done } = this.#request(this.#shell, 'kernel_info_request', {});
        outstanding.push(msgId);
        const pending = await Promise.race([done, delay(RETRY_MS).then(() => null)]);
        if (this.#exit) {
          throw new KernelStartError(`the kernel exited while starting (code ${this.#exit.code}, signal ${this.#exit.signal})\n${this.#exit.processOutput}`, {
            ...this.#exit,
          });
        }
        if (pending?.reply && pending.idle) return pending.reply.content as unknown as KernelInfoReplyContent;
      }
    } finally {
      // Retried requests may still be answered; they are not waited for.
      for (const msgId of outstanding) this.#pending.get(msgId)?.settle();
    }
    throw new KernelStartError(`the kernel did not answer kernel_info within ${timeoutMs} ms\n${this.#processOutput}`, { timeoutMs });
  }

  /** Runs `code`; resolves when the reply and the idle status have both arrived. */
  async execute(code: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    if (this.#exit) throw new KernelDiedError(this.#exit, 'execute_request');
    const started = performance.now();
    const { msgId, done } = this.#request(this.#shell, 'execute_request', {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    let killer: NodeJS.Timeout | undefined;
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        this.interrupt();
        killer = setTimeout(() => void this.kill(), options.interruptGraceMs ?? 5000);
      }, options.timeoutMs);
    }
    let pending: Pending;
    try {
      pending = await done;
    } finally {
      clearTimeout(timer);
      clearTimeout(killer);
    }
    if (!pending.reply) {
      // Settled without a reply: the kernel exited (or was killed after an unanswered interrupt).
      const exit = this.#exit ?? (await this.#exited);
      const error = new KernelDiedError(exit, timedOut ? 'execute_request (no reply after SIGINT on timeout)' : 'execute_request');
      error.messages = pending.messages;
      throw error;
    }
    const reply = pending.reply.content as unknown as ExecuteReplyContent;
    return {
      msgId,
      status: timedOut ? 'timeout' : reply.status,
      executionCount: typeof reply.execution_count === 'number' ? reply.execution_count : null,
      messages: pending.messages,
      reply,
      durationMs: performance.now() - started,
    };
  }

  /** SIGINT, the only interrupt tslab understands (§1.11). */
  interrupt(): void {
    if (this.alive) this.#process.kill('SIGINT');
  }

  /** Asks the kernel to shut down over control, then makes sure the process is gone. */
  async shutdown(graceMs = 1000): Promise<KernelExit> {
    if (this.alive) {
      const { done } = this.#request(this.#control, 'shutdown_request', { restart: false });
      // tslab answers on control but publishes no idle for it on iopub in every version: don't wait for both.
      await Promise.race([done, delay(graceMs)]);
    }
    return this.kill(graceMs);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; closes the sockets and removes the connection file. */
  async kill(graceMs = 1000): Promise<KernelExit> {
    if (this.alive) {
      this.#process.kill('SIGTERM');
      const exited = await Promise.race([this.#exited.then(() => true), delay(graceMs).then(() => false)]);
      if (!exited) this.#process.kill('SIGKILL');
    }
    const exit = await this.#exited;
    this.#closing = true;
    for (const socket of [this.#shell, this.#control, this.#iopub]) if (!socket.closed) socket.close();
    rmSync(this.#connectionDir, { recursive: true, force: true });
    return exit;
  }

  /** The kernel process's own recent stdout/stderr (not iopub): where a crash shows up. */
  get processOutput(): string {
    return lastLines(this.#processOutput, 20);
  }
}

/**
 * kernel_info is resent this often until one gets both its reply and its iopub idle. Short, because a
 * request sent before the SUB socket joined loses its idle and would otherwise cost a whole period.
 */
const RETRY_MS = 250;

const liveKernels = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveKernels) child.kill('SIGKILL');
});

/** Number of kernel processes this process has started and not yet seen exit. */
export function liveKernelCount(): number {
  return liveKernels.size;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function lastLines(text: string, count: number): string {
  return text.split('\n').slice(-count).join('\n');
}
