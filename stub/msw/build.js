#!/usr/bin/env node
// Builds the `openedx-lms-contracts/msw` entry into dist/msw/: an ES module and a CommonJS
// bundle of the handlers and the engine, and their type declarations. Runs on
// `npm run build:msw` and before `npm pack` (prepack).
//
// The bundles are browser-safe: the pacts and the persona file are parsed here, at build time,
// and inlined in place of stub/msw/shipped.ts (which reads them from disk for this repository's
// own tests). esbuild's `neutral` platform fails the build if anything else reaches for a Node
// built-in module. msw stays external: it is the MFE's own (a peer dependency).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..', '..');
const PACTS_DIR = 'generated-pacts';
const PERSONAS_FILE = 'stub/personas/default.yaml';

/** The module that replaces shipped.ts: the same two functions, over inlined documents. */
function shippedModule() {
  const pacts = fs
    .readdirSync(path.join(root, PACTS_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const source = `${PACTS_DIR}/${name}`;
      return { source, doc: JSON.parse(fs.readFileSync(path.join(root, source), 'utf8')) };
    });
  const personas = {
    source: PERSONAS_FILE,
    doc: YAML.parse(fs.readFileSync(path.join(root, PERSONAS_FILE), 'utf8')),
  };
  // Parsed again at each call, so handlers never share (and never mutate) one another's copy.
  return [
    `const PACTS = ${JSON.stringify(JSON.stringify(pacts))};`,
    `const PERSONAS = ${JSON.stringify(JSON.stringify(personas))};`,
    'export function shippedPacts() { return JSON.parse(PACTS); }',
    'export function shippedPersonas() { return JSON.parse(PERSONAS); }',
  ].join('\n');
}

const inlineShippedData = {
  name: 'inline-shipped-data',
  setup(build) {
    build.onResolve({ filter: /^\.\/shipped$/ }, (args) =>
      path.resolve(args.resolveDir) === path.join(root, 'stub', 'msw')
        ? { path: 'shipped', namespace: 'shipped-data' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'shipped-data' }, () => ({
      contents: shippedModule(),
      loader: 'js',
    }));
  },
};

async function buildMsw(outdir = path.join(root, 'dist', 'msw')) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const common = {
    entryPoints: [path.join(root, 'stub', 'msw', 'index.ts')],
    bundle: true,
    platform: 'neutral',
    // Syntax every current MFE toolchain (webpack 5 + babel, Jest 29) reads as is.
    target: 'es2020',
    external: ['msw'],
    // The neutral platform reads only `exports`; some of the engine's pure-JS dependencies
    // (fast-xml-parser's, magic-bytes.js) declare their entry with `module`/`main` alone.
    mainFields: ['module', 'main'],
    plugins: [inlineShippedData],
    legalComments: 'none',
    logLevel: 'warning',
  };
  await esbuild.build({ ...common, format: 'esm', outfile: path.join(outdir, 'index.mjs') });
  await esbuild.build({ ...common, format: 'cjs', outfile: path.join(outdir, 'index.cjs') });

  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
  fs.writeFileSync(path.join(outdir, 'index.d.ts'), "export * from './types/stub/msw/index';\n");
  return outdir;
}

module.exports = { buildMsw, inlineShippedData };

if (require.main === module) {
  buildMsw().catch((error) => {
    console.error(`[stub] Failed to build the msw entry: ${error.message}`);
    process.exit(1);
  });
}
