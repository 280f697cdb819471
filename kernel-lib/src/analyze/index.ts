// Public surface of the analyze module (re-exported from src/index.ts).
export {};
