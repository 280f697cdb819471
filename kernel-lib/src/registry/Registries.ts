/**
 * The registries an engine can reach, by domain: `docker.io`, `ghcr.io`, `localhost:5000` … A
 * reference's domain picks the registry, its path the repository (`nginx` → `docker.io`,
 * `library/nginx`). Registries appear when first used, as if someone had started one.
 */
import { parseReference } from '../reference/parseReference';
import type { ImageReference } from '../reference/ImageReference';
import { Registry } from './Registry';

export class Registries {
  readonly #byDomain = new Map<string, Registry>();

  /** The registry serving `domain`, created empty on first use. */
  registry(domain: string): Registry {
    let registry = this.#byDomain.get(domain);
    if (registry === undefined) {
      registry = new Registry(domain);
      this.#byDomain.set(domain, registry);
    }
    return registry;
  }

  has(domain: string): boolean {
    return this.#byDomain.has(domain);
  }

  domains(): string[] {
    return [...this.#byDomain.keys()].sort();
  }

  /** The registry and repository path a reference points into. */
  locate(reference: string | ImageReference): { registry: Registry; repository: string; reference: ImageReference } {
    const parsed = typeof reference === 'string' ? parseReference(reference) : reference;
    return { registry: this.registry(parsed.domain), repository: parsed.path, reference: parsed };
  }
}
