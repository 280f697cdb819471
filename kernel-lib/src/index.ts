/**
 * kernel-lib — the public surface the notebooks, slides and tools import.
 * Each module keeps its own barrel (`src/<module>/index.ts`); this file only re-exports them,
 * in the order of DESIGN.md's import layers (lowest first).
 */
export * from './errors';
export * from './digest';
export * from './content';
export * from './tar';
export * from './layer';
export * from './unionfs';
export * from './shell';
export * from './reference';
export * from './image';
export * from './dockerfile';
export * from './container';
export * from './registry';
export * from './catalog';
export * from './oci';
export * from './build';
export * from './engine';
export * from './analyze';
export * from './view';
export * from './exercise';
