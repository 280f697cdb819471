/**
 * `docker rmi` (moby daemon/images/image_delete.go `ImageDelete`), graphdriver store:
 *
 * - By **reference**: the tag is removed ("Untagged: nginx:latest"). Refused without `force` when it
 *   is the image's only reference and a container uses the image
 *   (`conflict: unable to remove repository reference "nginx" (must force) - container <id> is using its referenced image <id>`).
 *   When it was the last reference, the image itself is deleted too — quietly: a conflict then
 *   keeps the image and reports nothing.
 * - By **ID**: with several tags in different repositories it is refused
 *   (`… (must be forced) - image is referenced in multiple repositories`); otherwise its references
 *   are removed and the image deleted, unless a container uses it: a running one blocks even with
 *   `force` ("cannot be forced"), a stopped one without `force` ("must be forced"); an image that is
 *   the parent of another blocks ("image has dependent child images").
 *
 * Deleting an image also removes its layers that no other image uses ("Deleted: sha256:<chainID>"),
 * and, unless `noPrune`, walks up to untagged parents and deletes them quietly.
 */
import type { Digest } from '../digest/Digest';
import { shortId } from '../digest/Digest';
import type { ImageReference } from '../reference/ImageReference';
import { familiarString } from '../reference/familiar';
import type { Engine } from './Engine';
import type { EngineContainerRecord } from './EngineState';
import { ImageDeleteConflictError } from './engineErrors';
import { familiarOfCanonical, resolveImageRef } from './resolveImage';

export interface RmiOptions {
  /** `-f`: remove despite stopped containers and several tags (never despite running ones). */
  readonly force?: boolean;
  /** `--no-prune`: do not delete untagged parents. */
  readonly noPrune?: boolean;
}

/** One line of `docker rmi` output: `Untagged: nginx:latest` or `Deleted: sha256:…`. */
export type RmiRecord = { readonly untagged: string } | { readonly deleted: Digest };

function isRunning(container: EngineContainerRecord): boolean {
  return container.status === 'running';
}

/** Every reference (tags, then repo digests) pointing at `id`, as normalised strings. */
function referencesOf(engine: Engine, id: Digest): string[] {
  const refs: string[] = [];
  for (const [ref, target] of engine.state.tags) if (target === id) refs.push(ref);
  for (const digest of engine.state.repoDigests.get(id) ?? []) refs.push(digest);
  return refs;
}

function repoName(ref: string): string {
  const at = ref.indexOf('@');
  if (at >= 0) return ref.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? ref.slice(0, colon) : ref;
}

