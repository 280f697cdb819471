// Public surface of the registry module (re-exported from src/index.ts).
export {};
