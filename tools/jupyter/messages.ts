/**
 * Jupyter messaging protocol 5.x message shapes (jupyter_client docs/messaging.rst), reduced to what
 * a notebook runner sends and reads.
 */
export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

export interface JupyterMessage<Content = Record<string, unknown>> {
  header: MessageHeader;
  /** `{}` on requests; on replies and iopub messages, the header of the request they answer. */
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Content;
  buffers: Buffer[];
}

export type Channel = 'shell' | 'control' | 'iopub';

export interface ExecuteReplyContent {
  /** tslab answers 'abort' to requests that arrive within ~200 ms of an error (JUPYTER-FACTS §1.10). */
  status: 'ok' | 'error' | 'abort';
  execution_count?: number;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface LanguageInfo {
  name: string;
  [key: string]: unknown;
}

export interface KernelInfoReplyContent {
  protocol_version?: string;
  implementation?: string;
  implementation_version?: string;
  language_info: LanguageInfo;
  banner?: string;
}
