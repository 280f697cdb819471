/**
 * Typed Dockerfile instructions (the second stage of parsing, as BuildKit's
 * frontend/dockerfile/instructions turns AST nodes into commands). Values are kept as written:
 * variables are expanded by the builder, at the point where Docker expands them.
 */
import type { DockerfileHeredoc } from './heredoc';

export type InstructionKind =
  | 'FROM'
  | 'ARG'
  | 'ENV'
  | 'LABEL'
  | 'RUN'
  | 'CMD'
  | 'ENTRYPOINT'
  | 'COPY'
  | 'ADD'
  | 'WORKDIR'
  | 'USER'
  | 'EXPOSE'
  | 'VOLUME'
  | 'SHELL'
  | 'STOPSIGNAL'
  | 'HEALTHCHECK'
  | 'ONBUILD'
  | 'MAINTAINER';

export interface InstructionBase {
  readonly kind: InstructionKind;
  /** First line (1-based). */
  readonly startLine: number;
  /** Last line, continuations and heredoc bodies included. */
  readonly endLine: number;
  /** The logical line as written (continuations joined), BuildKit's `Original`. */
  readonly original: string;
  /** Builder flags as written (`--from=builder`). */
  readonly flags: readonly string[];
}

export interface FromInstruction extends InstructionBase {
  readonly kind: 'FROM';
  /** The image reference as written (may hold `$VAR` from ARGs before the first FROM). */
  readonly image: string;
  /** `AS name`, lower-cased as BuildKit does. */
  readonly stageName: string | undefined;
  readonly platform: string | undefined;
}

export interface ArgDefinition {
  readonly key: string;
  /** The default as written (quotes kept), undefined for `ARG NAME`. */
  readonly value: string | undefined;
}

export interface ArgInstruction extends InstructionBase {
  readonly kind: 'ARG';
  readonly args: readonly ArgDefinition[];
}

export interface KeyValue {
  readonly key: string;
  /** As written: quotes and `$VAR` still in it. */
  readonly value: string;
}

export interface EnvInstruction extends InstructionBase {
  readonly kind: 'ENV';
  readonly env: readonly KeyValue[];
  /** Written as `ENV KEY value` (one pair, value = rest of the line). */
  readonly legacyForm: boolean;
}

export interface LabelInstruction extends InstructionBase {
  readonly kind: 'LABEL';
  readonly labels: readonly KeyValue[];
  readonly legacyForm: boolean;
}

/** RUN, CMD, ENTRYPOINT: shell form (`cmdLine` = [the text]) or exec form (JSON). */
export interface CommandLine {
  readonly cmdLine: readonly string[];
  /** Shell form: the stage's SHELL (default `/bin/sh -c`) is put in front when it runs. */
  readonly prependShell: boolean;
}

export type RunMountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

/** One `--mount=…` of RUN, as written (values not yet expanded). */
export interface RunMount {
  readonly type: RunMountType;
  readonly from: string | undefined;
  readonly source: string | undefined;
  readonly target: string | undefined;
  readonly readOnly: boolean;
  /** `id=` (cache, secret). */
  readonly id: string | undefined;
  readonly sharing: 'shared' | 'private' | 'locked' | undefined;
  readonly required: boolean;
  readonly mode: number | undefined;
  readonly uid: number | undefined;
  readonly gid: number | undefined;
  /** `env=` of a secret mount. */
  readonly env: string | undefined;
  /** The flag value as written (`type=cache,target=/root/.npm`). */
  readonly spec: string;
}

export interface RunInstruction extends InstructionBase, CommandLine {
  readonly kind: 'RUN';
  readonly heredocs: readonly DockerfileHeredoc[];
  readonly mounts: readonly RunMount[];
  readonly network: 'default' | 'none' | 'host' | undefined;
  readonly security: 'sandbox' | 'insecure' | undefined;
}

export interface CmdInstruction extends InstructionBase, CommandLine {
  readonly kind: 'CMD';
}

export interface EntrypointInstruction extends InstructionBase, CommandLine {
  readonly kind: 'ENTRYPOINT';
}

/** A COPY/ADD source given inline as a heredoc (`COPY <<EOF /etc/motd`). */
export interface InlineSource {
  readonly name: string;
  readonly content: string;
  readonly expand: boolean;
}

export interface CopyInstruction extends InstructionBase {
  readonly kind: 'COPY' | 'ADD';
  /** All source arguments as written, heredoc markers (`<<EOF`) included, in order. */
  readonly sourceArgs: readonly string[];
  /** The path sources (heredoc markers removed). */
  readonly sources: readonly string[];
  readonly inlineSources: readonly InlineSource[];
  readonly dest: string;
  /** `--from=stage|image|index` (COPY only). */
  readonly from: string | undefined;
  readonly chown: string | undefined;
  readonly chmod: string | undefined;
  readonly link: boolean;
  readonly parents: boolean;
  readonly exclude: readonly string[];
  /** ADD `--checksum=`. */
  readonly checksum: string | undefined;
  readonly json: boolean;
}

export interface WorkdirInstruction extends InstructionBase {
  readonly kind: 'WORKDIR';
  readonly path: string;
}

export interface UserInstruction extends InstructionBase {
  readonly kind: 'USER';
  readonly user: string;
}

export interface ExposeInstruction extends InstructionBase {
  readonly kind: 'EXPOSE';
  /** As written, sorted (BuildKit sorts them when parsing). */
  readonly ports: readonly string[];
}

export interface VolumeInstruction extends InstructionBase {
  readonly kind: 'VOLUME';
  readonly volumes: readonly string[];
}

export interface ShellInstruction extends InstructionBase {
  readonly kind: 'SHELL';
  readonly shell: readonly string[];
}

export interface StopsignalInstruction extends InstructionBase {
  readonly kind: 'STOPSIGNAL';
  readonly signal: string;
}

/** Docker's HealthConfig; durations in nanoseconds as Go keeps them (0 = not set). */
export interface HealthConfig {
  /** `['NONE']`, `['CMD', …args]` (exec form) or `['CMD-SHELL', command]`. */
  readonly test: readonly string[];
  readonly interval: number;
  readonly timeout: number;
  readonly startPeriod: number;
  readonly startInterval: number;
  readonly retries: number;
}

export interface HealthcheckInstruction extends InstructionBase {
  readonly kind: 'HEALTHCHECK';
  readonly health: HealthConfig;
}

export interface OnbuildInstruction extends InstructionBase {
  readonly kind: 'ONBUILD';
  /** The trigger as written (`RUN npm install`), heredoc bodies appended as BuildKit does. */
  readonly expression: string;
  /** The trigger's keyword, upper-cased. */
  readonly triggerKind: string;
}

export interface MaintainerInstruction extends InstructionBase {
  readonly kind: 'MAINTAINER';
  readonly maintainer: string;
}

export type Instruction =
  | FromInstruction
  | ArgInstruction
  | EnvInstruction
  | LabelInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | CopyInstruction
  | WorkdirInstruction
  | UserInstruction
  | ExposeInstruction
  | VolumeInstruction
  | ShellInstruction
  | StopsignalInstruction
  | HealthcheckInstruction
  | OnbuildInstruction
  | MaintainerInstruction;

/** An instruction inside a stage (everything but FROM). */
export type StageInstruction = Exclude<Instruction, FromInstruction>;

export interface DockerfileStage {
  /** 0-based position among the stages (usable as `COPY --from=0`). */
  readonly index: number;
  readonly name: string | undefined;
  readonly from: FromInstruction;
  readonly instructions: readonly StageInstruction[];
}
