// Public surface of the layer module (re-exported from src/index.ts).
export {};
