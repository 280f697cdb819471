export { KernelClient, TSLAB_ARGV, liveKernelCount, type ExecuteOptions, type ExecuteResult, type KernelLaunchOptions } from './KernelClient';
export { NotebookOutputs } from './NotebookOutputs';
export { KernelDiedError, KernelStartError, type KernelExit } from './errors';
export { createConnectionInfo, writeConnectionFile, freePorts, type ConnectionInfo } from './connection';
export { encodeMessage, decodeMessage, sign, newHeader, WireFormatError, PROTOCOL_VERSION } from './wire';
export type { JupyterMessage, MessageHeader, ExecuteReplyContent, KernelInfoReplyContent, LanguageInfo } from './messages';
