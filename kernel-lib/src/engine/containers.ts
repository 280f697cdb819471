/**
 * Container operations of `Engine` — owned by the container module's author; this file only
 * holds placeholders so that `Engine` compiles before that work lands. Replace each function
 * (keep the first parameter `engine: Engine`); `Engine`'s methods take their parameter and return
 * types from these signatures, so `Engine.ts` needs no edit.
 */
import type { Engine } from './Engine';
import { EngineFeatureUnavailableError } from './engineErrors';

export function engineCreate(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('create', 'container');
}
export function engineRun(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('run', 'container');
}
export function engineStart(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('start', 'container');
}
export function engineStop(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('stop', 'container');
}
export function engineRm(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('rm', 'container');
}
export function enginePs(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('ps', 'container');
}
export function engineDiff(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('diff', 'container');
}
export function engineExport(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('export', 'container');
}
export function engineCommit(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('commit', 'container');
}
