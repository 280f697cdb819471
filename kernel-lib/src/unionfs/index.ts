// Public surface of the unionfs module (re-exported from src/index.ts).
export {};
