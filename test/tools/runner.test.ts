/**
 * The notebook runner and checker, proved on fixture notebooks with the real tslab kernel over the
 * Jupyter protocol (no mocks): each fixture is built to trip one rule, and the test asserts that the
 * report names the right cell index with the right message.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KernelClient, liveKernelCount } from '../../tools/jupyter/KernelClient';
import { PROJECT_ROOT } from '../../tools/paths';
import { checkNotebook, formatCheck } from '../../tools/runner/checkNotebook';
import { executeNotebook } from '../../tools/runner/executeNotebook';
import { readNotebook } from '../../tools/nbformat/readNotebook';
import { createLimiter } from '../../tools/runner/mapLimited';

const fixture = (name: string) => join(PROJECT_ROOT, 'test/fixtures/notebooks', name);
const statuses = (cells: readonly { index: number; status: string }[]) => cells.map((cell) => `${cell.index}:${cell.status}`);

// Kernel starts are CPU-bound: run at most one fixture per CPU, with room for a loaded machine.
const limit = createLimiter(availableParallelism());

describe.concurrent('notebook runner on fixture notebooks', { timeout: 180_000 }, () => {
  it('reports an error in an untagged cell, and a raises-exception cell that did not raise', async () => {
    const check = await limit(() => checkNotebook(fixture('failing-cell.ipynb')));
    expect(check.ok).toBe(false);
    expect(check.failures.map((f) => [f.cellIndex, f.cellId, f.kind, f.summary])).toEqual([
      [2, 'boom', 'error', 'RangeError: boom in cell 2'],
      [4, 'no-raise', 'missing-error', 'cell 4 is tagged raises-exception but ran without an error'],
    ]);
    // The failing cell's stderr is the failure text; the committed outputs themselves are current.
    expect(check.failures[0]!.details).toContain("throw new RangeError('boom in cell 2');");
    expect(check.mismatches).toEqual([]);
    // The cell right after the error still ran (tslab's abort window was waited out).
    expect(statuses(check.run.cells)).toEqual(['1:ok', '2:error', '3:ok', '4:ok']);
    expect(check.run.cells[2]!.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'hello again\n' }]);
    const report = formatCheck(check);
    expect(report).toContain('✗ test/fixtures/notebooks/failing-cell.ipynb cell 2 (id boom): error: RangeError: boom in cell 2');
    expect(report).toContain('✗ test/fixtures/notebooks/failing-cell.ipynb cell 4 (id no-raise): missing-error');
  });

  it('reports a stale output with the cell index and a diff, and honours nbval-ignore-output and skip-execution', async () => {
    const check = await limit(() => checkNotebook(fixture('stale-output.ipynb')));
    expect(check.failures).toEqual([]);
    expect(check.mismatches).toEqual([
      { cellIndex: 2, cellId: 'stale', summary: 'output 0 (stream stdout) differs', diff: '- layer_lab\n+ layer-lab' },
    ]);
    // Cell 3 prints Date.now(): different on every run, tagged nbval-ignore-output, not reported.
    const committed = readNotebook(fixture('stale-output.ipynb')).cells[3];
    expect(committed?.cell_type === 'code' && committed.outputs[0]).toMatchObject({ name: 'stdout', text: expect.stringMatching(/^ran at \d+\n$/) });
    expect(check.run.cells[2]!.outputs[0]).not.toEqual(committed?.cell_type === 'code' && committed.outputs[0]);
    // Cell 4 is an endless loop tagged skip-execution: never sent to the kernel.
    expect(statuses(check.run.cells)).toEqual(['1:ok', '2:ok', '3:ok', '4:skipped']);
    expect(formatCheck(check)).toContain(
      '✗ test/fixtures/notebooks/stale-output.ipynb cell 2 (id stale): output 0 (stream stdout) differs\n' +
        '    diff (- committed, + fresh run):\n    | - layer_lab\n    | + layer-lab',
    );
  });

  it('runs the cell right after a raises-exception cell (the 200 ms abort trap) and passes', async () => {
    const check = await limit(() => checkNotebook(fixture('raises-then-runs.ipynb')));
    expect(formatCheck(check)).toBe('test/fixtures/notebooks/raises-then-runs.ipynb: ok (4 code cells)');
    expect(statuses(check.run.cells)).toEqual(['1:error', '2:ok', '3:error', '4:ok']);
    expect(check.run.cells.map((cell) => cell.abortResends)).toEqual([0, 0, 0, 0]);
    expect(check.run.cells.map((cell) => cell.executionCount)).toEqual([1, 2, 3, 4]);
    expect(check.run.cells[1]!.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'ran right after the error\n' }]);
    // The error is stored as the stderr stream tslab sent, minus tslab's and Node's internal frames.
    expect(check.run.cells[2]!.outputs).toEqual([{ output_type: 'stream', name: 'stderr', text: "1:5 - Type 'string' is not assignable to type 'number'.\n" }]);
    const stderr = check.run.cells[0]!.outputs[0];
    expect(stderr?.output_type === 'stream' && stderr.text).toMatch(/^<anonymous_script>:1\n\{not json\n \^\n\nSyntaxError: Expected property name/);
    expect(JSON.stringify(check.run.cells[0]!.outputs)).not.toMatch(/node_modules|node:vm|\/work\//);
  });

  it('without the pause tslab aborts the next request, and the runner resends it', async () => {
    const run = await limit(() => executeNotebook(fixture('raises-then-runs.ipynb'), { errorPauseMs: 0 }));
    expect(run.failures).toEqual([]);
    expect(run.cells[1]!.abortResends).toBeGreaterThanOrEqual(1);
    expect(run.cells[1]!.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'ran right after the error\n' }]);
  });

  it('applies update_display_data to the output of an earlier cell', async () => {
    const check = await limit(() => checkNotebook(fixture('display-update.ipynb')));
    expect(check.ok).toBe(true);
    const cells = check.run.notebook.cells;
    expect(cells[1]!.cell_type === 'code' && cells[1]!.outputs).toEqual([
      { output_type: 'display_data', data: { 'text/html': '<b>step 2 of 2</b>' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/markdown': '**static** display' }, metadata: {} },
    ]);
    expect(cells[2]!.cell_type === 'code' && cells[2]!.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'updated the display of the previous cell\n' },
    ]);
    expect(cells[3]!.cell_type === 'code' && Object.keys(cells[3]!.outputs[0]!)).not.toContain('transient');
  });

  it('interrupts a cell that runs past the timeout and does not run the cells after it', async () => {
    const run = await limit(() => executeNotebook(fixture('timeout.ipynb'))); // metadata.execution.timeout = 5 s
    expect(run.complete).toBe(false);
    expect(statuses(run.cells)).toEqual(['0:ok', '1:timeout', '2:not-run']);
    expect(run.failures.map((f) => [f.cellIndex, f.kind, f.summary])).toEqual([[1, 'timeout', 'cell 1 ran longer than 5000 ms and was interrupted']]);
    expect(run.failures[0]!.details).toContain('Error: Script execution was interrupted by `SIGINT` {');
    expect(run.failures[0]!.details).toContain('not run: cells 2');
  });

  it('reports a dead kernel with the cell index and the last output', async () => {
    const run = await limit(() => executeNotebook(fixture('kernel-dies.ipynb')));
    expect(statuses(run.cells)).toEqual(['0:ok', '1:kernel-died', '2:not-run']);
    expect(run.failures.map((f) => [f.cellIndex, f.cellId, f.kind, f.summary])).toEqual([
      [1, 'exit', 'kernel-died', 'the kernel exited with code 3 during execute_request'],
    ]);
    expect(run.failures[0]!.details).toContain('last output of the cell:\n[stdout] last words');
    expect(run.failures[0]!.details).toContain('not run: cells 2');
  });
});

describe('KernelClient', { timeout: 120_000 }, () => {
  it('reports a kernel that exits while starting, naming the notebook and the exit code', async () => {
    const crash = [process.execPath, '-e', 'console.error("no kernel here"); process.exit(7)'];
    await expect(executeNotebook(fixture('display-update.ipynb'), { kernelArgv: crash })).rejects.toThrow(
      /^test\/fixtures\/notebooks\/display-update.ipynb: the kernel exited while starting \(code 7, signal null\)\nno kernel here/,
    );
    expect(liveKernelCount()).toBe(0);
  });

  it('starts tslab, executes over shell/iopub, and leaves no process behind', async () => {
    const kernel = await KernelClient.start({ cwd: join(PROJECT_ROOT, 'test/fixtures/notebooks') });
    expect(kernel.kernelInfo?.implementation).toBe('tslab');
    expect(kernel.kernelInfo?.language_info.name).toBe('typescript');
    const first = await kernel.execute('const x: number = 41; console.log("hi"); x + 1');
    expect(first.status).toBe('ok');
    expect(first.executionCount).toBe(1);
    expect(first.messages.map((m) => [m.header.msg_type, m.content.text])).toEqual([
      ['stream', 'hi\n'],
      ['stream', '42\n'],
    ]);
    expect((await kernel.execute('process.cwd()')).messages[0]!.content.text).toBe(`${join(PROJECT_ROOT, 'test/fixtures/notebooks')}\n`);
    expect(kernel.protocolErrors).toEqual([]);
    await kernel.shutdown();
    expect(kernel.alive).toBe(false);
    expect(liveKernelCount()).toBe(0);
  });
});
