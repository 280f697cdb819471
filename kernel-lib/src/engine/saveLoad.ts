/**
 * `engine.save(ref…)` and `engine.load(bytes)` — placeholders until the oci module lands.
 */
import type { Engine } from './Engine';
import { EngineFeatureUnavailableError } from './engineErrors';

export function engineSave(_engine: Engine, ..._refs: string[]): Uint8Array {
  throw new EngineFeatureUnavailableError('save', 'oci');
}

export function engineLoad(_engine: Engine, _archive: Uint8Array): string[] {
  throw new EngineFeatureUnavailableError('load', 'oci');
}
