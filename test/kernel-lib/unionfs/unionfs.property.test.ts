/**
 * Property: any sequence of operations gives the same results (ok or errno) and the same tree on
 * `UnionFs` as on a plain in-memory reference filesystem (a map of paths, no layers). The reference
 * knows one overlay fact only: a directory that came from the lower layers cannot be renamed (EXDEV).
 * Symlinks are left to the real-kernel test (test/peers/overlayfs.test.ts); here the point is the
 * layering — copy-up, whiteouts, opaque directories — never showing through the merged view.
 * A second property: the upper directory as a layer, applied over the lowers, gives the same view
 * (what `docker commit` relies on); and the copy-up byte count is the sum of its records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenLayers, layerFromEntries, type LayerEntryInput } from '../../../kernel-lib/src/layer';
import { FsError, UnionFs } from '../../../kernel-lib/src/unionfs';

type RefNode = { kind: 'file'; mode: number; data: string } | { kind: 'dir'; mode: number; fromLower: boolean };

class RefFs {
  readonly nodes = new Map<string, RefNode>([['/', { kind: 'dir', mode: 0o755, fromLower: true }]]);

  static fromTree(lines: Array<[string, RefNode]>): RefFs {
    const fs = new RefFs();
    for (const [p, n] of lines) fs.nodes.set(p, n);
    return fs;
  }

  #err(code: string): never {
    throw Object.assign(new Error(code), { code });
  }
  #parentOk(path: string): void {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const n = this.nodes.get('/' + parts.slice(0, i).join('/'));
      if (!n) this.#err('ENOENT');
      if (n.kind !== 'dir') this.#err('ENOTDIR');
    }
  }
  #children(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    return [...this.nodes.keys()].filter((k) => k !== path && k.startsWith(prefix));
  }
  write(p: string, data: string, append: boolean): void {
    this.#parentOk(p);
    const n = this.nodes.get(p);
    if (n?.kind === 'dir') this.#err('EISDIR');
    this.nodes.set(p, { kind: 'file', mode: n?.mode ?? 0o644, data: append && n ? n.data + data : data });
  }
  truncate(p: string, size: number): void {
    this.#parentOk(p);
    const n = this.nodes.get(p);
    if (!n) this.#err('ENOENT');
    if (n.kind === 'dir') this.#err('EISDIR');
    n.data = n.data.length >= size ? n.data.slice(0, size) : n.data + '\0'.repeat(size - n.data.length);
  }
  mkdir(p: string): void {
    this.#parentOk(p);
    if (this.nodes.has(p)) this.#err('EEXIST');
    this.nodes.set(p, { kind: 'dir', mode: 0o755, fromLower: false });
  }
  mkdirp(p: string): void {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const q = '/' + parts.slice(0, i).join('/');
      const n = this.nodes.get(q);
      if (!n) this.nodes.set(q, { kind: 'dir', mode: 0o755, fromLower: false });
      else if (n.kind !== 'dir') this.#err(i === parts.length ? 'EEXIST' : 'ENOTDIR');
    }
  }
  rm(p: string, recursive: boolean): void {
    this.#parentOk(p);
    const n = this.nodes.get(p);
    if (!n) this.#err('ENOENT');
    if (n.kind === 'dir' && !recursive) this.#err('EISDIR');
    for (const c of this.#children(p)) this.nodes.delete(c);
    this.nodes.delete(p);
  }
  rmdir(p: string): void {
    this.#parentOk(p);
    const n = this.nodes.get(p);
    if (!n) this.#err('ENOENT');
    if (n.kind !== 'dir') this.#err('ENOTDIR');
    if (this.#children(p).length > 0) this.#err('ENOTEMPTY');
    this.nodes.delete(p);
  }
  rename(a: string, b: string): void {
    this.#parentOk(a);
    this.#parentOk(b);
    const src = this.nodes.get(a);
    if (!src) this.#err('ENOENT');
    if (a === b) return;
    const dst = this.nodes.get(b);
    if (src.kind === 'dir' && b.startsWith(`${a}/`)) this.#err('EINVAL');
    if (dst?.kind === 'dir' && a.startsWith(`${b}/`)) this.#err('ENOTEMPTY');
    if (dst && src.kind === 'dir' && dst.kind !== 'dir') this.#err('ENOTDIR');
    if (dst && src.kind !== 'dir' && dst.kind === 'dir') this.#err('EISDIR');
    if (src.kind === 'dir' && src.fromLower) this.#err('EXDEV');
    if (dst?.kind === 'dir' && this.#children(b).length > 0) this.#err('ENOTEMPTY');
    const moved = [a, ...this.#children(a)].map((k) => [k, this.nodes.get(k) as RefNode] as const);
    for (const [k] of moved) this.nodes.delete(k);
    this.nodes.delete(b);
    for (const [k, n] of moved) this.nodes.set(b + k.slice(a.length), n);
  }
  chmod(p: string, mode: number): void {
    this.#parentOk(p);
    const n = this.nodes.get(p);
    if (!n) this.#err('ENOENT');
    n.mode = mode;
  }
  lines(): string[] {
    return [...this.nodes.entries()]
      .filter(([k]) => k !== '/')
      .sort(([a], [b]) => (a.split('/').join('\0') < b.split('/').join('\0') ? -1 : 1))
      .map(([k, n]) => (n.kind === 'dir' ? `${k.slice(1)} dir ${n.mode.toString(8)}` : `${k.slice(1)} file ${n.mode.toString(8)} ${JSON.stringify(n.data)}`));
  }
}

function unionLines(ufs: UnionFs): string[] {
  return [...ufs.mergedTree().walk()].map(([p, n]) =>
    n.kind === 'dir' ? `${p} dir ${n.mode.toString(8)}` : n.kind === 'file' ? `${p} file ${n.mode.toString(8)} ${JSON.stringify(n.content.text())}` : `${p} ${n.kind}`,
  );
}

const name = fc.constantFrom('a', 'b', 'c');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((xs) => '/' + xs.join('/'));
const op = fc.oneof(
  fc.record({ op: fc.constantFrom('write', 'append'), path, data: fc.constantFrom('', 'x', 'yy\n') }),
  fc.record({ op: fc.constant('truncate'), path, size: fc.constantFrom(0, 1, 4) }),
  fc.record({ op: fc.constantFrom('mkdir', 'mkdirp', 'rm', 'rmr', 'rmdir'), path }),
  fc.record({ op: fc.constant('rename'), path, to: path }),
  fc.record({ op: fc.constant('chmod'), path, mode: fc.constantFrom(0o600, 0o700, 0o644) }),
);
type Op = { op: string; path: string; data?: string; size?: number; to?: string; mode?: number };

/** A layer: a few files and dirs (parents included), later layers also whiteouts and opaque dirs. */
const layerArb = (index: number) =>
  fc.array(fc.tuple(path, fc.constantFrom('file', 'dir', 'dir', 'whiteout', 'opaque')), { maxLength: 6 }).map((items) => {
    const taken = new Map<string, LayerEntryInput>();
    for (const [p, kind] of items) {
      const parts = p.slice(1).split('/');
      const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
      if (parents.some((q) => taken.has(q) && taken.get(q)?.kind !== 'dir')) continue;
      const rel = parts.join('/');
      if (taken.has(rel) || [...taken.keys()].some((k) => k.startsWith(`${rel}/`))) continue;
      for (const q of parents) if (!taken.has(q)) taken.set(q, { kind: 'dir', path: q });
      if (kind === 'file') taken.set(rel, { kind: 'file', path: rel, content: `${rel}@${index}` });
      else if (kind === 'dir' || index === 0) taken.set(rel, { kind: 'dir', path: rel });
      else if (kind === 'whiteout') taken.set(rel, { kind: 'whiteout', path: rel });
      else {
        taken.set(rel, { kind: 'dir', path: rel });
        taken.set(`${rel}#opq`, { kind: 'opaque', path: rel });
      }
    }
    return [...taken.values()];
  });

