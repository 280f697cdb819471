/**
 * What the docker daemon remembers about where each layer lives remotely (moby's
 * `V2MetadataService`: DiffID → blob digest + source repository, recorded on every pull and push).
 * `docker push` uses it to try a cross-repository mount before uploading: pushing `me/app` built
 * `FROM node` mounts node's layers `from library/node` instead of sending them again.
 */
import type { Digest } from '../digest/Digest';

export interface LayerSource {
  readonly domain: string;
  /** Repository path, e.g. `library/node`. */
  readonly repository: string;
  /** The blob digest the layer has there. */
  readonly digest: Digest;
}

export class LayerSourceIndex {
  readonly #byDiffId = new Map<Digest, LayerSource[]>();

  record(diffId: Digest, source: LayerSource): void {
    const list = this.#byDiffId.get(diffId) ?? [];
    if (!list.some((s) => s.domain === source.domain && s.repository === source.repository && s.digest === source.digest)) {
      list.push(Object.freeze({ ...source }));
    }
    this.#byDiffId.set(diffId, list);
  }

  /** Where the layer is known to be, most recently recorded last. */
  sources(diffId: Digest): readonly LayerSource[] {
    return [...(this.#byDiffId.get(diffId) ?? [])];
  }
}
