#!/usr/bin/env node
// Runs before `npm start` and `npm test` so that the README's two commands work on a fresh
// clone: when node_modules is missing or older than package-lock.json, install it with `npm ci`.
// Plain JavaScript on purpose: it must run before any dependency exists.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const lockfile = path.join(root, 'package-lock.json');

const upToDate =
  fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lockfile).mtimeMs;
if (!upToDate) {
  process.stderr.write('[setup] node_modules is missing or stale: running `npm ci` once.\n');
  const result = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
