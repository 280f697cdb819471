// Public surface of the dockerfile module (re-exported from src/index.ts).
export {};
