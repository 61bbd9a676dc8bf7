/**
 * Builds the service-worker check page (page.ts) into a folder with msw's worker script beside
 * it, as an MFE's `public/` holds it after `npx msw init public/`. The handlers are bundled from
 * source with the data the package build inlines, so no file system is needed in the page.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const { inlineShippedData } = require('../../stub/msw/build.js') as {
  inlineShippedData: import('esbuild').Plugin;
};

export async function buildWorkerPage(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { page: path.join(__dirname, 'page.ts') },
    bundle: true,
    outdir: outDir,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // As an MFE's webpack build defines them (see stub/example-mfe/build.ts).
    define: {
      'process.env': '{}',
      'process.env.NODE_ENV': '"development"',
      global: 'globalThis',
    },
    plugins: [inlineShippedData],
    // The platform's initialize() (reachable from the contracts' facade) imports the MFE's
    // optional env.config; this page has none.
    alias: { 'env.config': path.resolve(__dirname, '../../contracts/jest/env.config.js') },
    logLevel: 'warning',
  });
  await copyFile(path.join(__dirname, 'index.html'), path.join(outDir, 'index.html'));
  await copyFile(
    require.resolve('msw/mockServiceWorker.js'),
    path.join(outDir, 'mockServiceWorker.js'),
  );
}
