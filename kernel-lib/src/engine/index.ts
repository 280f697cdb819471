// Public surface of the engine module (re-exported from src/index.ts).
export {};
