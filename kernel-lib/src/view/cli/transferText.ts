/**
 * What `docker pull` and `docker push` print when stdout is not a terminal (a notebook cell):
 * one final status line per layer, keyed by the first 12 hex digits of the layer's digest
 * (pull: the blob digest; push: the DiffID — moby distribution/push_v2.go, pull_v2.go).
 */
export type PullLayerStatus = 'Pull complete' | 'Already exists';
export type PushLayerStatus = 'Pushed' | 'Layer already exists' | `Mounted from ${string}`;

export interface PullReportInput {
  /** The reference as typed: "nginx", "nginx:alpine", "nginx@sha256:…". */
  readonly ref: string;
  /** The familiar repository path shown in "Pulling from": "library/nginx". */
  readonly repositoryPath: string;
  /** Tag or digest that was resolved ("latest", "alpine", or "sha256:…"). */
  readonly tagOrDigest: string;
  readonly layers: ReadonlyArray<{ readonly digest: string; readonly status: PullLayerStatus }>;
  /** The manifest (or index) digest that was resolved. */
  readonly digest: string;
  /** True when nothing new was written locally. */
  readonly upToDate: boolean;
  /** Canonical reference printed last: "docker.io/library/nginx:latest". */
  readonly canonical: string;
}

function short(d: string): string {
  const hex = d.includes(':') ? d.slice(d.indexOf(':') + 1) : d;
  return hex.slice(0, 12);
}

/** `docker pull REF` (non-TTY output). */
export function formatPull(p: PullReportInput): string {
  const lines: string[] = [];
  const byDigest = p.tagOrDigest.startsWith('sha256:');
  const hasTag = p.ref.includes('@') || /:[^/]*$/.test(p.ref);
  if (!hasTag) lines.push('Using default tag: latest');
  lines.push(`${byDigest ? p.tagOrDigest : p.tagOrDigest}: Pulling from ${p.repositoryPath}`);
  for (const l of p.layers) lines.push(`${short(l.digest)}: ${l.status}`);
  lines.push(`Digest: ${p.digest}`);
  const shown = p.ref.includes('@') || hasTag ? p.ref : `${p.ref}:latest`;
  lines.push(p.upToDate ? `Status: Image is up to date for ${shown}` : `Status: Downloaded newer image for ${shown}`);
  lines.push(p.canonical);
  return lines.join('\n') + '\n';
}

export interface PushReportInput {
  /** Canonical repository: "docker.io/library/myapp", "localhost:5000/myapp". */
  readonly repository: string;
  readonly tag: string;
  /** Layers in the order the CLI shows them (top layer first). */
  readonly layers: ReadonlyArray<{ readonly diffId: string; readonly status: PushLayerStatus }>;
  readonly digest: string;
  /** Manifest size in bytes. */
  readonly size: number;
}

/** `docker push REF` (non-TTY output). */
export function formatPush(p: PushReportInput): string {
  const lines = [`The push refers to repository [${p.repository}]`];
  for (const l of p.layers) lines.push(`${short(l.diffId)}: ${l.status}`);
  lines.push(`${p.tag}: digest: ${p.digest} size: ${p.size}`);
  return lines.join('\n') + '\n';
}
