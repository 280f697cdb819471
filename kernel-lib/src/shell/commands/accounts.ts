/**
 * User and group names from the image's /etc/passwd and /etc/group (as `ls -l`, `id`, `chown` and
 * `whoami` read them through getpwuid/getgrnam). Without those files, numbers are shown.
 */
import type { FileSystem } from '../../unionfs/FileSystem';

export interface AccountEntry {
  readonly name: string;
  readonly id: number;
  /** passwd: primary group id; group: unused (same as id). */
  readonly gid: number;
  readonly home: string;
  /** group: member names. */
  readonly members: readonly string[];
}

function readTable(fs: FileSystem, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .text()
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

export function users(fs: FileSystem): AccountEntry[] {
  return readTable(fs, '/etc/passwd').map((f) => ({
    name: f[0] ?? '',
    id: Number(f[2] ?? NaN),
    gid: Number(f[3] ?? NaN),
    home: f[5] ?? '/',
    members: [],
  }));
}

export function groups(fs: FileSystem): AccountEntry[] {
  return readTable(fs, '/etc/group').map((f) => ({
    name: f[0] ?? '',
    id: Number(f[2] ?? NaN),
    gid: Number(f[2] ?? NaN),
    home: '',
    members: (f[3] ?? '').split(',').filter((m) => m !== ''),
  }));
}

/** The name of uid `id`, or the number as text when /etc/passwd does not list it. */
export function userName(fs: FileSystem, id: number): string {
  return users(fs).find((u) => u.id === id)?.name ?? String(id);
}

export function groupName(fs: FileSystem, id: number): string {
  return groups(fs).find((g) => g.id === id)?.name ?? String(id);
}

/** A user given by name or number; undefined when a name is not in /etc/passwd. */
export function parseUser(fs: FileSystem, text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number(text);
  const u = users(fs).find((e) => e.name === text);
  if (u !== undefined) return u.id;
  return text === 'root' ? 0 : undefined;
}

export function parseGroup(fs: FileSystem, text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number(text);
  const g = groups(fs).find((e) => e.name === text);
  if (g !== undefined) return g.id;
  return text === 'root' ? 0 : undefined;
}
