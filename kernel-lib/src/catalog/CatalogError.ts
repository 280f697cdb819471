import { LayerlabError } from '../errors/LayerlabError';

/** A reference the catalog of base images does not hold. */
export class CatalogImageNotFoundError extends LayerlabError {
  constructor(reference: string, known: readonly string[]) {
    super('CatalogImageNotFound', `the base-image catalog has no image ${JSON.stringify(reference)}; it holds: ${known.join(', ')}`, {
      data: { reference, known: [...known] },
      hint: `카탈로그에 없는 이미지입니다. 사용할 수 있는 이미지: ${known.join(', ')}`,
    });
  }
}

/** A catalog layer whose named files already exceed the size the layer must have (a data error). */
export class CatalogLayerSizeError extends LayerlabError {
  constructor(key: string, fileBytes: number, named: number) {
    super('CatalogLayerSize', `catalog layer ${key}: its named files hold ${named} bytes, more than the layer's ${fileBytes}`, {
      data: { key, fileBytes, named },
    });
  }
}
