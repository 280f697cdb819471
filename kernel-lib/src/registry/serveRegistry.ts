/**
 * The registry model over HTTP: the distribution-spec API (`/v2/`), served on the loopback
 * interface, so that real clients — skopeo, a container runtime, curl in a notebook — can pull from
 * and push to a model registry. Every request goes through the same `Registry` methods the model
 * uses (so uploads are verified, manifests refused while their blobs are missing, a tampered blob
 * is served as it is stored and the client's own verification catches it).
 *
 * Endpoints (distribution-spec "Endpoints" table): `GET /v2/`; `HEAD|GET /v2/<name>/manifests/<ref>`;
 * `PUT /v2/<name>/manifests/<ref>`; `HEAD|GET /v2/<name>/blobs/<digest>`;
 * `POST /v2/<name>/blobs/uploads/` (with `?mount=&from=` or `?digest=`); `PATCH|PUT
 * /v2/<name>/blobs/uploads/<id>`; `GET /v2/<name>/tags/list`; `GET /v2/_catalog`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isDigest, type Digest } from '../digest/Digest';
import type { Registry } from './Registry';
import { RegistryError } from './RegistryError';

export interface ServedRegistry {
  /** `127.0.0.1:<port>`: the host part of references a client uses (`127.0.0.1:41234/library/alpine:3.18`). */
  readonly host: string;
  readonly port: number;
  /** Requests served, in order (`GET /v2/library/alpine/manifests/3.18 200`), for lessons and tests. */
  readonly log: readonly string[];
  close(): Promise<void>;
}

const STATUS: Readonly<Record<string, number>> = {
  BLOB_UNKNOWN: 404,
  BLOB_UPLOAD_UNKNOWN: 404,
  MANIFEST_UNKNOWN: 404,
  NAME_UNKNOWN: 404,
  DIGEST_INVALID: 400,
  MANIFEST_INVALID: 400,
  MANIFEST_BLOB_UNKNOWN: 400,
  NAME_INVALID: 400,
  TAG_INVALID: 400,
  SIZE_INVALID: 400,
  UNSUPPORTED: 405,
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ code, message, detail: null }] });
  res.writeHead(STATUS[code] ?? 400, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function writeChunks(res: ServerResponse, chunks: Iterable<Uint8Array>): Promise<void> {
  for (const chunk of chunks) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
  }
  res.end();
}

interface Upload {
  readonly repository: string;
  readonly parts: Buffer[];
  size: number;
}

