/**
 * AST node → typed instruction, with BuildKit's checks and messages
 * (frontend/dockerfile/instructions/parse.go): argument counts, flags each instruction accepts,
 * stage names, HEALTHCHECK options, SHELL's JSON form, ONBUILD's forbidden triggers.
 */
import type { DockerfileAstNode, DockerfileParseWarning } from './ast';
import { DOCKERFILE_INSTRUCTIONS } from './ast';
import { parseBuilderFlags, type FlagType } from './builderFlags';
import {
  BadJsonFormError,
  DockerfileSyntaxError,
  MissingArgumentError,
  UnknownInstructionError,
} from './DockerfileError';
import { GoDurationError, parseGoDuration } from './goDuration';
import { chompHeredocContent, parseHeredocMarker } from './heredoc';
import type {
  ArgDefinition,
  CommandLine,
  CopyInstruction,
  HealthConfig,
  Instruction,
  InstructionBase,
  InstructionKind,
  KeyValue,
  RunInstruction,
} from './instructions';
import { parseRunMount } from './runMount';
import { suggestNearest } from './suggest';

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

interface Ctx {
  readonly node: DockerfileAstNode;
  readonly kind: InstructionKind;
  readonly warn: (rule: string, message: string) => void;
}

function base(ctx: Ctx): InstructionBase {
  const { node } = ctx;
  return { kind: ctx.kind, startLine: node.startLine, endLine: node.endLine, original: node.original, flags: node.flags };
}

function flags(ctx: Ctx, accepted: Readonly<Record<string, FlagType>>) {
  return parseBuilderFlags(ctx.node.flags, accepted, { instruction: ctx.kind, line: ctx.node.startLine, endLine: ctx.node.endLine });
}

function hasInlineComment(args: readonly string[]): boolean {
  return args.some((a) => a.startsWith('#'));
}

function missing(ctx: Ctx, problem: string, fix: string): MissingArgumentError {
  return new MissingArgumentError(ctx.kind, problem, fix, ctx.node.startLine, ctx.node.endLine);
}

function syntax(ctx: Ctx, problem: string, fix: string, hint?: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError({
    line: ctx.node.startLine,
    endLine: ctx.node.endLine,
    problem,
    fix,
    hint: hint ?? `${ctx.node.startLine}번째 줄 ${ctx.kind}의 형식이 잘못되었습니다.`,
    instruction: ctx.kind,
  });
}

const COMMENT_FIX = 'a Dockerfile comment must start its own line: move the "# …" text to a line above';
const COMMENT_HINT = (line: number): string =>
  `${line}번째 줄: Dockerfile의 주석은 줄 맨 앞의 #으로만 씁니다. 명령어 뒤에 붙인 "# …"는 주석이 아니라 인자로 읽힙니다. 주석을 윗줄로 옮기세요.`;

function exactlyOne(ctx: Ctx): string {
  const { args } = ctx.node;
  if (args.length !== 1) throw missing(ctx, `${ctx.kind} requires exactly one argument`, `write ${ctx.kind} <value>`);
  const value = args[0] as string;
  if (/\s#/.test(value)) {
    ctx.warn('InlineComment', `line ${ctx.node.startLine}: "${value}" — the "#…" part is not a comment, it is part of the ${ctx.kind} value`);
  }
  return value;
}

function keyValues(ctx: Ctx): KeyValue[] {
  const { args } = ctx.node;
  if (args.length === 0) throw missing(ctx, `${ctx.kind} requires at least one argument`, `write ${ctx.kind} name=value`);
  const pairs: KeyValue[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) {
    const key = args[i] as string;
    if (key === '') throw syntax(ctx, `${ctx.kind} names can not be blank`, 'put a name before the =');
    pairs.push(Object.freeze({ key, value: args[i + 1] as string }));
  }
  if (ctx.node.legacyKeyValue) {
    ctx.warn('LegacyKeyValueFormat', `"${ctx.kind} key=value" should be used instead of legacy "${ctx.kind} key value" format`);
  }
  return pairs;
}

