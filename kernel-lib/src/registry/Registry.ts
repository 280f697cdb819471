/**
 * One registry (one domain: `docker.io`, `ghcr.io`, `localhost:5000` …) in memory, with the
 * semantics of the distribution-spec HTTP API:
 *
 *  - blobs are content-addressed and immutable; the registry stores each digest once and *links*
 *    it into the repositories that uploaded or mounted it. A blob is visible (HEAD/GET) only in a
 *    repository it is linked into, as in CNCF Distribution — hence cross-repository mounts;
 *  - every upload is checked against its digest (`DIGEST_INVALID` otherwise);
 *  - manifests are stored byte for byte, addressed by their digest; tags are mutable pointers to a
 *    manifest digest; a manifest is refused while a blob or child manifest it references is absent
 *    from the repository (`MANIFEST_BLOB_UNKNOWN`);
 *  - `traffic` counts the bytes that crossed the wire, in each direction.
 *
 * The method names follow the HTTP operations they model (HEAD → `hasBlob`, `PUT …/manifests/<ref>`
 * → `putManifest`).
 */
import type { Digest } from '../digest/Digest';
import { sha256, sha256Chunks } from '../digest/sha256';
import { isDigest } from '../digest/Digest';
import { isValidTag } from '../reference/parseReference';
import { referenceGrammar } from '../reference/grammar';
import { REPOSITORY_NAME_MAX_LENGTH } from '../reference/limits';
import { blobFromBytes, flipByte, type RegistryBlob } from './RegistryBlob';
import { readManifestDocument, type ManifestDocument } from './manifestDocument';
import { RegistryError } from './RegistryError';

export interface StoredManifest {
  readonly digest: Digest;
  readonly mediaType: string;
  readonly size: number;
  /** A copy of the exact bytes as pushed. */
  readonly bytes: Uint8Array;
  readonly document: ManifestDocument;
}

export interface BlobDescriptor {
  readonly digest: Digest;
  readonly size: number;
}

export interface RegistryTraffic {
  /** Bytes received: blob uploads and manifest PUTs. */
  readonly uploaded: number;
  /** Bytes served: blob and manifest GETs. */
  readonly downloaded: number;
}

/**
 * A pull-through cache's upstream: asked, on a manifest miss, to fill the repository (publish the
 * image under that tag or digest) before the registry answers. Docker Hub in the model is such a
 * mirror of the base-image catalog.
 */
export type RegistryUpstream = (registry: Registry, repository: string, reference: string) => void;

interface RepositoryState {
  readonly blobs: Set<Digest>;
  readonly manifests: Map<Digest, StoredManifest>;
  readonly tags: Map<string, Digest>;
}

const PATH = new RegExp(`^${referenceGrammar.remoteName}$`);

export class Registry {
  readonly domain: string;
  readonly #blobs = new Map<Digest, RegistryBlob>();
  readonly #repositories = new Map<string, RepositoryState>();
  #uploaded = 0;
  #downloaded = 0;
  #upstream: RegistryUpstream | undefined;
  readonly #asked = new Set<string>();

  constructor(domain: string) {
    this.domain = domain;
  }

  /** Sets (or clears) the upstream this registry mirrors on a manifest miss. */
  setUpstream(upstream: RegistryUpstream | undefined): void {
    this.#upstream = upstream;
    this.#asked.clear();
  }

  /** Creates an empty repository (as a registry's admin, or a mirror that knows the name, would). */
  createRepository(repository: string): void {
    this.#checkName(repository);
    this.#ensure(repository);
  }

