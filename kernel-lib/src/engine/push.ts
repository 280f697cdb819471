/**
 * `engine.push(ref)` — owned by the registry module's author; a placeholder until that work
 * lands. Replace `enginePush` (keep the first parameter `engine: Engine`); `Engine.push` takes its
 * parameter and return types from this signature.
 */
import type { Engine } from './Engine';
import { EngineFeatureUnavailableError } from './engineErrors';

export function enginePush(_engine: Engine, ..._args: unknown[]): never {
  throw new EngineFeatureUnavailableError('push', 'registry');
}
