/**
 * Path arithmetic for the shell. The `FileSystem` contract takes absolute, normalised paths
 * ("/a/b"); the shell turns what a user types (relative, with `.`, `..`, doubled or trailing
 * slashes) into that form lexically, as `cd` does by default (POSIX `cd -L`).
 */

/** "/a//b/./c/../d/" → "/a/b/d"; always absolute (relative paths are taken from "/"). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** `path` resolved against the working directory `cwd` (itself absolute). */
export function resolvePath(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** dirname(1) of a normalised absolute path. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** basename(1): the last component, ignoring trailing slashes ("/" for the root). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
