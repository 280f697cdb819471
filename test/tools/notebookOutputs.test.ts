/**
 * How iopub messages become nbformat outputs. tslab cannot send clear_output, execute_result or
 * error, so those paths are fed the protocol messages another kernel (ipykernel) sends; the rules
 * are those of messaging.rst and of nbclient's output handling.
 */
import { describe, expect, it } from 'vitest';
import type { JupyterMessage } from '../../tools/jupyter/messages';
import { NotebookOutputs } from '../../tools/jupyter/NotebookOutputs';

let counter = 0;
function message(msgType: string, content: Record<string, unknown>): JupyterMessage {
  const header = { msg_id: `m${++counter}`, session: 's', username: 'u', date: '', msg_type: msgType, version: '5.3' };
  return { header, parent_header: {}, metadata: {}, content, buffers: [] };
}
const stream = (name: string, text: string) => message('stream', { name, text });
const display = (html: string, id?: string) => message('display_data', { data: { 'text/html': html }, metadata: {}, transient: id ? { display_id: id } : {} });

describe('NotebookOutputs', () => {
  it('merges consecutive chunks of the same stream only', () => {
    const outputs = new NotebookOutputs();
    const cell = outputs.beginCell();
    for (const m of [stream('stdout', 'a'), stream('stdout', 'b\n'), stream('stderr', 'x'), stream('stdout', 'c')]) outputs.handle(m);
    expect(cell).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'ab\n' },
      { output_type: 'stream', name: 'stderr', text: 'x' },
      { output_type: 'stream', name: 'stdout', text: 'c' },
    ]);
  });

  it('updates a display in an earlier cell, and every output sharing its display_id', () => {
    const outputs = new NotebookOutputs();
    const first = outputs.beginCell();
    outputs.handle(display('v1', 'bar'));
    const second = outputs.beginCell();
    outputs.handle(display('v2', 'bar')); // a second display of the same id: both show the newest data
    outputs.handle(message('update_display_data', { data: { 'text/html': 'v3' }, metadata: { isolated: true }, transient: { display_id: 'bar' } }));
    outputs.handle(message('update_display_data', { data: { 'text/html': 'nobody' }, metadata: {}, transient: { display_id: 'unknown' } }));
    const expected = { output_type: 'display_data', data: { 'text/html': 'v3' }, metadata: { isolated: true } };
    expect(first).toEqual([expected]);
    expect(second).toEqual([expected]);
  });

  it('clears at once, or with wait=true just before the next output', () => {
    const outputs = new NotebookOutputs();
    const cell = outputs.beginCell();
    outputs.handle(stream('stdout', 'gone'));
    outputs.handle(message('clear_output', { wait: false }));
    expect(cell).toEqual([]);
    outputs.handle(stream('stdout', '10%'));
    outputs.handle(message('clear_output', { wait: true }));
    expect(cell).toEqual([{ output_type: 'stream', name: 'stdout', text: '10%' }]);
    outputs.handle(stream('stdout', '20%'));
    expect(cell).toEqual([{ output_type: 'stream', name: 'stdout', text: '20%' }]);
  });

  it('forgets display ids of cleared outputs', () => {
    const outputs = new NotebookOutputs();
    const cell = outputs.beginCell();
    outputs.handle(display('old', 'progress'));
    const kept = cell[0];
    outputs.handle(message('clear_output', { wait: false }));
    outputs.handle(message('update_display_data', { data: { 'text/html': 'new' }, metadata: {}, transient: { display_id: 'progress' } }));
    expect(kept).toEqual({ output_type: 'display_data', data: { 'text/html': 'old' }, metadata: {} });
  });

  it('stores execute_result and error as nbformat outputs, without transient', () => {
    const outputs = new NotebookOutputs();
    const cell = outputs.beginCell();
    outputs.handle(message('execute_result', { execution_count: 7, data: { 'text/plain': '2' }, metadata: {}, transient: { display_id: 'r' } }));
    outputs.handle(message('error', { ename: 'ValueError', evalue: 'bad', traceback: ['line 1', 'line 2'] }));
    outputs.handle(message('execute_input', { code: '1+1', execution_count: 7 }));
    expect(cell).toEqual([
      { output_type: 'execute_result', execution_count: 7, data: { 'text/plain': '2' }, metadata: {} },
      { output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['line 1', 'line 2'] },
    ]);
  });
});
