import { describe, expect, test } from 'vitest';
import { formatImages, type ImageSummaryItem } from '../../../../kernel-lib/src/view/cli/imagesText';
import { formatInspect } from '../../../../kernel-lib/src/view/cli/inspectText';
import { formatDiff } from '../../../../kernel-lib/src/view/cli/diffText';
import { formatSystemDf } from '../../../../kernel-lib/src/view/cli/systemDfText';
import { formatPull, formatPush } from '../../../../kernel-lib/src/view/cli/transferText';
import { expectGolden } from '../golden';

const NOW = '2024-06-01T12:00:00Z';
const id = (c: string): string => 'sha256:' + c.repeat(64);
const images: ImageSummaryItem[] = [
  { Id: id('1'), RepoTags: ['ubuntu:20.04'], RepoDigests: ['ubuntu@sha256:' + 'e'.repeat(64)], Created: '2023-05-01T00:00:00Z', Size: 72_800_000 },
  { Id: id('2'), RepoTags: ['node:18', 'node:lts'], RepoDigests: [], Created: '2024-05-20T00:00:00Z', Size: 993_000_000 },
  { Id: id('3'), RepoTags: ['node:18-alpine'], RepoDigests: [], Created: '2024-06-01T11:00:00Z', Size: 174_000_000 },
  { Id: id('4'), RepoTags: [], RepoDigests: [], Created: '2024-06-01T11:59:30Z', Size: 45 },
  { Id: id('5'), RepoTags: ['localhost:5000/team/app:v1'], RepoDigests: null, Created: '2022-01-01T00:00:00Z', Size: 7_040_000 },
];

describe('docker images', () => {
  test('default table golden', () => {
    expectGolden('cli/docker-images.txt', formatImages(images, { now: NOW }));
  });
  test('the exact lines', () => {
    const lines = formatImages(images, { now: NOW }).split('\n');
    expect(lines[0]).toBe('REPOSITORY                TAG         IMAGE ID       CREATED             SIZE');
    expect(lines[1]).toBe('<none>                    <none>      444444444444   30 seconds ago      45B');
    expect(lines[2]).toBe('node                      18-alpine   333333333333   About an hour ago   174MB');
    expect(lines[3]).toBe('node                      18          222222222222   12 days ago         993MB');
    expect(lines[4]).toBe('node                      lts         222222222222   12 days ago         993MB');
    expect(lines[5]).toBe('ubuntu                    20.04       111111111111   13 months ago       72.8MB');
    expect(lines[6]).toBe('localhost:5000/team/app   v1          555555555555   2 years ago         7.04MB');
  });
  test('--digests adds a DIGEST column; --format with table', () => {
    const withD = formatImages(images.slice(0, 1), { now: NOW, digests: true });
    expect(withD).toBe(`REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED         SIZE\nubuntu       20.04     sha256:${'e'.repeat(64)}   111111111111   13 months ago   72.8MB\n`);
    expect(formatImages(images.slice(1, 3), { now: NOW, format: '{{.Repository}}:{{.Tag}} {{.Size}}' })).toBe('node:18-alpine 174MB\nnode:18 993MB\nnode:lts 993MB\n');
  });
});

describe('docker image inspect', () => {
  test('four-space indent, Go HTML escaping, [] when empty', () => {
    expect(formatInspect([])).toBe('[]\n');
    expect(formatInspect([{ Id: 'x', RepoTags: [], Config: { Cmd: ['sh', '-c', 'a && b'], Env: null }, RootFS: { Type: 'layers', Layers: ['sha256:a'] } }])).toBe(
      '[\n    {\n        "Id": "x",\n        "RepoTags": [],\n        "Config": {\n            "Cmd": [\n                "sh",\n                "-c",\n                "a \\u0026\\u0026 b"\n            ],\n            "Env": null\n        },\n        "RootFS": {\n            "Type": "layers",\n            "Layers": [\n                "sha256:a"\n            ]\n        }\n    }\n]\n');
  });
  test('--format with json and range', () => {
    const obj = { RootFS: { Layers: ['sha256:a', 'sha256:b'] }, Size: 12 };
    expect(formatInspect([obj], { format: '{{json .RootFS.Layers}}' })).toBe('["sha256:a","sha256:b"]\n');
    expect(formatInspect([obj], { format: '{{range .RootFS.Layers}}{{println .}}{{end}}' })).toBe('sha256:a\nsha256:b\n\n');
    expect(formatInspect([obj], { format: '{{.Size}}' })).toBe('12\n');
  });
});

