/**
 * Thrown by a command when the simulator will not do something a real system would (read a 1 GB
 * file line by line, read /dev/zero to its end). The interpreter prints the message, notes it in
 * the result and gives exit status 1 — a visible refusal, never a silent no-op.
 */
export class SimulatorLimitError extends Error {}
