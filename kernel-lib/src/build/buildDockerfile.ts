/**
 * `buildDockerfile(host, options)` — the builder. It parses the Dockerfile, plans the stages
 * (stageGraph.ts), then runs each needed stage's instructions over a union filesystem:
 *
 * - RUN runs in the simulated shell on the stage's union fs; the step's layer is what it changed;
 * - COPY/ADD copy from the context, another stage or an image (copyFiles.ts);
 * - WORKDIR makes its directory (a layer, as BuildKit does, unless it is `/`);
 * - metadata instructions change only the config and add a history entry with `empty_layer`
 *   (ONBUILD adds none); ARG/ENV are expanded where Docker expands them.
 * Each operation is looked up in the cache by its key (cacheKey.ts); a hit reuses the recorded
 * layer at no time. The steps' times are scheduled over the stage graph (schedule.ts).
 */
import { parseDockerfile } from '../dockerfile/parseDockerfile';
import type { CopyInstruction, RunInstruction, StageInstruction } from '../dockerfile/instructions';
import { DockerfileShellLex } from '../dockerfile/shellLex';
import { parseRunMount } from '../dockerfile/runMount';
import { Image } from '../image/Image';
import { addImageHistory, appendImageLayer, scratchImage, setImageConfigFile } from '../image/mutate';
import type { ImageConfigFile, ImageRunConfig } from '../image/ImageConfig';
import { formatGoTime } from '../image/goTime';
import type { Layer } from '../layer/Layer';
import { UnionFs } from '../unionfs/UnionFs';
import type { LowerLayer } from '../unionfs/lowerIndex';
import { runShell } from '../shell/ShellSession';
import { BuildContext } from './BuildContext';
import { BuildError, dockerfileExcerpt } from './BuildError';
import type { BuildHost, BuildOptions, BuildResult, BuildStep } from './BuildTypes';
import { baseCacheKey, stepCacheKey } from './cacheKey';
import { checksumSelection } from './contentChecksum';
import { checksumSourceOf, contextFs, copyInto, inlineFs, selectSources, type ReadableFs } from './copyFiles';
import { buildkitCreatedBy, classicCreatedBy, type HistoryStep } from './createdBy';
import { exportCache, importCache, readRecord, writeRecord, type CacheRecord } from './buildCache';
import { goHumanSize } from './goFormat';
import { formatPlainProgress, stepPrefix, type ProgressVertex } from './progressLog';
import { mountBind, mountCache, mountSecret, mountTmpfs, saveTree, unmount, type PreparedMount, type SavedTree } from './runMounts';
import { scheduleTasks, type ScheduleTask } from './schedule';
import { fileSystemAsUser } from './runAsUser';
import { planStages, type StagePlan } from './stageGraph';
import {
  cleanAbsolute,
  DEFAULT_PATH,
  DEFAULT_SHELL,
  envFromConfig,
  resolveOwner,
  resolvePath,
  setEnvList,
  type StageState,
} from './stageState';
import { contextTransferSeconds, copyStepSeconds, exportSeconds, pullSeconds, runStepSeconds, workdirStepSeconds } from './timeModel';

const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

