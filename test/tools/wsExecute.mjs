// Runs one cell through a Jupyter server's kernel websocket (/api/kernels/<id>/channels) and prints
// the reply and the streams as JSON. Run with `node --experimental-websocket` (Node 20 has no global
// WebSocket without it, and the project does not depend on the `ws` package).
// Usage: node --experimental-websocket wsExecute.mjs <ws-url> <code>
import { randomUUID } from 'node:crypto';

const [url, code] = process.argv.slice(2);
const session = randomUUID();
const msgId = randomUUID();
const socket = new WebSocket(url);
const streams = [];
let reply = null;
let idle = false;
const timer = setTimeout(() => {
  console.log(JSON.stringify({ error: 'timeout', reply, streams, idle }));
  process.exit(2);
}, 90_000);

socket.addEventListener('open', () => {
  socket.send(
    JSON.stringify({
      channel: 'shell',
      header: { msg_id: msgId, session, username: 'test', date: new Date().toISOString(), msg_type: 'execute_request', version: '5.3' },
      parent_header: {},
      metadata: {},
      content: { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true },
      buffers: [],
    }),
  );
});
socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data));
  if (message.parent_header?.msg_id !== msgId) return;
  if (message.channel === 'shell' && message.header.msg_type === 'execute_reply') reply = message.content;
  if (message.channel === 'iopub' && message.header.msg_type === 'stream') streams.push(message.content);
  if (message.channel === 'iopub' && message.header.msg_type === 'status' && message.content.execution_state === 'idle') idle = true;
  if (reply && idle) {
    clearTimeout(timer);
    console.log(JSON.stringify({ reply, streams }));
    socket.close();
  }
});
socket.addEventListener('error', (event) => {
  console.log(JSON.stringify({ error: String(event.message ?? event.type) }));
  process.exit(3);
});