function run(target: () => void): string {
  try {
    target();
    return 'ok';
  } catch (error) {
    if (error instanceof FsError) return error.errno;
    const code = (error as { code?: string }).code;
    if (code) return code;
    throw error;
  }
}

describe('UnionFs against a plain reference filesystem', () => {
  it('gives the same results and trees for random layers and operations', () => {
    fc.assert(
      fc.property(layerArb(0), layerArb(1), fc.array(op, { maxLength: 25 }), (l0, l1, ops: Op[]) => {
        const layers = [layerFromEntries(l0), layerFromEntries(l1)];
        const ufs = new UnionFs({ layers });
        const start: Array<[string, RefNode]> = [...flattenLayers(layers).walk()].map(([p, n]) => [
          `/${p}`,
          n.kind === 'dir' ? { kind: 'dir', mode: n.mode, fromLower: true } : { kind: 'file', mode: n.mode, data: n.kind === 'file' ? n.content.text() : '' },
        ]);
        const ref = RefFs.fromTree(start);
        expect(unionLines(ufs)).toEqual(ref.lines());
        for (const o of ops) {
          const a = run(() => {
            switch (o.op) {
              case 'write': return ufs.writeFile(o.path, o.data as string);
              case 'append': return ufs.appendFile(o.path, o.data as string);
              case 'truncate': return ufs.truncate(o.path, o.size as number);
              case 'mkdir': return ufs.mkdir(o.path);
              case 'mkdirp': return ufs.mkdir(o.path, { recursive: true });
              case 'rm': return ufs.rm(o.path);
              case 'rmr': return ufs.rm(o.path, { recursive: true });
              case 'rmdir': return ufs.rmdir(o.path);
              case 'rename': return ufs.rename(o.path, o.to as string);
              default: return ufs.chmod(o.path, o.mode as number);
            }
          });
          const b = run(() => {
            switch (o.op) {
              case 'write': return ref.write(o.path, o.data as string, false);
              case 'append': return ref.write(o.path, o.data as string, true);
              case 'truncate': return ref.truncate(o.path, o.size as number);
              case 'mkdir': return ref.mkdir(o.path);
              case 'mkdirp': return ref.mkdirp(o.path);
              case 'rm': return ref.rm(o.path, false);
              case 'rmr': return ref.rm(o.path, true);
              case 'rmdir': return ref.rmdir(o.path);
              case 'rename': return ref.rename(o.path, o.to as string);
              default: return ref.chmod(o.path, o.mode as number);
            }
          });
          expect(`${JSON.stringify(o)} → ${a}`).toBe(`${JSON.stringify(o)} → ${b}`);
          expect(unionLines(ufs)).toEqual(ref.lines());
        }
        // docker commit: the upper as a layer over the same lowers reproduces the container's view.
        const committed = new UnionFs({ layers: [...layers, ufs.upperAsLayer()] });
        expect(unionLines(committed)).toEqual(unionLines(ufs));
        expect(ufs.copiedUpBytes).toBe(ufs.copyUps.reduce((n, r) => n + r.bytes, 0));
      }),
      { numRuns: 400, seed: 20250602 },
    );
  });
});