/** moby `isSingleReference`: all references in one repository, at most one of them a tag. */
function isSingleReference(refs: readonly string[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  const tagsOnly = refs.filter((r) => !r.includes('@'));
  if (tagsOnly.length > 1) return false;
  const names = new Set(refs.map(repoName));
  return names.size === 1;
}

function removeReference(engine: Engine, id: Digest, ref: string): void {
  if (ref.includes('@')) {
    const set = engine.state.repoDigests.get(id);
    set?.delete(ref);
    if (set && set.size === 0) engine.state.repoDigests.delete(id);
  } else {
    engine.state.tags.delete(ref);
  }
}

function childrenOf(engine: Engine, id: Digest): Digest[] {
  return [...engine.state.parents].filter(([, parent]) => parent === id).map(([child]) => child);
}

function conflict(id: Digest, hard: boolean, reason: string, containerId?: string): ImageDeleteConflictError {
  const force = hard ? 'cannot be forced' : 'must be forced';
  return new ImageDeleteConflictError(`conflict: unable to delete ${shortId(id)} (${force}) - ${reason}`, {
    imageId: id,
    hard,
    reason,
    ...(containerId !== undefined ? { containerId } : {}),
  });
}

/** moby `checkImageDeleteConflict`, with the soft checks optional. */
function findConflict(
  engine: Engine,
  id: Digest,
  checks: { referenced: boolean; stopped: boolean },
): ImageDeleteConflictError | undefined {
  if (childrenOf(engine, id).length > 0) return conflict(id, true, 'image has dependent child images');
  const containers = [...engine.state.containers.values()].filter((c) => c.imageId === id);
  const running = containers.find(isRunning);
  if (running) return conflict(id, true, `image is being used by running container ${running.id.slice(0, 12)}`, running.id);
  if (checks.referenced && referencesOf(engine, id).length > 0) {
    return conflict(id, false, 'image is referenced in multiple repositories');
  }
  const stopped = containers.find((c) => !isRunning(c));
  if (checks.stopped && stopped) {
    return conflict(id, false, `image is being used by stopped container ${stopped.id.slice(0, 12)}`, stopped.id);
  }
  return undefined;
}

/** Chain IDs still used by some image other than `id`. */
function chainIdsInUse(engine: Engine, except: Digest): Set<Digest> {
  const used = new Set<Digest>();
  for (const [id, image] of engine.state.images) if (id !== except) for (const c of image.chainIds) used.add(c);
  return used;
}

/** moby `imageDeleteHelper`. Returns false (and changes nothing) on a quiet conflict. */
function deleteImage(engine: Engine, id: Digest, records: RmiRecord[], force: boolean, prune: boolean, quiet: boolean): void {
  const problem = findConflict(engine, id, { referenced: !force, stopped: !force });
  if (problem) {
    const used = [...engine.state.containers.values()].some((c) => c.imageId === id);
    const dangling = referencesOf(engine, id).length === 0 && childrenOf(engine, id).length === 0;
    if (quiet && (!dangling || used)) return;
    throw problem;
  }
  const state = engine.state;
  const parent = state.parents.get(id);
  for (const ref of referencesOf(engine, id)) {
    removeReference(engine, id, ref);
    records.push({ untagged: familiarOfCanonical(ref) });
  }
  const image = state.images.get(id)!;
  const inUse = chainIdsInUse(engine, id);
  state.images.delete(id);
  state.addedAt.delete(id);
  state.lastTagTime.delete(id);
  state.parents.delete(id);
  records.push({ deleted: id });
  // The layer store releases layers top-down; those no other image holds are deleted.
  for (const chain of [...image.chainIds].reverse()) {
    if (inUse.has(chain)) break;
    records.push({ deleted: chain });
  }
  if (prune && parent !== undefined && state.images.has(parent)) deleteImage(engine, parent, records, false, true, true);
}

/** `engine.rmi(ref, options)` — the records docker prints, in its order. */
export function engineRmi(engine: Engine, ref: string, options: RmiOptions = {}): RmiRecord[] {
  const force = options.force ?? false;
  const prune = !(options.noPrune ?? false);
  const { image, reference, byId } = resolveImageRef(engine, ref);
  const id = image.id;
  const records: RmiRecord[] = [];
  let refs = referencesOf(engine, id);

  if (!byId && reference !== undefined) {
    const given = referenceKey(reference);
    if (!force && isSingleReference(refs)) {
      const user = [...engine.state.containers.values()].find((c) => c.imageId === id);
      if (user) {
        const reason = `container ${user.id.slice(0, 12)} is using its referenced image ${shortId(id)}`;
        throw new ImageDeleteConflictError(
          `conflict: unable to remove repository reference ${JSON.stringify(ref)} (must force) - ${reason}`,
          { imageId: id, containerId: user.id, hard: false, reason },
        );
      }
    }
    removeReference(engine, id, given);
    records.push({ untagged: familiarString(reference) });
    refs = referencesOf(engine, id);
    // A removed tag takes the same repository's digest references with it when no tag of that
    // repository remains.
    if (reference.digest === undefined) {
      const name = reference.name;
      if (!refs.some((r) => !r.includes('@') && repoName(r) === name)) {
        for (const r of refs.filter((r) => r.includes('@') && repoName(r) === name)) {
          removeReference(engine, id, r);
          records.push({ untagged: familiarOfCanonical(r) });
        }
        refs = referencesOf(engine, id);
      }
    }
    if (refs.length > 0) return records;
    deleteImage(engine, id, records, force, prune, true);
    return records;
  }

  if (isSingleReference(refs)) {
    const problem = findConflict(engine, id, { referenced: false, stopped: !force });
    if (problem) throw problem;
    for (const r of refs) {
      removeReference(engine, id, r);
      records.push({ untagged: familiarOfCanonical(r) });
    }
  }
  deleteImage(engine, id, records, force, prune, false);
  return records;
}

function referenceKey(reference: ImageReference): string {
  return reference.digest !== undefined ? `${reference.name}@${reference.digest}` : reference.canonical;
}