  /** `GET /v2/_catalog`: repository paths, sorted. */
  repositories(): string[] {
    return [...this.#repositories.keys()].sort();
  }

  /** `GET /v2/<name>/tags/list`: the tags of a repository, sorted. */
  tags(repository: string): string[] {
    return [...this.#repo(repository).tags.keys()].sort();
  }

  get traffic(): RegistryTraffic {
    return Object.freeze({ uploaded: this.#uploaded, downloaded: this.#downloaded });
  }

  /** Distinct blobs stored (each digest once, however many repositories link it). */
  get blobCount(): number {
    return this.#blobs.size;
  }

  /** Bytes the registry stores: each blob once. */
  get storedBytes(): number {
    let total = 0;
    for (const blob of this.#blobs.values()) total += blob.size;
    return total;
  }

  // ---- blobs ------------------------------------------------------------------------------

  /** `HEAD /v2/<name>/blobs/<digest>`: is the blob linked into this repository? */
  hasBlob(repository: string, digest: Digest): boolean {
    return this.#repositories.get(repository)?.blobs.has(digest) === true;
  }

  /** `HEAD` with its answer: the digest and `Content-Length`, or `undefined` for 404. */
  statBlob(repository: string, digest: Digest): BlobDescriptor | undefined {
    if (!this.hasBlob(repository, digest)) return undefined;
    const blob = this.#blobs.get(digest);
    return blob === undefined ? undefined : Object.freeze({ digest, size: blob.size });
  }

  /**
   * A monolithic upload (`POST …/blobs/uploads/?digest=` / `PUT <location>?digest=`): verifies the
   * bytes against `digest` and links the blob into the repository. Idempotent. Returns the bytes
   * that crossed the wire (the blob's size).
   */
  putBlob(repository: string, data: Uint8Array | RegistryBlob, digest: Digest, options: { countTraffic?: boolean } = {}): BlobDescriptor {
    this.#checkName(repository);
    const blob = data instanceof Uint8Array ? blobFromBytes(data) : data;
    const actual = blob.knownDigest ?? sha256Chunks(blob.chunks());
    if (actual !== digest) {
      throw new RegistryError(
        'DIGEST_INVALID',
        `digest invalid: provided digest did not match uploaded content (${digest} was given, the ${blob.size} bytes hash to ${actual})`,
        { repository, expected: digest, actual },
        '업로드한 내용의 다이제스트가 함께 보낸 다이제스트와 다릅니다. 레지스트리는 내용 주소(다이제스트)가 맞지 않는 블롭을 받지 않습니다.',
      );
    }
    if (options.countTraffic !== false) this.#uploaded += blob.size;
    if (!this.#blobs.has(digest)) this.#blobs.set(digest, blob);
    this.#ensure(repository).blobs.add(digest);
    return Object.freeze({ digest, size: blob.size });
  }

  /**
   * Cross-repository mount (`POST /v2/<name>/blobs/uploads/?mount=<digest>&from=<other>`): links a
   * blob the registry already holds in `from` into `repository` without moving a byte. Returns
   * `true` for 201 Created, `false` for 202 Accepted (the client must upload instead).
   */
  mountBlob(repository: string, digest: Digest, from: string): boolean {
    this.#checkName(repository);
    if (!this.hasBlob(from, digest)) return false;
    this.#ensure(repository).blobs.add(digest);
    return true;
  }

  /** `GET /v2/<name>/blobs/<digest>`: the stored blob (counted as downloaded). */
  getBlob(repository: string, digest: Digest): RegistryBlob {
    const blob = this.hasBlob(repository, digest) ? this.#blobs.get(digest) : undefined;
    if (blob === undefined) {
      throw new RegistryError(
        'BLOB_UNKNOWN',
        `blob unknown to registry: ${digest} in ${this.domain}/${repository}`,
        { repository, digest },
        '이 저장소에는 해당 다이제스트의 블롭이 없습니다.',
      );
    }
    this.#downloaded += blob.size;
    return blob;
  }

  /**
   * Replaces the stored bytes of a blob behind the registry's back — a model of disk corruption or
   * a malicious mirror, for the lesson on digest verification. By default one byte (at `offset`,
   * 0 unless given) is flipped; `bytes` replaces the whole content instead.
   */
  tamperBlob(digest: Digest, change: { offset?: number; bytes?: Uint8Array } = {}): void {
    const blob = this.#blobs.get(digest);
    if (blob === undefined) {
      throw new RegistryError('BLOB_UNKNOWN', `blob unknown to registry: ${digest}`, { digest }, '해당 다이제스트의 블롭이 없습니다.');
    }
    this.#blobs.set(digest, change.bytes !== undefined ? blobFromBytes(change.bytes) : flipByte(blob, change.offset ?? 0));
  }

  // ---- manifests --------------------------------------------------------------------------

  /**
   * `PUT /v2/<name>/manifests/<reference>` where reference is a tag or the manifest's digest.
   * Stores the bytes verbatim; refuses a manifest whose blobs (or child manifests) the repository
   * lacks; moves the tag. Returns the manifest digest (`Docker-Content-Digest`).
   */
  putManifest(repository: string, reference: string, bytes: Uint8Array, mediaType?: string, options: { countTraffic?: boolean } = {}): Digest {
    this.#checkName(repository);
    const digest = sha256(bytes);
    const byDigest = isDigest(reference);
    if (byDigest && reference !== digest) {
      throw new RegistryError(
        'DIGEST_INVALID',
        `digest invalid: the manifest was PUT to ${reference} but its bytes hash to ${digest}`,
        { repository, expected: reference, actual: digest },
        '매니페스트를 다이제스트로 올릴 때는 그 다이제스트가 매니페스트 바이트의 SHA-256이어야 합니다.',
      );
    }
    if (!byDigest && !isValidTag(reference)) {
      throw new RegistryError('TAG_INVALID', `manifest tag did not match URI: invalid tag ${JSON.stringify(reference)}`, { repository, tag: reference }, '태그는 영문자·숫자·_ . - 로 된 128자 이하여야 하고 "."이나 "-"로 시작할 수 없습니다.');
    }
    const document = readManifestDocument(bytes, mediaType);
    const state = this.#repositories.get(repository);
    const missing =
      document.kind === 'image'
        ? [document.config, ...document.layers].filter((d) => state?.blobs.has(d.digest) !== true)
        : document.manifests.filter((d) => state?.manifests.has(d.digest) !== true);
    const first = missing[0];
    if (first !== undefined) {
      throw new RegistryError(
        'MANIFEST_BLOB_UNKNOWN',
        `manifest blob unknown: ${first.digest} is referenced by the manifest but not present in ${this.domain}/${repository}; push it first`,
        { repository, missing: missing.map((d) => d.digest) },
        '매니페스트가 가리키는 블롭(레이어·설정)이 저장소에 아직 없습니다. 블롭을 먼저 올린 다음 매니페스트를 올립니다.',
      );
    }
    const copy = bytes.slice();
    const stored: StoredManifest = Object.freeze({
      digest,
      mediaType: document.mediaType,
      size: copy.byteLength,
      get bytes() {
        return copy.slice();
      },
      document,
    });
    const repo = this.#ensure(repository);
    if (options.countTraffic !== false) this.#uploaded += copy.byteLength;
    if (!repo.manifests.has(digest)) repo.manifests.set(digest, stored);
    if (!byDigest) repo.tags.set(reference, digest);
    return digest;
  }

  /** `HEAD /v2/<name>/manifests/<reference>`: the manifest's digest, or `undefined` for 404. */
  resolveManifest(repository: string, reference: string): Digest | undefined {
    this.#fill(repository, reference);
    const repo = this.#repositories.get(repository);
    if (repo === undefined) return undefined;
    if (isDigest(reference)) return repo.manifests.has(reference) ? reference : undefined;
    return repo.tags.get(reference);
  }

  /** `HEAD /v2/<name>/manifests/<reference>` with its answer (digest, media type, size), or `undefined` for 404. */
  statManifest(repository: string, reference: string): { readonly digest: Digest; readonly mediaType: string; readonly size: number } | undefined {
    const digest = this.resolveManifest(repository, reference);
    const stored = digest === undefined ? undefined : this.#repositories.get(repository)?.manifests.get(digest);
    return stored === undefined ? undefined : Object.freeze({ digest: stored.digest, mediaType: stored.mediaType, size: stored.size });
  }

  /** `GET /v2/<name>/manifests/<reference>` by tag or digest (counted as downloaded). */
  getManifest(repository: string, reference: string): StoredManifest {
    this.#fill(repository, reference);
    const repo = this.#repo(repository);
    const digest = this.resolveManifest(repository, reference);
    const stored = digest === undefined ? undefined : repo.manifests.get(digest);
    if (stored === undefined) {
      throw new RegistryError(
        'MANIFEST_UNKNOWN',
        `manifest for ${this.domain}/${repository}${isDigest(reference) ? '@' : ':'}${reference} not found: manifest unknown`,
        { repository, reference, tags: [...repo.tags.keys()].sort() },
        `저장소에 이 태그나 다이제스트의 매니페스트가 없습니다. 있는 태그: ${[...repo.tags.keys()].sort().join(', ') || '(없음)'}`,
      );
    }
    this.#downloaded += stored.size;
    return stored;
  }

  /** Removes a tag (the manifest stays addressable by digest, as in the registry API). */
  untag(repository: string, tag: string): boolean {
    return this.#repositories.get(repository)?.tags.delete(tag) === true;
  }

  // ---- internals --------------------------------------------------------------------------

  /** Asks the upstream, once per (repository, reference), when the registry lacks the manifest. */
  #fill(repository: string, reference: string): void {
    if (this.#upstream === undefined) return;
    const repo = this.#repositories.get(repository);
    const present = isDigest(reference) ? repo?.manifests.has(reference) === true : repo?.tags.has(reference) === true;
    const key = `${repository}\u0000${reference}`;
    if (present || this.#asked.has(key)) return;
    this.#asked.add(key);
    this.#upstream(this, repository, reference);
  }

  #checkName(repository: string): void {
    if (!PATH.test(repository) || repository.length > REPOSITORY_NAME_MAX_LENGTH) {
      throw new RegistryError(
        'NAME_INVALID',
        `invalid repository name: ${JSON.stringify(repository)}`,
        { repository },
        '저장소 이름은 소문자·숫자와 구분자(. _ __ -)로 된 경로 구성요소를 "/"로 이은 것이어야 합니다.',
      );
    }
  }

  #ensure(repository: string): RepositoryState {
    let state = this.#repositories.get(repository);
    if (state === undefined) {
      state = { blobs: new Set(), manifests: new Map(), tags: new Map() };
      this.#repositories.set(repository, state);
    }
    return state;
  }

  #repo(repository: string): RepositoryState {
    const state = this.#repositories.get(repository);
    if (state === undefined) {
      throw new RegistryError(
        'NAME_UNKNOWN',
        `repository name not known to registry: ${this.domain}/${repository} does not exist`,
        { domain: this.domain, repository },
        '레지스트리에 그런 저장소가 없습니다. 이름(네임스페이스 포함)과 레지스트리 주소를 확인하세요.',
      );
    }
    return state;
  }
}
