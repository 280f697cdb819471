// Public surface of the view module (re-exported from src/index.ts).
export {};
