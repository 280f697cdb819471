/**
 * The base-image catalog: the official images the course's seeds use, as a snapshot of late 2023
 * (the seeds' tags: node:18, alpine:3.18, ubuntu:20.04 …), each built FROM its real parent so that
 * images share exactly the layers the real ones share. Images and layers are built on first use
 * and memoised: asking twice gives the same values.
 *
 * @example
 *   const node = catalogImage('node:18');
 *   node.size;                 // 993_000_… bytes (docker images: 993MB)
 *   catalogImage('python:3.11').layers[0] === node.layers[0]; // true: both are debian:bookworm's rootfs
 */
import { parseReference, tagNameOnly } from '../reference/parseReference';
import type { Image } from '../image/Image';
import { addImageHistory, appendImageLayer, scratchImage, setImageCreated, setImageRunConfig } from '../image/mutate';
import { CatalogImageNotFoundError } from './CatalogError';
import { CatalogLayer } from './CatalogLayer';
import type { CatalogImageSpec } from './CatalogImageSpec';
import type { CatalogLayerSpec } from './CatalogLayerSpec';
import { alpine318 } from './images/alpine';
import { busyboxLatest } from './images/busybox';
import { buildpackDeps, buildpackDepsCurl, buildpackDepsScm } from './images/buildpackDeps';
import { debianBookworm, debianBookwormSlim } from './images/debian';
import { golang119 } from './images/golang';
import { nginxAlpine, nginxLatest } from './images/nginx';
import { node18, node18Alpine, node18Slim } from './images/node';
import { python311, python311Slim } from './images/python';
import { ubuntu2004, ubuntu2204 } from './images/ubuntu';

/** Every catalog image, bases first. */
export const CATALOG_SPECS: readonly CatalogImageSpec[] = Object.freeze([
  busyboxLatest,
  alpine318,
  ubuntu2004,
  ubuntu2204,
  debianBookworm,
  debianBookwormSlim,
  buildpackDepsCurl,
  buildpackDepsScm,
  buildpackDeps,
  node18,
  node18Slim,
  node18Alpine,
  python311,
  python311Slim,
  golang119,
  nginxLatest,
  nginxAlpine,
]);

/** Tags that pointed at these images in the snapshot besides their own. */
const FLOATING: Readonly<Record<string, string>> = { 'alpine:latest': 'alpine:3.18', 'ubuntu:latest': 'ubuntu:22.04' };

const canonical = (text: string): string => tagNameOnly(parseReference(text)).canonical;

const byReference = new Map<string, CatalogImageSpec>();
for (const spec of CATALOG_SPECS) {
  for (const ref of [spec.reference, ...(spec.aliases ?? [])]) byReference.set(canonical(ref), spec);
}
for (const [alias, target] of Object.entries(FLOATING)) {
  const spec = byReference.get(canonical(target));
  if (spec !== undefined) byReference.set(canonical(alias), spec);
}

const layers = new Map<string, CatalogLayer>();
const images = new Map<string, Image>();

/** The one `CatalogLayer` value for a layer spec (shared by every image that has the layer). */
export function catalogLayer(spec: CatalogLayerSpec): CatalogLayer {
  let layer = layers.get(spec.key);
  if (layer === undefined) {
    layer = new CatalogLayer(spec);
    layers.set(spec.key, layer);
  }
  return layer;
}

/** The spec of a catalog image, or `undefined` (`nginx`, `docker.io/library/nginx:latest` … are accepted). */
export function findCatalogSpec(reference: string): CatalogImageSpec | undefined {
  let key: string;
  try {
    key = canonical(reference);
  } catch {
    return undefined;
  }
  return byReference.get(key);
}

/** The catalog image for `reference`; throws `CatalogImageNotFoundError` naming what the catalog holds. */
export function catalogImage(reference: string): Image {
  const spec = findCatalogSpec(reference);
  if (spec === undefined) throw new CatalogImageNotFoundError(reference, CATALOG_SPECS.map((s) => s.reference));
  let image = images.get(spec.reference);
  if (image === undefined) {
    image = buildCatalogImage(spec);
    images.set(spec.reference, image);
  }
  return image;
}

/** True when the catalog holds `reference`. */
export function hasCatalogImage(reference: string): boolean {
  return findCatalogSpec(reference) !== undefined;
}

function buildCatalogImage(spec: CatalogImageSpec): Image {
  let image = spec.parent === undefined ? scratchImage() : catalogImage(spec.parent);
  for (const step of spec.steps) {
    if (step.kind === 'layer') {
      const l = step.layer;
      image = appendImageLayer(image, catalogLayer(l), { createdBy: l.createdBy, created: l.created, ...(l.comment ? { comment: l.comment } : {}) });
    } else {
      if (step.config !== undefined) image = setImageRunConfig(image, step.config);
      image = addImageHistory(image, { createdBy: step.createdBy, created: step.created });
    }
  }
  return setImageCreated(image, spec.created);
}

/** Every layer of every catalog image, once each (for the digest table and its test). */
export function catalogLayers(): CatalogLayer[] {
  for (const spec of CATALOG_SPECS) catalogImage(spec.reference);
  return [...layers.values()];
}
