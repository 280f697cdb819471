/**
 * `engine.push(ref)` — `docker push` (moby daemon/internal/distribution/push_v2.go) over the
 * registry module's `pushImage`: the local image the tag names is sent to the registry its domain
 * picks; each layer is `Layer already exists` (HEAD), `Mounted from <repo>` (a cross-repository
 * mount, from where the engine has seen the layer — its `layerSources`) or `Pushed`; then the
 * config and the manifest under the tag. Like docker, the repository digest is recorded on the
 * image (`RepoDigests`).
 */
import { LayerlabError } from '../errors/LayerlabError';
import type { Image } from '../image/Image';
import { familiarName } from '../reference/familiar';
import { parseReference, tagNameOnly } from '../reference/parseReference';
import { pushImage, refuseDigestPush } from '../registry/pushImage';
import type { PushReport } from '../registry/TransferReport';
import type { Engine } from './Engine';
import { engineAddImage } from './addImage';

/** What `engine.push` returns: the registry's `PushReport` (`layers`, `bytesMoved`, `lines`, `text` …) and the image pushed. */
export interface PushResult extends PushReport {
  readonly image: Image;
}

export interface PushOptions {
  /** Manifest flavour: `'docker'` (schema 2, what `docker push` sends from the classic store; default) or `'oci'`. */
  readonly format?: 'docker' | 'oci';
}

/** `docker push app:v9` when no local image has that tag (moby: "An image does not exist locally with the tag: …"). */
export class PushSourceNotFoundError extends LayerlabError {
  constructor(reference: string) {
    super('PushSourceNotFound', `An image does not exist locally with the tag: ${reference}`, {
      data: { reference },
      hint: '푸시하려면 먼저 그 이름으로 태그를 붙이세요: engine.tag(이미지, "레지스트리/이름:태그").',
    });
  }
}

export function enginePush(engine: Engine, ref: string, options: PushOptions = {}): PushResult {
  const parsed = parseReference(ref);
  refuseDigestPush(parsed);
  const reference = tagNameOnly(parsed);
  const id = engine.state.tags.get(reference.canonical);
  const image = id === undefined ? undefined : engine.state.images.get(id);
  if (image === undefined) throw new PushSourceNotFoundError(familiarName(reference));
  const report = pushImage({
    registries: engine.state.registries,
    reference,
    image,
    format: options.format ?? 'docker',
    sources: engine.state.layerSources,
  });
  engineAddImage(engine, image, { repoDigest: `${reference.name}@${report.manifest.digest}` });
  return Object.freeze({ ...report, image });
}
