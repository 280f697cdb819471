/**
 * Build contexts for the course's seed Dockerfiles (`test/fixtures/dockerfiles/course/`): the small
 * projects the lessons build — a Node app (Express, TypeScript build), a Flask app, a Go program,
 * the static files and scripts the layer lessons COPY, and the "large" SQL dump of lesson 04.
 */
import type { ContextFiles } from '../../../kernel-lib/src/build';

const packageJson = JSON.stringify(
  {
    name: 'layerlab-app',
    version: '1.0.0',
    main: 'dist/index.js',
    scripts: { build: 'tsc -p .', start: 'node dist/index.js', dev: 'nodemon src/index.ts' },
    dependencies: { express: '^4.18.2' },
    devDependencies: { typescript: '^5.4.5', nodemon: '^3.1.0', '@types/express': '^4.17.21' },
  },
  null,
  2,
);

const lockPackage = (version: string): { version: string; resolved: string } => ({ version, resolved: `https://registry.npmjs.org/-/${version}.tgz` });

const packageLock = JSON.stringify(
  {
    name: 'layerlab-app',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'layerlab-app', version: '1.0.0', dependencies: { express: '^4.18.2' }, devDependencies: { typescript: '^5.4.5', nodemon: '^3.1.0', '@types/express': '^4.17.21' } },
      'node_modules/express': lockPackage('4.18.2'),
      'node_modules/typescript': { ...lockPackage('5.4.5'), dev: true },
      'node_modules/nodemon': { ...lockPackage('3.1.0'), dev: true },
      'node_modules/@types/express': { ...lockPackage('4.17.21'), dev: true },
    },
  },
  null,
  2,
);

/** A TypeScript app: `npm run build` runs tsc, a devDependency. */
export const NODE_TS_APP: ContextFiles = {
  'package.json': `${packageJson}\n`,
  'package-lock.json': `${packageLock}\n`,
  'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "module": "commonjs", "target": "es2020" }, "include": ["src"] }\n',
  'src/index.ts': "import express from 'express';\nconst app = express();\napp.get('/', (_req, res) => res.send('hello'));\napp.listen(3000);\n",
  'app.js': "const express = require('express');\nexpress().get('/', (_q, r) => r.send('hello')).listen(3000);\n",
  '.dockerignore': 'node_modules\ndist\n',
};

const nodeApp = NODE_TS_APP;

/**
 * The same app with a build that needs no devDependency (it copies the JavaScript to dist/): the
 * seed's `npm ci --only=production` + `npm run build` works only for such an app (with tsc as a
 * devDependency real npm stops at `sh: tsc: not found`; the course's "-fixed" version installs
 * everything for the build and prunes afterwards).
 */
const nodeJsApp: ContextFiles = {
  ...NODE_TS_APP,
  'package.json': `${JSON.stringify({ ...JSON.parse(packageJson), scripts: { build: 'mkdir -p dist && cp app.js dist/index.js', start: 'node dist/index.js' } }, null, 2)}\n`,
};

const pythonApp: ContextFiles = {
  'requirements.txt': 'flask==2.3.2\nrequests==2.31.0\n',
  'app.py': "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/')\ndef index():\n    return 'hello'\n",
};

/** About 1 MB of SQL: big enough that its copies show in the sizes, small enough for `sed` in the simulator. */
export const LARGE_DB_SQL = Array.from({ length: 20000 }, (_, i) => `INSERT INTO items VALUES (${i}, 'old value ${i % 97}');\n`).join('');

/** The context each seed is built with (by file name without `.Dockerfile`). */
export const SEED_CONTEXTS: Readonly<Record<string, ContextFiles>> = {
  '01-five-layers': { 'app.js': "console.log('five layers');\n" },
  '02-go-multistage': {
    'go.mod': 'module example.com/app\n\ngo 1.19\n',
    'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello from a static binary")\n}\n',
  },
  '03-layer-analysis': { 'app.sh': { content: '#!/bin/sh\necho "layer analysis"\n', mode: 0o644 } },
  '03-layer-instructions': { 'index.html': '<!doctype html>\n<h1>nginx layers</h1>\n' },
  '03-layer-test': { 'app.js': "console.log('layer test');\n" },
  '04-large-file-modify': { 'large-db.sql': LARGE_DB_SQL },
  '04-large-file-modify-tmp': { 'large-db.sql': LARGE_DB_SQL },
  '04-large-file-modify-multistage': { 'large-db.sql': LARGE_DB_SQL },
  '05-cache-annotated': nodeApp,
  '05-cache-mount': nodeApp,
  '05-node-bad-order': nodeApp,
  '05-node-good-order': nodeApp,
  '05-python-after': pythonApp,
  '05-python-before': pythonApp,
  '06-node-dev': nodeApp,
  '06-node-multistage-fixed': nodeApp,
  '06-node-multistage-seed': nodeJsApp,
  '06-node-prod': nodeApp,
  '06-secret-in-layer': { 'secret.key': 'sk-layerlab-0123456789abcdef\n' },
  '07-node-example': nodeApp,
  '07-node-multistage': nodeApp,
};
