/**
 * The simulated time of a build — documented constants, so a lesson can show where the seconds go
 * (seed 002 practice 2: four `sleep 2` steps take ~8 s, a fully cached rebuild ~0 s, editing step 2
 * reruns steps 2–4 for ~6 s).
 *
 * - RUN: the command's own simulated seconds (the shell models `sleep`, downloads by size, package
 *   installs, large writes) plus a fixed cost to start the step's container;
 * - COPY/ADD: a fixed cost plus the bytes copied at a local-disk rate;
 * - WORKDIR: a small fixed cost (a mkdir); metadata instructions: 0 (no step runs);
 * - a cache hit: 0;
 * - sending the build context: its bytes at a local-transfer rate;
 * - a base image not present locally: its compressed layers at a download rate, then extraction;
 * - exporting: a fixed cost per new layer plus its bytes.
 * Stages that do not depend on each other run at the same time (BuildKit), so a build reports the
 * sum of all step times and the critical-path (wall-clock) time.
 */
export const BUILD_TIME_MODEL = Object.freeze({
  /** Starting the container a RUN step executes in. */
  runStartSeconds: 0.1,
  copyStartSeconds: 0.05,
  /** Local disk copy rate for COPY/ADD (bytes/s). */
  copyBytesPerSecond: 200e6,
  workdirSeconds: 0.02,
  /** Client → builder transfer of the context (bytes/s). */
  contextBytesPerSecond: 100e6,
  /** Registry download of compressed layers (bytes/s). */
  pullBytesPerSecond: 25e6,
  /** Unpacking downloaded layers (uncompressed bytes/s). */
  extractBytesPerSecond: 150e6,
  /** Asking the registry for a base image's manifest when it is not local. */
  resolveSeconds: 0.3,
  exportLayerSeconds: 0.02,
  exportBytesPerSecond: 500e6,
});

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

export function runStepSeconds(commandSeconds: number): number {
  return round(BUILD_TIME_MODEL.runStartSeconds + commandSeconds);
}

export function copyStepSeconds(bytes: number): number {
  return round(BUILD_TIME_MODEL.copyStartSeconds + bytes / BUILD_TIME_MODEL.copyBytesPerSecond);
}

export function workdirStepSeconds(): number {
  return BUILD_TIME_MODEL.workdirSeconds;
}

export function contextTransferSeconds(bytes: number): number {
  return round(bytes / BUILD_TIME_MODEL.contextBytesPerSecond);
}

export function pullSeconds(compressedBytes: number, uncompressedBytes: number): number {
  return round(
    BUILD_TIME_MODEL.resolveSeconds +
      compressedBytes / BUILD_TIME_MODEL.pullBytesPerSecond +
      uncompressedBytes / BUILD_TIME_MODEL.extractBytesPerSecond,
  );
}

export function exportSeconds(newLayers: number, bytes: number): number {
  return round(newLayers * BUILD_TIME_MODEL.exportLayerSeconds + bytes / BUILD_TIME_MODEL.exportBytesPerSecond);
}
