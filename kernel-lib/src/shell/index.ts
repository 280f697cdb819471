// Public surface of the shell module (re-exported from src/index.ts).
export {};