/** Serves `registry` on 127.0.0.1 (an ephemeral port unless `port` is given). */
export async function serveRegistry(registry: Registry, options: { port?: number } = {}): Promise<ServedRegistry> {
  const uploads = new Map<string, Upload>();
  const log: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://registry');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (path === '/v2/' || path === '/v2') {
      sendJson(res, {});
      return;
    }
    if (path === '/v2/_catalog') {
      sendJson(res, { repositories: registry.repositories() });
      return;
    }
    let m = /^\/v2\/(.+)\/blobs\/uploads\/?(.*)$/.exec(path);
    if (m) {
      const repository = m[1] as string;
      const id = m[2] ?? '';
      const body = await readBody(req);
      if (method === 'POST' && id === '') {
        const mount = url.searchParams.get('mount');
        const from = url.searchParams.get('from');
        if (mount !== null && from !== null && isDigest(mount) && registry.mountBlob(repository, mount, from)) {
          res.writeHead(201, { Location: `/v2/${repository}/blobs/${mount}`, 'Docker-Content-Digest': mount, 'Content-Length': 0 });
          res.end();
          return;
        }
        const digest = url.searchParams.get('digest');
        if (digest !== null && isDigest(digest)) {
          registry.putBlob(repository, new Uint8Array(body), digest);
          res.writeHead(201, { Location: `/v2/${repository}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 });
          res.end();
          return;
        }
        const uuid = randomUUID();
        uploads.set(uuid, { repository, parts: body.byteLength > 0 ? [body] : [], size: body.byteLength });
        res.writeHead(202, { Location: `/v2/${repository}/blobs/uploads/${uuid}`, 'Docker-Upload-UUID': uuid, Range: '0-0', 'Content-Length': 0 });
        res.end();
        return;
      }
      const upload = uploads.get(id);
      if (upload === undefined || upload.repository !== repository) {
        sendError(res, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
        return;
      }
      if (body.byteLength > 0) {
        upload.parts.push(body);
        upload.size += body.byteLength;
      }
      if (method === 'PATCH') {
        res.writeHead(202, { Location: `/v2/${repository}/blobs/uploads/${id}`, 'Docker-Upload-UUID': id, Range: `0-${Math.max(0, upload.size - 1)}`, 'Content-Length': 0 });
        res.end();
        return;
      }
      if (method === 'PUT') {
        const digest = url.searchParams.get('digest');
        if (digest === null || !isDigest(digest)) {
          sendError(res, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
          return;
        }
        uploads.delete(id);
        registry.putBlob(repository, new Uint8Array(Buffer.concat(upload.parts)), digest);
        res.writeHead(201, { Location: `/v2/${repository}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 });
        res.end();
        return;
      }
      sendError(res, 'UNSUPPORTED', `${method} is not supported on an upload`);
      return;
    }
    m = /^\/v2\/(.+)\/blobs\/([^/]+)$/.exec(path);
    if (m) {
      const [, repository, digest] = m as unknown as [string, string, string];
      if (!isDigest(digest)) {
        sendError(res, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
        return;
      }
      const stat = registry.statBlob(repository, digest);
      if (stat === undefined) {
        sendError(res, 'BLOB_UNKNOWN', 'blob unknown to registry');
        return;
      }
      const headers = { 'Content-Length': stat.size, 'Docker-Content-Digest': digest, 'Content-Type': 'application/octet-stream' };
      if (method === 'HEAD') {
        res.writeHead(200, headers);
        res.end();
        return;
      }
      const blob = registry.getBlob(repository, digest);
      res.writeHead(200, { ...headers, 'Content-Length': blob.size });
      await writeChunks(res, blob.chunks());
      return;
    }
    m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (m) {
      const [, repository, reference] = m as unknown as [string, string, string];
      if (method === 'PUT') {
        const body = await readBody(req);
        const digest: Digest = registry.putManifest(repository, reference, new Uint8Array(body), req.headers['content-type']);
        res.writeHead(201, { Location: `/v2/${repository}/manifests/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 });
        res.end();
        return;
      }
      const stat = registry.statManifest(repository, reference);
      if (stat === undefined) {
        sendError(res, 'MANIFEST_UNKNOWN', 'manifest unknown');
        return;
      }
      const headers = { 'Content-Type': stat.mediaType, 'Content-Length': stat.size, 'Docker-Content-Digest': stat.digest };
      if (method === 'HEAD') {
        res.writeHead(200, headers);
        res.end();
        return;
      }
      const stored = registry.getManifest(repository, reference);
      res.writeHead(200, headers);
      res.end(Buffer.from(stored.bytes));
      return;
    }
    m = /^\/v2\/(.+)\/tags\/list$/.exec(path);
    if (m) {
      const repository = m[1] as string;
      sendJson(res, { name: repository, tags: registry.tags(repository) });
      return;
    }
    sendError(res, 'UNSUPPORTED', `${method} ${path} is not part of the registry API`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res)
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof RegistryError) sendError(res, error.code, error.message);
        else sendError(res, 'UNSUPPORTED', error instanceof Error ? error.message : String(error));
      })
      .finally(() => log.push(`${req.method} ${req.url} ${res.statusCode}`));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.freeze({
    host: `127.0.0.1:${port}`,
    port,
    log,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  });
}
