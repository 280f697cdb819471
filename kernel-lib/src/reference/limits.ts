/** Constants of distribution/reference (reference.go, normalize.go). */

/**
 * Maximum length of a repository *path* (since distribution/reference v0.6.0 the domain is not
 * counted; older docker/distribution counted domain + path).
 */
export const REPOSITORY_NAME_MAX_LENGTH = 255;

/** Docker Hub's domain in normalised names (`docker.io/library/ubuntu`). */
export const DEFAULT_DOMAIN = 'docker.io';

/** The legacy "Docker Index" domain, rewritten to `docker.io` when normalising. */
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';

/** Namespace of Docker Hub's official images, added to one-component Docker Hub names. */
export const OFFICIAL_REPOSITORY_PREFIX = 'library/';

/** The tag used when a reference names none. It means nothing more than that. */
export const DEFAULT_TAG = 'latest';

/** The one first path component that is always a domain although it has no `.` or `:`. */
export const LOCALHOST = 'localhost';
