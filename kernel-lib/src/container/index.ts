// Public surface of the container module (re-exported from src/index.ts).
export {};