function commandLine(ctx: Ctx): CommandLine {
  const { node } = ctx;
  if (node.jsonTrailing !== undefined) {
    ctx.warn(
      'JSONArgsTrailingText',
      `line ${node.startLine}: the text after the JSON array (${node.jsonTrailing}) is ignored by BuildKit; put comments on their own line`,
    );
  }
  const cmdLine = node.json ? [...node.args] : [node.args.join(' ')];
  return { cmdLine: Object.freeze(cmdLine), prependShell: !node.json };
}

function parseDurationFlag(ctx: Ctx, name: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  let ns: number;
  try {
    ns = parseGoDuration(value);
  } catch (error) {
    if (error instanceof GoDurationError) throw syntax(ctx, error.message, `write --${name} as a duration such as 30s or 1m30s`);
    throw error;
  }
  if (ns !== 0 && ns < 1e6) throw syntax(ctx, `Interval "${name}" cannot be less than 1ms`, `use at least 1ms for --${name}`);
  return ns;
}

function parseHealthcheck(ctx: Ctx): HealthConfig {
  const { args } = ctx.node;
  if (args.length === 0) throw missing(ctx, 'HEALTHCHECK requires at least one argument', 'write HEALTHCHECK CMD <command> or HEALTHCHECK NONE');
  const type = (args[0] as string).toUpperCase();
  const rest = args.slice(1);
  if (type === 'NONE') {
    if (rest.length !== 0) throw syntax(ctx, 'HEALTHCHECK NONE takes no arguments', 'write HEALTHCHECK NONE alone');
    flags(ctx, {});
    return { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
  }
  const f = flags(ctx, { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' });
  if (type !== 'CMD') throw syntax(ctx, `Unknown type "${type}" in HEALTHCHECK (try CMD)`, 'write HEALTHCHECK CMD <command>');
  const cmd = ctx.node.json ? rest : [rest.join(' ')];
  if (cmd.length === 0 || (cmd.length === 1 && cmd[0] === '')) throw missing(ctx, 'Missing command after HEALTHCHECK CMD', 'write the command after CMD');
  let retries = 0;
  const retriesText = f.values.get('retries');
  if (retriesText !== undefined && retriesText !== '') {
    if (!/^-?\d+$/.test(retriesText)) throw syntax(ctx, `strconv.ParseInt: parsing "${retriesText}": invalid syntax`, 'write --retries as a whole number');
    retries = Number(retriesText);
    if (retries < 0) throw syntax(ctx, `--retries cannot be negative (${retries})`, 'write --retries=3 or more');
  }
  return {
    test: Object.freeze([ctx.node.json ? 'CMD' : 'CMD-SHELL', ...cmd]),
    interval: parseDurationFlag(ctx, 'interval', f.values.get('interval')),
    timeout: parseDurationFlag(ctx, 'timeout', f.values.get('timeout')),
    startPeriod: parseDurationFlag(ctx, 'start-period', f.values.get('start-period')),
    startInterval: parseDurationFlag(ctx, 'start-interval', f.values.get('start-interval')),
    retries,
  };
}

function parseCopy(ctx: Ctx, kind: 'COPY' | 'ADD'): CopyInstruction {
  const { node } = ctx;
  if (node.args.length < 2) {
    throw missing(
      ctx,
      `${kind} requires at least two arguments, but only one was provided. Destination could not be determined`,
      `write ${kind} <source> <destination>, e.g. ${kind} app.js /app/`,
    );
  }
  const f =
    kind === 'COPY'
      ? flags(ctx, { chown: 'string', chmod: 'string', from: 'string', link: 'bool', parents: 'bool', exclude: 'strings' })
      : flags(ctx, { chown: 'string', chmod: 'string', link: 'bool', checksum: 'string', 'keep-git-dir': 'bool', exclude: 'strings', unpack: 'bool' });
  const sourceArgs = node.args.slice(0, -1);
  const dest = node.args[node.args.length - 1] as string;
  if (parseHeredocMarker(dest) !== undefined) throw syntax(ctx, `${kind} cannot accept a heredoc as a destination`, `put a path after the heredoc, e.g. ${kind} <<EOF /etc/motd`);
  const chmod = f.values.get('chmod');
  if (chmod !== undefined && !chmod.includes('$') && !/^[0-7]{1,4}$/.test(chmod) && !/^[ugoa]*[+=-]/.test(chmod)) {
    throw syntax(ctx, `invalid chmod parameter: ${chmod}`, 'give --chmod as octal, e.g. --chmod=755');
  }
  if (hasInlineComment(node.args)) {
    ctx.warn('InlineComment', `line ${node.startLine}: "#" is not a comment after ${kind}: ${node.args.filter((a) => a.startsWith('#')).join(' ')} is read as a source path`);
  }
  const byName = new Map(node.heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const inlineSources: CopyInstruction['inlineSources'][number][] = [];
  for (const arg of sourceArgs) {
    const marker = parseHeredocMarker(arg);
    if (marker === undefined) {
      sources.push(arg);
      continue;
    }
    const doc = byName.get(marker.name);
    const content = doc === undefined ? '' : marker.chomp ? chompHeredocContent(doc.content) : doc.content;
    inlineSources.push(Object.freeze({ name: marker.name, content, expand: marker.expand }));
  }
  return {
    ...base(ctx),
    kind,
    sourceArgs: Object.freeze(sourceArgs),
    sources: Object.freeze(sources),
    inlineSources: Object.freeze(inlineSources),
    dest,
    from: f.values.get('from'),
    chown: f.values.get('chown'),
    chmod,
    link: f.values.get('link') === 'true',
    parents: f.values.get('parents') === 'true',
    exclude: Object.freeze([...(f.lists.get('exclude') ?? [])]),
    checksum: f.values.get('checksum'),
    json: node.json,
  };
}

function parseRun(ctx: Ctx): RunInstruction {
  const { node } = ctx;
  const f = flags(ctx, { mount: 'strings', network: 'string', security: 'string' });
  if (node.args.length === 0 || (node.args.length === 1 && node.args[0] === '' && node.heredocs.length === 0)) {
    throw missing(ctx, 'RUN requires at least one argument', 'write the command to run, e.g. RUN apk add --no-cache curl');
  }
  const network = f.values.get('network');
  if (network !== undefined && !['default', 'none', 'host'].includes(network)) {
    throw syntax(ctx, `unsupported network mode ${JSON.stringify(network)}`, 'use --network=default, none or host');
  }
  const security = f.values.get('security');
  if (security !== undefined && !['sandbox', 'insecure'].includes(security)) {
    throw syntax(ctx, `unsupported security mode ${JSON.stringify(security)}`, 'use --security=sandbox or insecure');
  }
  const mounts = (f.lists.get('mount') ?? []).map((spec) => parseRunMount(spec, { line: node.startLine, endLine: node.endLine }));
  return {
    ...base(ctx),
    kind: 'RUN',
    ...commandLine(ctx),
    heredocs: node.heredocs,
    mounts: Object.freeze(mounts),
    network: network as RunInstruction['network'],
    security: security as RunInstruction['security'],
  };
}

function parseArgs(ctx: Ctx): ArgDefinition[] {
  const { args } = ctx.node;
  if (args.length === 0) throw missing(ctx, 'ARG requires at least one argument', 'write ARG NAME or ARG NAME=default');
  return args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq < 0) return Object.freeze({ key: arg, value: undefined });
    if (eq === 0) throw syntax(ctx, 'ARG names can not be blank', 'put a name before the =');
    return Object.freeze({ key: arg.slice(0, eq), value: arg.slice(eq + 1) });
  });
}

/** Converts one AST node into a typed instruction, or throws the error BuildKit would. */
export function parseInstruction(node: DockerfileAstNode, warnings: DockerfileParseWarning[] = []): Instruction {
  const kind = node.command.toUpperCase() as InstructionKind;
  const ctx: Ctx = { node, kind, warn: (rule, message) => warnings.push(Object.freeze({ rule, line: node.startLine, message })) };
  switch (node.command) {
    case 'from': {
      const { args } = node;
      let stageName: string | undefined;
      if (args.length === 3 && (args[1] as string).toLowerCase() === 'as') {
        stageName = (args[2] as string).toLowerCase();
        if (!STAGE_NAME.test(stageName)) {
          throw syntax(ctx, `invalid name for build stage: "${args[2] as string}", name can't start with a number or contain symbols`, 'name the stage with lower-case letters, digits, -, _ or . and start with a letter');
        }
        if (stageName !== args[2]) ctx.warn('StageNameCasing', `Stage name '${args[2] as string}' should be lowercase`);
        if ((args[1] === 'as') !== (node.keyword === 'from')) ctx.warn('FromAsCasing', `'${args[1] as string}' and '${node.keyword}' keywords' casing do not match`);
      } else if (args.length === 0) {
        throw missing(ctx, 'FROM requires either one or three arguments', 'name the base image, e.g. FROM alpine:3.18');
      } else if (args.length !== 1) {
        if (hasInlineComment(args)) {
          throw new DockerfileSyntaxError({
            line: node.startLine,
            endLine: node.endLine,
            problem: 'FROM requires either one or three arguments',
            fix: COMMENT_FIX,
            hint: COMMENT_HINT(node.startLine),
            instruction: 'FROM',
          });
        }
        throw syntax(ctx, 'FROM requires either one or three arguments', 'write FROM <image> or FROM <image> AS <name>');
      }
      const f = flags(ctx, { platform: 'string' });
      return { ...base(ctx), kind: 'FROM', image: args[0] as string, stageName, platform: f.values.get('platform') };
    }
    case 'arg':
      flags(ctx, {});
      return { ...base(ctx), kind: 'ARG', args: Object.freeze(parseArgs(ctx)) };
    case 'env':
      flags(ctx, {});
      return { ...base(ctx), kind: 'ENV', env: Object.freeze(keyValues(ctx)), legacyForm: node.legacyKeyValue };
    case 'label':
      flags(ctx, {});
      return { ...base(ctx), kind: 'LABEL', labels: Object.freeze(keyValues(ctx)), legacyForm: node.legacyKeyValue };
    case 'run':
      return parseRun(ctx);
    case 'cmd':
      flags(ctx, {});
      if (!node.json && node.args.length > 0) ctx.warn('JSONArgsRecommended', 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals');
      return { ...base(ctx), kind: 'CMD', ...commandLine(ctx) };
    case 'entrypoint': {
      flags(ctx, {});
      if (!node.json && node.args.length > 0) ctx.warn('JSONArgsRecommended', 'JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals');
      const line = commandLine(ctx);
      // `ENTRYPOINT []` or an empty ENTRYPOINT resets it (BuildKit keeps an empty list).
      const cmdLine = line.cmdLine.length === 1 && line.cmdLine[0] === '' ? Object.freeze([]) : line.cmdLine;
      return { ...base(ctx), kind: 'ENTRYPOINT', cmdLine, prependShell: line.prependShell };
    }
    case 'copy':
      return parseCopy(ctx, 'COPY');
    case 'add':
      return parseCopy(ctx, 'ADD');
    case 'workdir':
      flags(ctx, {});
      return { ...base(ctx), kind: 'WORKDIR', path: exactlyOne(ctx) };
    case 'user':
      flags(ctx, {});
      return { ...base(ctx), kind: 'USER', user: exactlyOne(ctx) };
    case 'expose': {
      if (node.args.length === 0) throw missing(ctx, 'EXPOSE requires at least one argument', 'write the port, e.g. EXPOSE 3000');
      flags(ctx, {});
      for (const port of node.args) {
        if (port.includes('$')) continue;
        if (!/^(\d+)(-\d+)?(\/[a-zA-Z]+)?$/.test(port)) {
          const comment = port.startsWith('#');
          throw new DockerfileSyntaxError({
            line: node.startLine,
            endLine: node.endLine,
            problem: `invalid containerPort: ${port.replace(/\/.*$/, '')}`,
            fix: comment ? COMMENT_FIX : 'write ports as numbers, optionally with /tcp or /udp, e.g. EXPOSE 80 443/tcp',
            hint: comment ? COMMENT_HINT(node.startLine) : `${node.startLine}번째 줄 EXPOSE의 포트 "${port}"가 숫자가 아닙니다.`,
            instruction: 'EXPOSE',
          });
        }
      }
      return { ...base(ctx), kind: 'EXPOSE', ports: Object.freeze([...node.args].sort()) };
    }
    case 'volume': {
      if (node.args.length === 0) throw missing(ctx, 'VOLUME requires at least one argument', 'write the mount point, e.g. VOLUME /data');
      flags(ctx, {});
      const volumes = node.args.map((v) => v.trim());
      if (volumes.some((v) => v === '')) throw syntax(ctx, 'VOLUME specified can not be an empty string', 'remove the empty entry');
      return { ...base(ctx), kind: 'VOLUME', volumes: Object.freeze(volumes) };
    }
    case 'shell': {
      flags(ctx, {});
      if (node.args.length === 0 || (node.json && node.args.length === 0)) throw missing(ctx, 'SHELL requires at least one argument', 'write SHELL ["/bin/sh", "-c"]');
      if (!node.json) {
        throw new BadJsonFormError('SHELL', 'SHELL requires the arguments to be in JSON form', `write SHELL ${JSON.stringify((node.args[0] as string).split(/\s+/))}`, node.startLine, node.endLine);
      }
      return { ...base(ctx), kind: 'SHELL', shell: Object.freeze([...node.args]) };
    }
    case 'stopsignal':
      flags(ctx, {});
      return { ...base(ctx), kind: 'STOPSIGNAL', signal: exactlyOne(ctx) };
    case 'healthcheck':
      return { ...base(ctx), kind: 'HEALTHCHECK', health: Object.freeze(parseHealthcheck(ctx)) };
    case 'maintainer':
      flags(ctx, {});
      ctx.warn('MaintainerDeprecated', 'The MAINTAINER instruction is deprecated, use a label instead to define an image author');
      return { ...base(ctx), kind: 'MAINTAINER', maintainer: exactlyOne(ctx) };
    case 'onbuild': {
      const trigger = node.trigger;
      if (trigger === undefined) throw missing(ctx, 'ONBUILD requires at least one argument', 'write the instruction to run later, e.g. ONBUILD COPY . /app');
      flags(ctx, {});
      const triggerKind = trigger.keyword.toUpperCase();
      if (triggerKind === 'ONBUILD') throw syntax(ctx, 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed', 'write a single ONBUILD');
      if (triggerKind === 'FROM' || triggerKind === 'MAINTAINER') throw syntax(ctx, `${triggerKind} isn't allowed as an ONBUILD trigger`, `remove ONBUILD ${triggerKind}`);
      if (!DOCKERFILE_INSTRUCTIONS.includes(triggerKind)) {
        throw new UnknownInstructionError(trigger.keyword, suggestNearest(triggerKind, DOCKERFILE_INSTRUCTIONS), node.startLine, node.endLine);
      }
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const doc of node.heredocs) expression += '\n' + doc.content + doc.name;
      return { ...base(ctx), kind: 'ONBUILD', expression, triggerKind };
    }
    default:
      throw new UnknownInstructionError(node.keyword, suggestNearest(node.keyword, DOCKERFILE_INSTRUCTIONS), node.startLine, node.endLine);
  }
}
