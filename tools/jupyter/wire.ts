/**
 * The Jupyter wire format (messaging.rst, "The Wire Protocol"):
 *   [routing ids…, "<IDS|MSG>", hmac, header, parent_header, metadata, content, buffers…]
 * The HMAC-SHA256 signature covers the four JSON frames in order, keyed with the connection file's
 * `key`. tslab always verifies it, even with an empty key (JUPYTER-FACTS §1.14), so we always sign.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { ToolError } from '../ToolError';
import type { JupyterMessage, MessageHeader } from './messages';

const DELIMITER = '<IDS|MSG>';
export const PROTOCOL_VERSION = '5.3';

export class WireFormatError extends ToolError {
  constructor(problem: string) {
    super('WireFormat', `malformed Jupyter message: ${problem}`, { data: { problem } });
  }
}

export function newHeader(msgType: string, session: string): MessageHeader {
  return {
    msg_id: randomUUID(),
    session,
    username: 'layerlab',
    date: new Date().toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

export function sign(key: string, frames: readonly (string | Buffer)[]): string {
  const hmac = createHmac('sha256', key);
  for (const frame of frames) hmac.update(frame);
  return hmac.digest('hex');
}

/** Frames for a DEALER socket: no routing ids, so the delimiter comes first. */
export function encodeMessage(message: Omit<JupyterMessage, 'buffers'> & { buffers?: Buffer[] }, key: string): Buffer[] {
  const json = [message.header, message.parent_header, message.metadata, message.content].map((part) =>
    Buffer.from(JSON.stringify(part), 'utf8'),
  );
  return [Buffer.from(DELIMITER), Buffer.from(sign(key, json)), ...json, ...(message.buffers ?? [])];
}

/**
 * Parses received frames. The delimiter is searched for, not assumed at an index: iopub messages
 * carry a topic frame before it (tslab sends the requester's routing id there, §2.3).
 */
export function decodeMessage(frames: readonly Buffer[], key: string): JupyterMessage {
  const at = frames.findIndex((frame) => frame.length === DELIMITER.length && frame.toString() === DELIMITER);
  if (at < 0) throw new WireFormatError('no <IDS|MSG> delimiter');
  const signature = frames[at + 1];
  const json = frames.slice(at + 2, at + 6);
  if (signature === undefined || json.length !== 4) throw new WireFormatError(`${frames.length} frames, too few after the delimiter`);
  const expected = Buffer.from(sign(key, json));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw new WireFormatError('bad HMAC signature (is the key right?)');
  }
  const [header, parent, metadata, content] = json.map((frame) => JSON.parse(frame.toString('utf8')) as unknown) as [
    MessageHeader,
    Partial<MessageHeader>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  return { header, parent_header: parent, metadata, content, buffers: frames.slice(at + 6) };
}
