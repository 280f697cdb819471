// Public surface of the content module (re-exported from src/index.ts).
export {};
