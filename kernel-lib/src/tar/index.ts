// Public surface of the tar module (re-exported from src/index.ts).
export {};
