// Public surface of the registry module (re-exported from src/index.ts).
export { Registry, type StoredManifest, type BlobDescriptor, type RegistryTraffic, type RegistryUpstream } from './Registry';
export { Registries } from './Registries';
export { RegistryError, BlobVerificationError, type RegistryErrorCode } from './RegistryError';
export { blobFromBytes, blobFromLayer, blobBytes, type RegistryBlob } from './RegistryBlob';
export type { RegistryLayer, PushableImage } from './RegistryLayer';
export { readManifestDocument, type ManifestDocument, type RegistryDescriptor } from './manifestDocument';
export { LayerSourceIndex, type LayerSource } from './LayerSourceIndex';
export { pushImage, refuseDigestPush, type PushImageOptions } from './pushImage';
export { pullImage, type PullImageOptions, type PullTarget } from './pullImage';
export type { PushReport, PullReport, PulledLayer, LayerTransfer, PushedLayerStatus, PulledLayerStatus } from './TransferReport';
export { serveRegistry, type ServedRegistry } from './serveRegistry';
