// Public surface of the exercise module (re-exported from src/index.ts).
export {};
