import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../kernel-lib/src/digest/Digest';
import { sha256 } from '../../../kernel-lib/src/digest/sha256';
import { Image } from '../../../kernel-lib/src/image/Image';
import type { ImageConfigFile } from '../../../kernel-lib/src/image/ImageConfig';
import { imageConfigJson } from '../../../kernel-lib/src/image/serializeImageConfig';

const D1 = parseDigest('sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1');

// Shaped like Docker Hub's alpine:3.18 config (BuildKit-built): top-level keys sorted, `config`
// members in ocispec.ImageConfig order, history entries as created, created_by, comment, empty_layer.
const alpineLike: ImageConfigFile = {
  architecture: 'amd64',
  os: 'linux',
  created: '2023-08-07T19:20:20.71226952Z',
  rootfs: { type: 'layers', diff_ids: [D1] },
  config: { Cmd: ['/bin/sh'], Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], WorkingDir: '/', ArgsEscaped: true },
  history: [
    { created: '2023-08-07T19:20:20.552313405Z', created_by: 'ADD alpine-minirootfs-3.18.3-x86_64.tar.gz / # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created: '2023-08-07T19:20:20.71226952Z', created_by: 'CMD ["/bin/sh"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
};

describe('imageConfigJson (BuildKit exporter byte layout)', () => {
  it('sorts top-level keys and keeps struct order inside', () => {
    expect(imageConfigJson(alpineLike)).toBe(
      '{"architecture":"amd64",' +
        '"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/","ArgsEscaped":true},' +
        '"created":"2023-08-07T19:20:20.71226952Z",' +
        '"history":[{"created":"2023-08-07T19:20:20.552313405Z","created_by":"ADD alpine-minirootfs-3.18.3-x86_64.tar.gz / # buildkit","comment":"buildkit.dockerfile.v0"},' +
        '{"created":"2023-08-07T19:20:20.71226952Z","created_by":"CMD [\\"/bin/sh\\"]","comment":"buildkit.dockerfile.v0","empty_layer":true}],' +
        '"os":"linux",' +
        `"rootfs":{"type":"layers","diff_ids":["${D1}"]}}`,
    );
  });

  it('writes ExposedPorts, Volumes and Labels as Go maps (sorted keys, {} values) and escapes && like Go', () => {
    const json = imageConfigJson({
      ...alpineLike,
      config: {
        User: 'node',
        ExposedPorts: { '8080/tcp': {}, '443/tcp': {} },
        Volumes: { '/data': {} },
        Labels: { version: '1.0', 'org.opencontainers.image.title': 'app' },
        StopSignal: 'SIGQUIT',
      },
      history: [{ created_by: 'RUN /bin/sh -c apt-get update && apt-get install -y <pkg> # buildkit' }],
    });
    expect(json).toContain(
      '"config":{"User":"node","ExposedPorts":{"443/tcp":{},"8080/tcp":{}},"Volumes":{"/data":{}},"Labels":{"org.opencontainers.image.title":"app","version":"1.0"},"StopSignal":"SIGQUIT"}',
    );
    expect(json).toContain('"created_by":"RUN /bin/sh -c apt-get update \\u0026\\u0026 apt-get install -y \\u003cpkg\\u003e # buildkit"');
  });

  it('gives the image ID as the SHA-256 of exactly these bytes', () => {
    const image = Image.fromConfig({ ...alpineLike, rootfs: { type: 'layers', diff_ids: [] }, history: [] }, []);
    expect(image.id).toBe(sha256(image.configBytes()));
  });
});
