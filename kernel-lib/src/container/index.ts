// Public surface of the container module (re-exported from src/index.ts).
export {
  Container,
  type ContainerConfig,
  type ContainerExecOptions,
  type ContainerExecResult,
  type ContainerHost,
  type ContainerInit,
} from './Container';
export {
  ContainerError,
  NoSuchContainerError,
  ContainerNameConflictError,
  InvalidContainerNameError,
  ContainerStateError,
  DAEMON_ERROR_PREFIX,
} from './ContainerError';
export { ContainerFs } from './ContainerFs';
export type { ContainerMount, FileBindMount, DirMount } from './ContainerMount';
export { MountedFile } from './MountedFile';
export { Volume, VolumeStore } from './Volume';
export {
  CONTAINER_LIFECYCLE,
  containerTransition,
  type ContainerStatus,
  type ContainerAction,
  type ContainerTransition,
  type ContainerIdentity,
} from './lifecycle';
export { containerChanges, CHANGE_KIND_NUMBER, type ContainerChange, type ContainerChangeKind } from './containerChanges';
export { containerStatusText, goHumanDuration, type ContainerStatusInput } from './containerStatus';
export { containerIdFor, generatedContainerName, isValidContainerName } from './containerNames';
export { containerInitLayer, INIT_LAYER_PATHS } from './initLayer';
export { hostsFile, hostnameFile, resolvConfFile, bridgeAddress } from './runtimeFiles';
export {
  COPY_UP_FIXED_SECONDS,
  COPY_UP_BYTES_PER_SECOND,
  copyUpSeconds,
  firstWriteCosts,
  type FirstWriteCost,
} from './copyUpCost';
export { assembleContainer, type ContainerCreateOptions, type AssembleContainerInput } from './createContainer';
export { applyCommitChanges, InvalidCommitChangeError } from './commitChanges';
