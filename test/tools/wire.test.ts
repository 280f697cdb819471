/** Message signing and framing, checked against jupyter_client's own Session (Debian's python3). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, newHeader, sign } from '../../tools/jupyter/wire';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

describe('wire format', () => {
  it("signs the four JSON frames exactly as jupyter_client's Session does", () => {
    const frames = ['{"msg_id":"1"}', '{}', '{}', '{"code":"1+1 // 한국어"}'];
    const script =
      'import sys, json\nfrom jupyter_client.session import Session\n' +
      's = Session(key=b"secret-key", signature_scheme="hmac-sha256")\n' +
      'print(s.sign([f.encode("utf-8") for f in json.loads(sys.stdin.read())]).decode("ascii"))';
    const expected = execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(frames), encoding: 'utf8' }).trim();
    expect(sign('secret-key', frames.map((frame) => Buffer.from(frame)))).toBe(expected);
  });

  it('round-trips a message, finds the delimiter after a topic frame, and rejects a bad signature', () => {
    const header = newHeader('execute_request', 'session-1');
    const frames = encodeMessage({ header, parent_header: {}, metadata: {}, content: { code: '1' } }, 'k');
    expect(frames[0]!.toString()).toBe('<IDS|MSG>');
    const decoded = decodeMessage([Buffer.from('topic'), ...frames], 'k');
    expect(decoded.header).toEqual(header);
    expect(decoded.content).toEqual({ code: '1' });
    expect(() => decodeMessage(frames, 'other key')).toThrow(/bad HMAC signature/);
    expect(() => decodeMessage(frames.slice(1), 'k')).toThrow(/no <IDS\|MSG> delimiter/);
  });
});
