/**
 * `engine.build({ dockerfile, context, tag?, buildArgs?, target?, noCache?, secrets?, cacheFrom?,
 * cacheTo?, builder? })` → `{ image, steps, log, seconds, … }` — the engine side of the builder
 * (build/buildDockerfile.ts): base images come from the local store or are pulled (the catalog
 * publishes them on first pull), results are stored and tagged, the cache lives in the engine
 * across builds, and the engine's clock moves by the build's wall-clock time.
 *
 * @example
 *   const engine = new Engine();
 *   const v1 = engine.build({ dockerfile: 'FROM alpine:3.18\nRUN echo "Step 1" && sleep 2\n', tag: 'cache-test:v1' });
 *   v1.seconds;                      // ≈ 2.1 (plus the first pull of alpine)
 *   engine.build({ …same… }).steps;  // every step `cached: true`, 0 s
 */
import { PACKAGE_CATALOG } from '../catalog/packages';
import { buildDockerfile } from '../build/buildDockerfile';
import type { BuildHost, BuildOptions, BuildResult, ResolvedBase } from '../build/BuildTypes';
import { parseReference, tagNameOnly } from '../reference/parseReference';
import type { Engine } from './Engine';
import { engineAddImage } from './addImage';
import { enginePull } from './pull';

function canonicalOf(ref: string): string {
  const typed = parseReference(ref);
  return typed.digest !== undefined ? `${typed.name}@${typed.digest}` : tagNameOnly(typed).canonical;
}

/** The engine as the builder sees it. */
/** The package catalog RUN's apt-get/apk/npm/pip install from (catalog/packages.ts) unless another is given. */
export function buildHostFor(engine: Engine, packages: unknown = PACKAGE_CATALOG): BuildHost {
  return {
    resolveImage(ref: string): ResolvedBase {
      const canonical = canonicalOf(ref);
      const localId = engine.state.tags.get(canonical);
      const local = localId === undefined ? undefined : engine.state.images.get(localId);
      if (local !== undefined) return { image: local, canonical, downloadedBytes: 0, unpackedBytes: 0 };
      const pulled = enginePull(engine, ref);
      const downloaded = pulled.layers.reduce((n, l) => n + (l.layer !== undefined ? l.layer.compressedSize : 0), 0);
      const unpacked = pulled.layers.reduce((n, l) => n + (l.layer !== undefined ? l.layer.size : 0), 0);
      return { image: pulled.image, canonical, downloadedBytes: downloaded, unpackedBytes: unpacked };
    },
    addImage: (image, tags) => engineAddImage(engine, image, { tags }),
    cache: engine.state.buildCache,
    now: () => engine.clock.now(),
    setNow: (ms) => engine.clock.set(ms),
    registries: engine.state.registries,
    ...(packages === undefined ? {} : { packages }),
  };
}

export function engineBuild(engine: Engine, options: BuildOptions): BuildResult {
  return buildDockerfile(buildHostFor(engine), options);
}
