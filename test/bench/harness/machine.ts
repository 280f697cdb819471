/** What the machine was doing while we measured: CPUs, load, and the CPU's own SHA-256 limit. */
import { cpus, loadavg, totalmem } from 'node:os';
import { timeCommand } from './measure';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpus: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: loadavg()[0] ?? 0,
  };
}

/**
 * `openssl speed -bytes 1048576 sha256`: SHA-256 throughput in bytes per second over 1 MiB blocks.
 * openssl divides by user CPU time (unless -elapsed), so the figure holds on a loaded machine.
 */
export function opensslSha256BytesPerSecond(seconds = 1): number {
  const { stdout } = timeCommand(`openssl speed -seconds ${seconds} -bytes 1048576 sha256 2>/dev/null`);
  const match = /^sha256\s+([\d.]+)k\s*$/m.exec(stdout);
  if (match === null) throw new Error(`cannot read openssl speed output:\n${stdout}`);
  return Number(match[1]) * 1000;
}
