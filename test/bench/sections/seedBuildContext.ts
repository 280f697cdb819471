/**
 * One build context with every file the course's seed Dockerfiles COPY (test/fixtures/dockerfiles/
 * course/): a small Node app, a Flask app, a Go program, the page and script of the layer lessons,
 * and a ~1 MB SQL dump for lesson 04. The small files are in every seed's context; the dump only in
 * the contexts of the seeds that COPY it (a context is read and checksummed on every build, so a
 * megabyte nobody uses would weigh on every cached rebuild).
 */
import type { ContextFiles } from '../../../kernel-lib/src/build';

const sqlDump = Array.from({ length: 20_000 }, (_, i) => `INSERT INTO items VALUES (${i}, 'old value ${i % 97}');\n`).join('');

const SMALL_FILES: ContextFiles = {
  'app.js': "const express = require('express');\nexpress().get('/', (_q, r) => r.send('hello')).listen(3000);\n",
  'app.sh': { content: '#!/bin/sh\necho "layer analysis"\n', mode: 0o644 },
  'index.html': '<!doctype html>\n<h1>nginx layers</h1>\n',
  'package.json': `${JSON.stringify({ name: 'layerlab-app', version: '1.0.0', main: 'app.js', scripts: { start: 'node app.js', build: 'tsc -p .' }, dependencies: { express: '^4.18.2' } }, null, 2)}\n`,
  'package-lock.json': `${JSON.stringify({ name: 'layerlab-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: {} }, null, 2)}\n`,
  'src/index.ts': "import express from 'express';\nexpress().get('/', (_q, r) => r.send('hello')).listen(3000);\n",
  'tsconfig.json': '{ "compilerOptions": { "outDir": "dist" }, "include": ["src"] }\n',
  'requirements.txt': 'flask==2.3.2\nrequests==2.31.0\n',
  'app.py': "from flask import Flask\napp = Flask(__name__)\n",
  'go.mod': 'module example.com/app\n\ngo 1.19\n',
  'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n',
  'secret.key': 'not-a-real-key\n',
  '.dockerignore': 'node_modules\ndist\n',
};

/** The context for one seed Dockerfile (its text decides whether the SQL dump is in it). */
export function seedBuildContext(dockerfile: string): ContextFiles {
  return dockerfile.includes('large-db.sql') ? { ...SMALL_FILES, 'large-db.sql': sqlDump } : SMALL_FILES;
}

/** Secrets the seeds' `RUN --mount=type=secret` steps read. */
export const SEED_BUILD_SECRETS: Readonly<Record<string, string>> = { mysecret: 'hunter2' };
