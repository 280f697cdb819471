/**
 * What a parsed reference is: frozen plain values (they print as a table row in a notebook).
 *
 * `RawReference` is what `Parse` (no normalisation) yields: the domain is `''` when the text names
 * none, exactly as upstream's `Domain()`. `ImageReference` is the normalised form the docker CLI
 * works with (`ParseNormalizedNamed`): the domain is always present.
 */
import type { Digest } from '../digest/Digest';

export interface RawReference {
  /** Registry host with optional port, `''` when the text has none (no default is applied). */
  readonly domain: string;
  /** Repository path, e.g. `library/ubuntu` or `team/app`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: Digest;
  /** `domain/path`, or just `path` without a domain: the name without tag or digest. */
  readonly name: string;
  /** The reference as upstream's `String()` prints it: `name[:tag][@digest]`. */
  readonly string: string;
}

export interface ImageReference extends RawReference {
  /** `docker.io/library/nginx`: the normalised name without tag or digest. */
  readonly name: string;
  /** `FamiliarName`: `nginx` (drops `docker.io/`, and `library/` when one component remains). */
  readonly familiarName: string;
  /** `FamiliarString`: the familiar name with the tag and digest as written (`nginx:1.25`). */
  readonly familiar: string;
  /**
   * The fully qualified form with the default tag filled in (`TagNameOnly`):
   * `nginx` → `docker.io/library/nginx:latest`; a tag and a digest are both kept.
   */
  readonly canonical: string;
  /**
   * `ParseDockerRef`: like `canonical`, but when both a tag and a digest are given only the
   * digest is kept (the digest wins: `x:1@sha256:…` → `docker.io/library/x@sha256:…`).
   */
  readonly dockerRef: string;
}

/** `ParseAnyReference`'s result: an image ID/digest, or a named reference. */
export type AnyReference =
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'named'; readonly reference: ImageReference };
