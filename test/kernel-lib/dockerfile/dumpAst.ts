/**
 * Renders our AST the way BuildKit's `Node.Dump()` does (the format of BuildKit's parser
 * testfiles (the `result` files)): `(cmd ["--flag"…] "arg" "arg")`, ONBUILD with its trigger in parentheses.
 */
import type { DockerfileAst, DockerfileAstNode } from '../../../kernel-lib/src/dockerfile';
import { goQuote } from '../../../kernel-lib/src/dockerfile';

function dumpNode(node: DockerfileAstNode): string {
  let out = node.command;
  if (node.flags.length > 0) out += ` [${node.flags.map(goQuote).join(' ')}]`;
  if (node.trigger !== undefined) out += ` (${dumpNode(node.trigger)})`;
  for (const arg of node.args) out += ` ${goQuote(arg)}`;
  return out;
}

export function dumpAst(ast: DockerfileAst): string {
  return ast.nodes.map((n) => `(${dumpNode(n)})\n`).join('');
}