describe('docker diff', () => {
  test('kind and path per line, model and API kinds', () => {
    expect(formatDiff([{ kind: 'C', path: '/etc' }, { kind: 'A', path: '/test.txt' }, { Kind: 2, Path: '/tmp/x' }])).toBe('C /etc\nA /test.txt\nD /tmp/x\n');
  });
});

describe('docker system df', () => {
  const df = {
    LayersSize: 180_000_000,
    Images: [
      { Id: id('a'), RepoTags: ['nginx:alpine'], RepoDigests: [], Created: '2024-05-01T00:00:00Z', Size: 50_000_000, SharedSize: 20_000_000, Containers: 1 },
      { Id: id('b'), RepoTags: ['nginx:latest', 'nginx:1.25'], RepoDigests: [], Created: '2024-05-02T00:00:00Z', Size: 150_000_000, SharedSize: 20_000_000, Containers: 0 },
    ],
    Containers: [{ Id: 'c'.repeat(64), Names: ['/web'], Image: 'nginx:alpine', Command: '/docker-entrypoint.sh nginx -g daemon off;', Created: '2024-06-01T11:00:00Z', SizeRw: 1093, State: 'running', Status: 'Up About an hour' }],
  };
  test('summary: images reclaimable = total − unique bytes of images in use', () => {
    expect(formatSystemDf(df, { now: NOW })).toBe(
      'TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n' +
      'Images          2         1         180MB     150MB (83%)\n' +
      'Containers      1         1         1.093kB   0B (0%)\n' +
      'Local Volumes   0         0         0B        0B\n' +
      'Build Cache     0         0         0B        0B\n');
  });
  test('-v golden', () => {
    const out = formatSystemDf(df, { now: NOW, verbose: true });
    expect(out.split('\n').slice(0, 5)).toEqual([
      'Images space usage:',
      '',
      'REPOSITORY   TAG       IMAGE ID       CREATED       SIZE      SHARED SIZE   UNIQUE SIZE   CONTAINERS',
      'nginx        alpine    aaaaaaaaaaaa   4 weeks ago   50MB      20MB          30MB          1',
      'nginx        latest    bbbbbbbbbbbb   4 weeks ago   150MB     20MB          130MB         0',
    ]);
    expect(out).toContain('cccccccccccc   nginx:alpine   "/docker-entrypoint.…"   0               1.09kB    About an hour ago   Up About an hour   web\n');
    expectGolden('cli/docker-system-df-v.txt', out);
  });
});

describe('docker pull / push lines', () => {
  test('pull with default tag, one line per layer', () => {
    expect(formatPull({ ref: 'nginx', repositoryPath: 'library/nginx', tagOrDigest: 'latest', layers: [{ digest: 'sha256:' + 'a'.repeat(64), status: 'Already exists' }, { digest: 'sha256:' + 'b'.repeat(64), status: 'Pull complete' }], digest: 'sha256:' + 'd'.repeat(64), upToDate: false, canonical: 'docker.io/library/nginx:latest' })).toBe(
      `Using default tag: latest\nlatest: Pulling from library/nginx\naaaaaaaaaaaa: Already exists\nbbbbbbbbbbbb: Pull complete\nDigest: sha256:${'d'.repeat(64)}\nStatus: Downloaded newer image for nginx:latest\ndocker.io/library/nginx:latest\n`);
  });
  test('push', () => {
    expect(formatPush({ repository: 'localhost:5000/app', tag: 'v1', layers: [{ diffId: 'sha256:' + '1'.repeat(64), status: 'Pushed' }, { diffId: 'sha256:' + '2'.repeat(64), status: 'Mounted from library/node' }], digest: 'sha256:' + 'f'.repeat(64), size: 1234 })).toBe(
      `The push refers to repository [localhost:5000/app]\n111111111111: Pushed\n222222222222: Mounted from library/node\nv1: digest: sha256:${'f'.repeat(64)} size: 1234\n`);
  });
});
