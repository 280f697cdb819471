// Public surface of the image module (re-exported from src/index.ts).
export {};
