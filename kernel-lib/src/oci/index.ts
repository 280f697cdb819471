// Public surface of the oci module (re-exported from src/index.ts).
export {};
