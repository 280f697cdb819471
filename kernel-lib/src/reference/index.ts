// Public surface of the reference module (re-exported from src/index.ts).
export {};
