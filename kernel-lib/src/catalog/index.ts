// Public surface of the catalog module (re-exported from src/index.ts).
export {};
