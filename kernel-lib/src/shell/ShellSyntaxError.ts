import { LayerlabError } from '../errors/LayerlabError';

/**
 * A command line the shell cannot parse. `busyboxMessage` is the text busybox ash prints to stderr
 * (after "sh: "), e.g. `syntax error: unterminated quoted string`; the shell exits with status 2.
 */
export class ShellSyntaxError extends LayerlabError {
  readonly busyboxMessage: string;

  constructor(busyboxMessage: string, source: string, offset: number) {
    super('ShellSyntax', `shell ${busyboxMessage} at offset ${offset} in ${JSON.stringify(source)}`, {
      data: { source, offset, busyboxMessage },
      hint: '셸 문법 오류입니다. 따옴표와 괄호가 짝이 맞는지, if/fi·do/done이 닫혔는지 확인하세요.',
    });
    this.busyboxMessage = busyboxMessage;
  }
}
