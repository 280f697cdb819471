// Public surface of the build module (re-exported from src/index.ts).
export {};
