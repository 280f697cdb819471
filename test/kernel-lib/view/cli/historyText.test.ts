import { describe, expect, test } from 'vitest';
import { formatHistory, type HistoryItem } from '../../../../kernel-lib/src/view/cli/historyText';

// The expected tables are docker/cli's own (cli/command/image/formatter_history_test.go,
// TestHistoryContext_Table): same rows, same clock offsets, same bytes.
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0) / 1000;
const day = 86400;
const long = '/bin/bash ls && npm i && npm run test && karma -c karma.conf.js start && npm start && more commands here && the list goes on';
const rows: HistoryItem[] = [
  { Id: 'imageID1', Created: NOW - day, CreatedBy: long, Size: 182964289, Comment: 'Hi', Tags: ['image:tag2'] },
  { Id: 'imageID2', Created: NOW - day, CreatedBy: '/bin/bash echo', Size: 182964289, Comment: 'Hi' },
  { Id: 'imageID3', Created: NOW - day, CreatedBy: '/bin/bash ls', Size: 182964289, Comment: 'Hi' },
  { Id: 'imageID4', Created: NOW - day, CreatedBy: '/bin/bash grep', Size: 182964289, Comment: 'Hi' },
  { Id: 'imageID5', Created: 0, CreatedBy: '/bin/bash echo', Size: 182964289, Comment: 'Hi' },
  // AddDate(-17, 0, 0): 17 calendar years back
  { Id: 'imageID6', Created: Date.UTC(2007, 5, 1, 12, 0, 0) / 1000, CreatedBy: '/bin/bash echo', Size: 182964289, Comment: 'Hi' },
];

describe('docker history text', () => {
  test('default (truncated) table is the CLI test golden', () => {
    expect(formatHistory(rows, { now: NOW })).toBe(
      `IMAGE      CREATED        CREATED BY                                      SIZE      COMMENT
imageID1   24 hours ago   /bin/bash ls && npm i && npm run test && kar…   183MB     Hi
imageID2   24 hours ago   /bin/bash echo                                  183MB     Hi
imageID3   24 hours ago   /bin/bash ls                                    183MB     Hi
imageID4   24 hours ago   /bin/bash grep                                  183MB     Hi
imageID5                  /bin/bash echo                                  183MB     Hi
imageID6   17 years ago   /bin/bash echo                                  183MB     Hi
`);
  });

  test('--no-trunc keeps CREATED BY whole', () => {
    const out = formatHistory(rows, { now: NOW, noTrunc: true });
    expect(out.split('\n')[0]).toBe(`IMAGE      CREATED        CREATED BY${' '.repeat(long.length + 3 - 'CREATED BY'.length)}SIZE      COMMENT`);
    expect(out.split('\n')[1]).toBe(`imageID1   24 hours ago   ${long}   183MB     Hi`);
  });

  test('a format without "table" prints raw tab-separated lines, no header', () => {
    expect(formatHistory(rows.slice(0, 2), { now: NOW, format: '{{.Size}}\\t{{.CreatedBy}}' })).toBe(
      `183MB\t${long.slice(0, 44)}…\n183MB\t/bin/bash echo\n`);
  });

  test('"table" prefix with chosen fields aligns columns and names them', () => {
    expect(formatHistory(rows.slice(1, 3), { now: NOW, format: 'table {{.ID}}\t{{.Size}}' })).toBe(
      'IMAGE      SIZE\nimageID2   183MB\nimageID3   183MB\n');
  });

  test('--human=false prints RFC 3339 dates and byte counts', () => {
    const out = formatHistory(rows.slice(1, 2), { now: NOW, human: false });
    expect(out).toBe('IMAGE      CREATED AT             CREATED BY       SIZE        COMMENT\n' +
      'imageID2   2024-05-31T12:00:00Z   /bin/bash echo   182964289   Hi\n');
  });

  test('json prints every field, keys sorted, HTML-escaped like Go', () => {
    const out = formatHistory([{ Id: 'sha256:' + 'a'.repeat(64), Created: NOW - 60, CreatedBy: 'RUN a && b # buildkit', Size: 0, Comment: 'buildkit.dockerfile.v0' }], { now: NOW, format: 'json' });
    expect(out).toBe('{"Comment":"buildkit.dockerfile.v0","CreatedAt":"2024-06-01T11:59:00Z","CreatedBy":"RUN a \\u0026\\u0026 b # buildkit","CreatedSince":"About a minute ago","ID":"aaaaaaaaaaaa","Size":"0B"}\n');
  });

  test('-q prints IDs only; an unknown field fails like Go', () => {
    expect(formatHistory(rows.slice(0, 2), { now: NOW, quiet: true })).toBe('imageID1\nimageID2\n');
    expect(() => formatHistory(rows, { now: NOW, format: '{{.Nope}}' })).toThrow(/can't evaluate field Nope in type \*image.historyContext/);
  });
});
