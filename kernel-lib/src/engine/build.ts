/**
 * `engine.build(…)` — owned by the builder's author; a placeholder until that work lands. Replace
 * `engineBuild` (keep the first parameter `engine: Engine`); `Engine.build` takes its parameter
 * and return types from this signature.
 */
import type { Engine } from './Engine';
import { EngineFeatureUnavailableError } from './engineErrors';

export function engineBuild(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('build', 'build');
}
