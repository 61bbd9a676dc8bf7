#!/usr/bin/env node
// Bundles the stub CLI (TypeScript, plus yaml) into one CommonJS file, dist/stub/cli.js, so
// `npm start` and the `lms-stub` bin start in tens of milliseconds instead of transpiling
// TypeScript at every start. Runs before `npm start` (prestart) and on `npm run build:stub`.
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');
const { writeAdminPage } = require('./admin-page/build');

const root = path.resolve(__dirname, '..');

function buildStub(outdir = path.join(root, 'dist', 'stub')) {
  const outfile = path.join(outdir, 'cli.js');
  esbuild.buildSync({
    entryPoints: [path.join(root, 'stub', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  fs.chmodSync(outfile, 0o755);
  // The admin page at /__stub/, read by stub/server/admin-page.ts from beside cli.js.
  writeAdminPage(path.join(outdir, 'admin-page'));
  return outfile;
}

module.exports = { buildStub };

if (require.main === module) {
  // `node stub/build.js [outdir]`; tests build into a folder of their own.
  const outdir = process.argv[2];
  buildStub(outdir ? path.resolve(outdir) : undefined);
}
