/**
 * The course needs `require(esm)`: tslab turns every import — even `await import()` — into
 * `require()`, and Plot, d3 and linkedom are ESM-only (JUPYTER-FACTS §1.8). Node has it unflagged
 * from 20.19 on the 20 line and from 22.12 on; 21.x and 22.0–22.11 have it only behind a flag.
 */
export const REQUIRED_NODE = '20.19 (or 22.12+)';

/** Returns why this Node cannot run the course, or null when it can. */
export function nodeVersionProblem(version: string = process.versions.node, requireModule: boolean | undefined = process.features.require_module): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (!supported) {
    return (
      `Node ${version} is too old for this course: it needs Node ${REQUIRED_NODE}, where require(esm) works ` +
      '(tslab loads every import with require(), and the plotting libraries are ES modules). ' +
      'Install a current Node LTS (https://nodejs.org, or `nvm install --lts`) and run `npm start` again.'
    );
  }
  if (requireModule === false) {
    return `require(esm) is switched off in this Node ${version} (--no-experimental-require-module in NODE_OPTIONS?); the course needs it on.`;
  }
  return null;
}