interface StepDraft extends Omit<BuildStep, 'start' | 'end'> {
  readonly taskId: string;
  readonly after: readonly string[];
  readonly vertexName: string | undefined;
  readonly outputLines: readonly string[];
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./=:@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function configOf(image: Image): ImageRunConfig {
  return image.config.config ?? {};
}

function patchConfig(image: Image, patch: (config: ImageRunConfig, file: ImageConfigFile) => ImageRunConfig): Image {
  return setImageConfigFile(image, (file) => ({ ...file, config: patch(file.config ?? {}, file) }));
}

function lowerLayers(image: Image): LowerLayer[] {
  return image.layers as unknown as LowerLayer[];
}

/** Runs a build. Synchronous: everything happens in the model. */
export function buildDockerfile(host: BuildHost, options: BuildOptions): BuildResult {
  const classic = options.builder === 'classic';
  const dockerfile = parseDockerfile(options.dockerfile);
  const lex = new DockerfileShellLex(dockerfile.escapeToken);
  const rawLex = new DockerfileShellLex(dockerfile.escapeToken, { rawQuotes: true, skipUnsetEnv: true });
  const buildArgs = options.buildArgs ?? {};
  const context = new BuildContext(options.context ?? {}, { dockerfilePath: options.dockerfilePath ?? 'Dockerfile' });
  const startMs = host.now();
  for (const ref of typeof options.cacheFrom === 'string' ? [options.cacheFrom] : options.cacheFrom ?? []) {
    if (host.registries !== undefined) importCache(host.registries, ref, host.cache);
  }

  // Meta args: defaults expanded in order, overridden by --build-arg.
  const metaEnv = new Map<string, string>();
  for (const arg of dockerfile.metaArgs) {
    for (const def of arg.args) {
      const value = buildArgs[def.key] ?? (def.value === undefined ? undefined : lex.processWord(def.value, metaEnv));
      if (value !== undefined) metaEnv.set(def.key, value);
    }
  }
  const plan = planStages(dockerfile, metaEnv, { ...(options.target === undefined ? {} : { target: options.target }), builder: classic ? 'classic' : 'buildkit' });

  const drafts: StepDraft[] = [];
  const finals = new Map<number, { state: StageState; lastTask: string }>();
  const baseTasks: ScheduleTask[] = [];
  const metadataVertices: ProgressVertex[] = [];
  const resolved = new Map<string, ReturnType<BuildHost['resolveImage']>>();
  let hits = 0;
  let misses = 0;
  const pendingRecords: PendingRecord[] = [];
  // Serial elapsed time of the fresh steps: their history `created` (a cache hit keeps the time
  // recorded when the step first ran, so a fully cached rebuild gives the same image ID).
  let elapsed = 0;
  const usesContext = plan.order.some((i) =>
    (plan.stages[i] as StagePlan).stage.instructions.some(
      (ins) => ((ins.kind === 'COPY' || ins.kind === 'ADD') && (ins.kind === 'ADD' || ins.from === undefined) && ins.sources.length > 0) ||
        (ins.kind === 'RUN' && ins.mounts.some((m) => m.type === 'bind' && m.from === undefined)),
    ),
  );

  const fail = (error: BuildError, draftsSoFar: StepDraft[], vertex?: ProgressVertex): never => {
    const done: ProgressVertex[] = draftsSoFar
      .filter((d) => d.vertexName !== undefined)
      .map((d) => (d.cached ? { name: d.vertexName as string, cached: true } : { name: d.vertexName as string, seconds: d.seconds }));
    const log = formatPlainProgress([...metadataVertices, ...done, ...(vertex ? [vertex] : [])]);
    error.log = `${log}${error.line ? `\n${dockerfileExcerpt(options.dockerfile, error.line)}\n` : ''}ERROR: failed to solve: ${error.problem}\n`;
    throw error;
  };

  const resolveImage = (ref: string, line: number) => {
    let found = resolved.get(ref);
    if (found === undefined) {
      try {
        found = host.resolveImage(ref);
      } catch (cause) {
        throw new BuildError('BuildBaseImageNotFound', {
          problem: `${ref}: failed to resolve source metadata: ${(cause as Error).message}`,
          fix: 'check the image name and tag (the model knows the catalog\'s base images)',
          hint: `${line}번째 줄의 이미지 "${ref}"를 찾을 수 없습니다. 이름과 태그를 확인하세요.`,
          line,
          cause,
        });
      }
      resolved.set(ref, found);
    }
    return found;
  };

  for (const stageIndex of plan.order) {
    const stagePlan = plan.stages[stageIndex] as StagePlan;
    const { stage } = stagePlan;
    const display = stagePlan.displayName;
    const total = 1 + stage.instructions.filter((i) => i.kind === 'RUN' || i.kind === 'COPY' || i.kind === 'ADD' || (i.kind === 'WORKDIR')).length;
    let counter = 1;
    let image: Image;
    let key: string;
    const baseTaskId = `base:${stageIndex}`;
    let baseAfter: string[] = [];
    let baseSeconds = 0;
    let fromName: string;
    if (stagePlan.base.kind === 'stage') {
      const source = finals.get(stagePlan.base.index);
      if (source === undefined) throw new Error(`stage ${stagePlan.base.index} was not built before ${stageIndex}`);
      image = source.state.image;
      key = source.state.key;
      baseAfter = [source.lastTask];
      fromName = `FROM ${(plan.stages[stagePlan.base.index] as StagePlan).displayName ?? stagePlan.base.index}`;
    } else if (stagePlan.base.kind === 'scratch') {
      image = setImageConfigFile(scratchImage(), (file) => ({ ...file, config: { Env: [`PATH=${DEFAULT_PATH}`], WorkingDir: '/' } }));
      key = baseCacheKey('scratch');
      fromName = 'FROM scratch';
    } else {
      const base = resolveImage(stagePlan.base.ref, stage.from.startLine);
      image = base.image;
      key = baseCacheKey(image.id);
      fromName = `FROM ${base.canonical}@${image.id}`;
      if (!metadataVertices.some((v) => v.name === `[internal] load metadata for ${base.canonical}`)) {
        metadataVertices.push({ name: `[internal] load metadata for ${base.canonical}`, seconds: base.downloadedBytes > 0 ? 0.3 : 0 });
      }
      if (base.downloadedBytes > 0) baseSeconds = pullSeconds(base.downloadedBytes, base.unpackedBytes);
    }
    baseTasks.push({ id: baseTaskId, seconds: baseSeconds, after: baseAfter });
    const config = configOf(image);
    const state: StageState = {
      image,
      key,
      env: envFromConfig(config),
      args: [],
      cwd: config.WorkingDir || '/',
      user: config.User ?? '',
      shell: config.Shell ?? DEFAULT_SHELL,
      cmdSet: false,
      lastLayerMs: image.createdMs ?? Math.max(0, ...image.history.map((h) => (h.created === undefined ? 0 : Date.parse(h.created)))),
    };
    if (!state.env.has('PATH')) state.env.set('PATH', DEFAULT_PATH);
    const stageDrafts: StepDraft[] = [];
    drafts.push({
      // A stage built on another stage continues its LLB state: BuildKit shows no FROM vertex.
      taskId: baseTaskId, after: baseAfter, vertexName: stagePlan.base.kind === 'stage' ? undefined : `${stepPrefix(display, 1, total)}${fromName}`, outputLines: [],
      stage: display, stageIndex, kind: 'FROM', instruction: stage.from.original, line: stage.from.startLine, endLine: stage.from.endLine,
      runs: false, cached: baseSeconds === 0, seconds: baseSeconds, layer: undefined, size: 0, emptyLayer: undefined, createdBy: undefined, cacheKey: key, output: '',
    });
    let previousTask = baseTaskId;

    for (const instruction of stage.instructions) {
      const envRecord = Object.fromEntries(state.env);
      const expand = (word: string): string => {
        try {
          return lex.processWord(word, envRecord);
        } catch (error) {
          return fail(
            new BuildError('BuildInvalidInstruction', {
              problem: (error as Error).message,
              fix: 'fix the ${…} expression',
              hint: `${instruction.startLine}번째 줄의 변수 치환을 확인하세요.`,
              line: instruction.startLine,
            }),
            drafts,
          );
        }
      };
      const base = {
        stage: display, stageIndex, kind: instruction.kind, instruction: instruction.original, line: instruction.startLine, endLine: instruction.endLine,
      };
      const metadata = (history: HistoryStep | undefined, change: (img: Image) => Image): void => {
        state.image = change(state.image);
        let createdBy: string | undefined;
        if (history !== undefined) {
          createdBy = classic ? classicCreatedBy(history, state.shell) : buildkitCreatedBy(history);
          state.image = addImageHistory(state.image, { createdBy, ...(classic ? {} : { comment: HISTORY_COMMENT }), created: state.lastLayerMs });
        }
        if (classic) state.key = stepCacheKey(state.key, { createdBy, config: configOf(state.image) });
        const taskId = `s${stageIndex}:${instruction.startLine}`;
        const draft: StepDraft = {
          ...base, taskId, after: [previousTask], vertexName: undefined, outputLines: [], runs: false, cached: false, seconds: 0,
          layer: undefined, size: 0, emptyLayer: history === undefined ? undefined : true, createdBy, cacheKey: classic ? state.key : undefined, output: '',
        };
        drafts.push(draft);
        stageDrafts.push(draft);
        previousTask = taskId;
      };

      switch (instruction.kind) {
        case 'ENV': {
          const pairs = instruction.env.map((p) => ({ key: expand(p.key), value: expand(p.value) }));
          for (const p of pairs) state.env.set(p.key, p.value);
          metadata({ kind: 'ENV', pairs }, (img) => patchConfig(img, (c) => ({ ...c, Env: pairs.reduce((list, p) => setEnvList(list, p.key, p.value), [...(c.Env ?? [])]) })));
          continue;
        }
        case 'ARG': {
          const pairs = instruction.args.map((def) => {
            let value = buildArgs[def.key] ?? (def.value === undefined ? undefined : expand(def.value));
            if (value === undefined && buildArgs[def.key] === undefined && def.value === undefined) value = metaEnv.get(def.key);
            return { key: def.key, value };
          });
          for (const p of pairs) {
            state.args.push(p);
            if (p.value !== undefined) state.env.set(p.key, p.value);
          }
          metadata({ kind: 'ARG', pairs }, (img) => img);
          continue;
        }
        case 'LABEL': {
          const pairs = instruction.labels.map((p) => ({ key: expand(p.key), value: expand(p.value) }));
          metadata({ kind: 'LABEL', pairs }, (img) => patchConfig(img, (c) => ({ ...c, Labels: { ...(c.Labels ?? {}), ...Object.fromEntries(pairs.map((p) => [p.key, p.value])) } })));
          continue;
        }
        case 'EXPOSE': {
          const ports = instruction.ports.flatMap((p) => lex.processWords(p, envRecord)).map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
          const sorted = [...new Set(ports)].sort();
          metadata({ kind: 'EXPOSE', ports: sorted }, (img) => patchConfig(img, (c) => ({ ...c, ExposedPorts: { ...(c.ExposedPorts ?? {}), ...Object.fromEntries(sorted.map((p) => [p, {}])) } })));
          continue;
        }
        case 'CMD':
        case 'ENTRYPOINT': {
          const list = instruction.prependShell ? [...state.shell, instruction.cmdLine.join(' ')] : [...instruction.cmdLine];
          if (instruction.kind === 'CMD') state.cmdSet = true;
          const kind = instruction.kind;
          metadata({ kind, list }, (img) =>
            patchConfig(img, (c) => {
              if (kind === 'CMD') return { ...c, Cmd: list, ArgsEscaped: true };
              const next: Record<string, unknown> = { ...c, Entrypoint: list };
              if (!state.cmdSet) delete next.Cmd;
              return next as ImageRunConfig;
            }),
          );
          continue;
        }
        case 'USER': {
          const user = expand(instruction.user);
          state.user = user;
          metadata({ kind: 'USER', value: user }, (img) => patchConfig(img, (c) => ({ ...c, User: user })));
          continue;
        }
        case 'VOLUME': {
          const list = instruction.volumes.map(expand);
          metadata({ kind: 'VOLUME', list }, (img) => patchConfig(img, (c) => ({ ...c, Volumes: { ...(c.Volumes ?? {}), ...Object.fromEntries(list.map((v) => [v, {}])) } })));
          continue;
        }
        case 'STOPSIGNAL': {
          const value = expand(instruction.signal);
          metadata({ kind: 'STOPSIGNAL', value }, (img) => patchConfig(img, (c) => ({ ...c, StopSignal: value })));
          continue;
        }
        case 'SHELL': {
          state.shell = [...instruction.shell];
          metadata({ kind: 'SHELL', list: instruction.shell }, (img) => patchConfig(img, (c) => ({ ...c, Shell: [...instruction.shell] })));
          continue;
        }
        case 'HEALTHCHECK': {
          const h = instruction.health;
          metadata({ kind: 'HEALTHCHECK', health: h }, (img) =>
            patchConfig(img, (c) => ({
              ...c,
              Healthcheck: {
                Test: [...h.test],
                ...(h.interval ? { Interval: h.interval } : {}),
                ...(h.timeout ? { Timeout: h.timeout } : {}),
                ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
                ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
                ...(h.retries ? { Retries: h.retries } : {}),
              },
            })),
          );
          continue;
        }
        case 'MAINTAINER': {
          const value = expand(instruction.maintainer);
          metadata({ kind: 'MAINTAINER', value }, (img) => setImageConfigFile(img, (file) => ({ ...file, author: value })));
          continue;
        }
        case 'ONBUILD':
          // BuildKit only records the trigger in config.OnBuild; no history entry.
          metadata(undefined, (img) => patchConfig(img, (c) => ({ ...c, OnBuild: [...(c.OnBuild ?? []), instruction.expression] })));
          continue;
        default:
          break;
      }

      // ── operations: WORKDIR, RUN, COPY, ADD ────────────────────────────────────────────────
      counter++;
      const taskId = `s${stageIndex}:${instruction.startLine}`;
      const after = [previousTask];
      const vertexName = `${stepPrefix(display, counter, total)}${uppercaseFirst(safeProcess(rawLex, instruction.original, envRecord))}`;
      let op: Record<string, unknown>;
      let history: HistoryStep;
      let execute: (fs: UnionFs) => { seconds: number; output: string[] };
      let stepSeconds = 0;

      if (instruction.kind === 'WORKDIR') {
        const path = resolvePath(state.cwd, expand(instruction.path));
        state.cwd = path;
        state.image = patchConfig(state.image, (c) => ({ ...c, WorkingDir: path }));
        history = { kind: 'WORKDIR', path };
        if (path === '/' && !classic) {
          counter--;
          metadata(history, (img) => img);
          continue;
        }
        op = { type: 'mkdir', path, user: state.user };
        const user = state.user;
        execute = (fs) => {
          const owner = user === '' ? { uid: 0, gid: 0 } : resolveOwner(fs, user) ?? { uid: 0, gid: 0 };
          const existed = fs.exists(path);
          fs.mkdir(path, { recursive: true, mode: 0o755 });
          if (!existed) fs.chown(path, owner.uid, owner.gid);
          return { seconds: workdirStepSeconds(), output: [] };
        };
      } else if (instruction.kind === 'RUN') {
        const prepared = prepareRun(instruction, state, dockerfile.escapeToken);
        const mounts = instruction.mounts.map((m) => (m.spec.includes('$') ? parseRunMount(m.spec, { line: instruction.startLine, endLine: instruction.endLine }, (v) => lex.processWord(v, envRecord)) : m));
        const mountKeys = mounts.map((m) => {
          if (m.type === 'bind') {
            const src = m.from === undefined ? contextFs(context) : sourceFsFor(m.from).fs;
            const paths = [`/${(m.source ?? '').replace(/^\/+/, '')}`];
            return { type: 'bind', target: m.target, from: m.from, checksum: checksumSelection(checksumSourceOf(src, m.from === undefined), paths.map((p) => p.slice(1))) };
          }
          if (m.type === 'cache') return { type: 'cache', target: m.target, ...(m.id !== undefined && m.id !== m.target ? { id: m.id } : {}), ...(m.sharing && m.sharing !== 'shared' ? { sharing: m.sharing } : {}) };
          if (m.type === 'secret') return { type: 'secret', id: m.id ?? (m.target ?? '').split('/').pop(), target: m.target };
          return { type: m.type, target: m.target };
        });
        op = {
          type: 'exec', argv: prepared.argv, env: [...state.env].map(([k, v]) => `${k}=${v}`).sort(), cwd: state.cwd, user: state.user,
          network: instruction.network ?? 'default', security: instruction.security ?? 'sandbox', mounts: mountKeys,
        };
        history = { kind: 'RUN', argv: prepared.argv, buildArgs: state.args.map((a) => ({ key: a.key, value: state.env.get(a.key) ?? a.value })) };
        const env = Object.fromEntries(state.env);
        const cwd = state.cwd;
        const user = state.user;
        execute = (fs) => {
          const prepared2: PreparedMount[] = [];
          for (const m of mounts) {
            const target = resolvePath(cwd, m.target ?? (m.type === 'secret' ? `/run/secrets/${m.id ?? ''}` : ''));
            if (m.type === 'cache') {
              const id = m.id ?? target;
              prepared2.push(mountCache(fs, target, host.cache.get(`cache-mount:${id}`) as SavedTree | undefined, id));
            } else if (m.type === 'secret') {
              const id = m.id ?? (m.target ?? '').split('/').pop() ?? '';
              const value = options.secrets?.[id];
              if (value === undefined) {
                if (m.required) {
                  throw new BuildError('BuildSecretNotFound', {
                    problem: `secret ${id} not found`,
                    fix: `pass it: secrets: { ${JSON.stringify(id)}: … } (docker build --secret id=${id},src=…)`,
                    hint: `RUN이 요구하는 시크릿 "${id}"이(가) 빌드에 전달되지 않았습니다. secrets 옵션으로 넘기세요.`,
                    line: instruction.startLine,
                  });
                }
                continue;
              }
              prepared2.push(mountSecret(fs, m.target === undefined ? `/run/secrets/${id}` : target, value, m.mode ?? 0o400));
            } else if (m.type === 'bind') {
              const src = m.from === undefined ? contextFs(context) : sourceFsFor(m.from).fs;
              prepared2.push(mountBind(fs, target, src, `/${(m.source ?? '').replace(/^\/+/, '')}`, host.now()));
            } else prepared2.push(mountTmpfs(fs, target));
          }
          const owner = user === '' ? { uid: 0, gid: 0 } : resolveOwner(fs, user) ?? { uid: 0, gid: 0 };
          const result = runShell(fileSystemAsUser(fs, owner), prepared.script, {
            env, cwd, uid: owner.uid, gid: owner.gid, hostname: 'buildkitsandbox',
            ...(host.packages === undefined ? {} : { packages: host.packages as never }),
          });
          for (const m of prepared2) {
            if (m.kind === 'cache' && m.cacheId !== undefined) host.cache.set(`cache-mount:${m.cacheId}`, saveTree(fs, m.target));
            unmount(fs, m);
          }
          const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l !== '');
          if (result.exitCode !== 0) {
            const problem = `process "${prepared.argv.join(' ')}" did not complete successfully: exit code: ${result.exitCode}`;
            const error = new BuildError('BuildRunFailed', {
              problem,
              fix: 'fix the command (the step\'s output is in the log)',
              hint: `${instruction.startLine}번째 줄의 RUN 명령이 실패했습니다(종료 코드 ${result.exitCode}). 로그의 출력을 확인하세요.`,
              line: instruction.startLine,
              data: { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr },
            });
            fail(error, drafts, { name: vertexName, output: lines.map((line) => ({ offset: 0.1, line })), error: problem });
          }
          return { seconds: runStepSeconds(result.seconds), output: lines };
        };
      } else {
        const copy = instruction as CopyInstruction;
        const sourceArgs = copy.sources.map(expand);
        const rawDest = expand(copy.dest);
        const dest = resolvePath(state.cwd, rawDest);
        const destIsDir = rawDest.endsWith('/') || rawDest === '.' || rawDest === '' || sourceArgs.length + copy.inlineSources.length > 1 || sourceArgs.some((s) => /[*?[]/.test(s));
        const chown = copy.chown === undefined ? undefined : expand(copy.chown);
        const chmod = copy.chmod === undefined ? undefined : expand(copy.chmod);
        const from = copy.from === undefined ? undefined : lex.processWord(copy.from, Object.fromEntries(metaEnv));
        const source = from === undefined ? { fs: contextFs(context), key: 'context', task: usesContext ? 'context' : undefined } : sourceFsFor(from);
        const selected: string[] = [];
        for (const arg of sourceArgs) {
          if (/^https?:\/\//.test(arg)) {
            fail(new BuildError('BuildInvalidInstruction', {
              problem: `remote sources (${arg}) are not simulated`,
              fix: 'put the file in the build context and COPY it',
              hint: 'URL에서 내려받는 ADD는 시뮬레이터가 지원하지 않습니다. 파일을 컨텍스트에 넣고 COPY하세요.',
              line: instruction.startLine,
            }), drafts);
          }
          const { paths, wildcard } = selectSources(source.fs, arg, from === undefined ? '/' : '/');
          if (!wildcard && !source.fs.exists(paths[0] as string)) {
            const ignored = from === undefined && context.all.some((e) => e.path === (paths[0] as string).slice(1));
            fail(new BuildError('BuildSourceNotFound', {
              problem: `failed to compute cache key: failed to calculate checksum of ref: "${paths[0] as string}": not found`,
              fix: ignored ? `${arg} is excluded by .dockerignore: remove it from there, or stop copying it` : `add ${arg} to the build context, or fix the path`,
              hint: ignored
                ? `${instruction.startLine}번째 줄: "${arg}"는 .dockerignore로 제외되어 COPY할 수 없습니다.`
                : `${instruction.startLine}번째 줄: "${arg}"가 ${from === undefined ? '빌드 컨텍스트' : `"${from}"`}에 없습니다. 경로를 확인하세요 (줄 끝에 붙인 "# 설명"도 경로로 읽힙니다).`,
              line: instruction.startLine,
            }), drafts);
          }
          selected.push(...paths);
        }
        const checksum = checksumSelection(checksumSourceOf(source.fs, from === undefined), selected.map((p) => p.slice(1)));
        op = {
          type: 'copy', add: copy.kind === 'ADD', dest, destIsDir, chown, chmod, link: copy.link, sources: sourceArgs,
          inline: copy.inlineSources.map((s) => ({ name: s.name, data: s.content })), from: source.key, checksum,
        };
        history = {
          kind: copy.kind, parents: copy.parents, chown, chmod, sources: sourceArgs, inlineNames: copy.inlineSources.map((s) => s.name), dest: rawDest,
          classicSourceHash: `${selected.length > 1 ? 'multi' : 'file'}:${checksum.slice(7)}`,
        };
        if (source.task !== undefined) after.push(source.task);
        const mode = chmod !== undefined && /^[0-7]+$/.test(chmod) ? parseInt(chmod, 8) : undefined;
        execute = (fs) => {
          const owner = chown === undefined ? { uid: 0, gid: 0 } : resolveOwner(fs, chown) ?? { uid: 0, gid: 0 };
          const opts = { uid: owner.uid, gid: owner.gid, nowMs: host.now(), ...(mode === undefined ? {} : { mode }) };
          let bytes = copyInto(source.fs, selected, fs, dest, destIsDir, opts);
          for (const inline of copy.inlineSources) {
            const text = inline.expand ? lex.processWord(inline.content, envRecord) : inline.content;
            bytes += copyInto(inlineFs(inline.name, text, host.now()), [`/${inline.name}`], fs, dest, destIsDir, opts);
          }
          return { seconds: copyStepSeconds(bytes), output: [] };
        };
      }

      const createdBy = classic ? classicCreatedBy(history, state.shell) : buildkitCreatedBy(history);
      const stepKey = classic ? stepCacheKey(state.key, { op, createdBy, config: configOf(state.image) }) : stepCacheKey(state.key, op);
      let record = options.noCache ? undefined : readRecord(host.cache, stepKey);
      let output: string[] = [];
      let cached = record !== undefined;
      if (record === undefined) {
        const fs = new UnionFs({ layers: lowerLayers(state.image), clock: { now: () => host.now() } });
        const result = execute(fs);
        stepSeconds = result.seconds;
        output = result.output;
        const layer = fs.upperAsLayer();
        // The classic builder decides empty_layer by content; BuildKit always keeps the layer.
        elapsed += stepSeconds;
        record = { layer, createdMs: startMs + Math.round(elapsed * 1000), createdBy, output, seconds: stepSeconds };
        writeRecord(host.cache, stepKey, record);
        misses++;
      } else hits++;
      // Record times are set once the schedule is known; keep the object to patch.
      const draft: StepDraft = {
        ...base, taskId, after, vertexName, outputLines: output, runs: true, cached, seconds: cached ? 0 : stepSeconds,
        layer: record.layer, size: record.layer.diffSize, emptyLayer: classic && record.layer.isEmpty, createdBy, cacheKey: stepKey, output: output.join('\n'),
      };
      drafts.push(draft);
      stageDrafts.push(draft);
      pendingRecords.push({ draft, record, key: stepKey, stage: stageIndex, fresh: !cached });
      // History: a layer step appends its layer (classic: unless the diff was empty).
      state.lastLayerMs = record.createdMs;
      state.image = classic && record.layer.isEmpty
        ? addImageHistory(state.image, { createdBy, created: record.createdMs })
        : appendImageLayer(state.image, record.layer, { createdBy, ...(classic ? {} : { comment: HISTORY_COMMENT }), created: record.createdMs });
      state.key = stepKey;
      previousTask = taskId;
    }
    finals.set(stageIndex, { state, lastTask: previousTask });
  }

  // ── schedule, times, records ───────────────────────────────────────────────────────────────
  const contextSeconds = usesContext ? contextTransferSeconds(context.sentBytes) : 0;
  const tasks: ScheduleTask[] = [];
  if (usesContext) tasks.push({ id: 'context', seconds: contextSeconds, after: [] });
  for (const d of drafts) tasks.push({ id: d.taskId, seconds: d.seconds, after: d.after.filter((a) => a !== d.taskId) });
  const schedule = scheduleTasks(tasks, { sequential: classic });
  const spanOf = new Map(schedule.spans.map((s) => [s.id, s]));
  const target = finals.get(plan.target);
  if (target === undefined) throw new Error('target stage was not built');
  const finalImage = withCreatedTime(target.state.image, startMs);

  const exportTime = exportSeconds(pendingRecords.filter((p) => p.fresh && p.draft.stageIndex === plan.target).length, 0);
  const totalSeconds = Math.round((schedule.criticalPathSeconds + exportTime) * 1000) / 1000;
  host.setNow(startMs + Math.round(totalSeconds * 1000));
  const tags = typeof options.tag === 'string' ? [options.tag] : [...(options.tag ?? [])];
  const stored = host.addImage(finalImage, tags);

  // ── log ──────────────────────────────────────────────────────────────────────────────────────
  const steps: BuildStep[] = drafts
    .filter((d) => d.kind !== 'FROM')
    .map((d) => {
      const span = spanOf.get(d.taskId);
      const { taskId: _t, after: _a, vertexName: _v, outputLines: _o, ...rest } = d;
      return Object.freeze({ ...rest, start: span?.start ?? 0, end: span?.end ?? 0 });
    });
  const logVertices: ProgressVertex[] = [
    { name: `[internal] load build definition from ${options.dockerfilePath ?? 'Dockerfile'}`, details: [`transferring dockerfile: ${goHumanSize(Buffer.byteLength(options.dockerfile))} done`], seconds: 0 },
    ...metadataVertices,
    { name: '[internal] load .dockerignore', details: [`transferring context: ${goHumanSize(context.dockerignore === undefined ? 2 : Buffer.byteLength(context.all.find((e) => e.path === '.dockerignore')?.content.text() ?? ''))} done`], seconds: 0 },
  ];
  for (const d of drafts) {
    if (d.vertexName === undefined && d.kind !== 'FROM') continue;
    if (d.kind === 'FROM') {
      if (usesContext && d.vertexName === undefined && !logVertices.some((v) => v.name === '[internal] load build context')) {
        logVertices.push({ name: '[internal] load build context', details: [`transferring context: ${goHumanSize(context.sentBytes)} done`], seconds: contextSeconds });
      }
      if (d.vertexName === undefined) continue;
      const stageSteps = drafts.filter((x) => x.stageIndex === d.stageIndex && x.runs);
      logVertices.push(d.seconds > 0 ? { name: d.vertexName, details: [`resolve ${d.vertexName.replace(/^.*FROM /, '')} done`], seconds: d.seconds } : stageSteps.every((s) => s.cached) ? { name: d.vertexName, cached: true } : { name: d.vertexName, seconds: 0 });
      if (usesContext && !logVertices.some((v) => v.name === '[internal] load build context')) {
        logVertices.push({ name: '[internal] load build context', details: [`transferring context: ${goHumanSize(context.sentBytes)} done`], seconds: contextSeconds });
      }
      continue;
    }
    const name = d.vertexName as string;
    logVertices.push(d.cached ? { name, cached: true } : { name, seconds: d.seconds, output: d.outputLines.map((line) => ({ offset: runStepSeconds(0), line })) });
  }
  logVertices.push({
    name: 'exporting to image',
    details: [`exporting layers ${exportTime.toFixed(1)}s done`, `writing image ${stored.id} done`, ...tags.map((t) => `naming to ${canonicalName(t)} done`)],
    seconds: exportTime,
  });

  if (options.cacheTo !== undefined && host.registries !== undefined) {
    const to = typeof options.cacheTo === 'string' ? { ref: options.cacheTo, mode: 'min' as const } : options.cacheTo;
    const keys = pendingRecords.filter((p) => to.mode === 'max' || p.stage === plan.target).map((p) => p.key);
    exportCache(host.registries, to.ref, host.cache, keys);
  }

  return Object.freeze({
    image: stored,
    id: stored.id,
    tags: Object.freeze(tags),
    steps: Object.freeze(steps),
    log: formatPlainProgress(logVertices),
    seconds: totalSeconds,
    serialSeconds: Math.round((schedule.serialSeconds + exportTime) * 1000) / 1000,
    criticalPath: schedule.criticalPath,
    timeline: schedule.spans,
    cacheHits: hits,
    cacheMisses: misses,
    contextBytes: usesContext ? context.sentBytes : 0,
    warnings: dockerfile.warnings,
    builtStages: plan.order,
  });

  function sourceFsFor(from: string): { fs: ReadableFs; key: string; task: string | undefined } {
    const index = plan.stages.findIndex((s) => s.stage.name === from.toLowerCase() || String(s.index) === from);
    if (index >= 0) {
      const built = finals.get(index);
      if (built === undefined) throw new Error(`stage ${from} not built yet`);
      return { fs: new UnionFs({ layers: lowerLayers(built.state.image) }), key: built.state.key, task: built.lastTask };
    }
    const image = resolveImage(from, 0).image;
    return { fs: new UnionFs({ layers: lowerLayers(image) }), key: image.id, task: undefined };
  }
}

interface PendingRecord {
  readonly draft: StepDraft;
  readonly record: CacheRecord;
  readonly key: string;
  readonly stage: number;
  readonly fresh: boolean;
}

/** The image's `created`: the newest history entry's time (so a cached rebuild keeps its ID). */
function withCreatedTime(image: Image, startMs: number): Image {
  let last = 0;
  for (const entry of image.history) if (entry.created !== undefined) last = Math.max(last, Date.parse(entry.created));
  return setImageConfigFile(image, (file) => ({ ...file, created: formatGoTime(last || startMs) }));
}

function canonicalName(tag: string): string {
  if (tag.includes('/') && /[.:]|localhost/.test(tag.split('/')[0] as string)) return tag.includes(':') ? tag : `${tag}:latest`;
  const withTag = /:[^/]+$/.test(tag) ? tag : `${tag}:latest`;
  return `docker.io/${tag.includes('/') ? '' : 'library/'}${withTag}`;
}

function uppercaseFirst(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : text.slice(0, space).toUpperCase() + text.slice(space);
}

function safeProcess(lex: DockerfileShellLex, text: string, env: Record<string, string>): string {
  try {
    return lex.processWord(text, env);
  } catch {
    return text;
  }
}

/** The argv and the script the simulated shell runs for a RUN (heredocs as BuildKit passes them). */
function prepareRun(run: RunInstruction, state: StageState, _escape: string): { argv: string[]; script: string } {
  let args = [...run.cmdLine];
  if (run.heredocs.length > 0 && args.length === 1 && run.prependShell) {
    const first = run.heredocs[0];
    if (first !== undefined && /^\d*<<-?/.test((args[0] as string).trim()) && (args[0] as string).trim().split(/\s+/).length === 1) {
      args = [first.chomp ? first.content.replace(/^\t+/gm, '') : first.content];
    } else {
      args = [args[0] + run.heredocs.map((h) => `\n${h.content}${h.name}`).join('')];
    }
  }
  if (run.prependShell) {
    const argv = [...state.shell, args.join(' ')];
    return { argv, script: args.join(' ') };
  }
  return { argv: args, script: args.map(shellQuote).join(' ') };
}

export { cleanAbsolute };
