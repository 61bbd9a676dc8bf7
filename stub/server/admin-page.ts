/**
 * Serves the admin page (stub/admin-page/) at /__stub/: index.html, page.js and page.css.
 *
 * `npm start` runs the bundled CLI (dist/stub/cli.js), beside which stub/build.js writes the
 * page already bundled (dist/stub/admin-page/). Run from source (tsx, Jest), there is no such
 * folder: the page is bundled here on first request with esbuild, a devDependency that a
 * checkout has. Either way the files are read once and kept.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { StubResponse } from '../engine';

export interface AdminPageFiles {
  html: string;
  js: string;
  css: string;
}

/** The page's own URLs; `/__stub` (no slash) is sent to `/__stub/` so relative URLs resolve. */
export const ADMIN_PAGE_PATH = '/__stub/';
export const ADMIN_PAGE_BARE = '/__stub';

/** Only our own files, and nothing framed or inlined: the page shows what clients sent. */
const SECURITY_HEADERS: Record<string, string[]> = {
  'Content-Security-Policy': [
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  ],
  'X-Frame-Options': ['DENY'],
  'X-Content-Type-Options': ['nosniff'],
  'Referrer-Policy': ['no-referrer'],
  'Cache-Control': ['no-store'],
};

let cached: AdminPageFiles | Error | undefined;

function loadFiles(): AdminPageFiles {
  const built = path.join(__dirname, 'admin-page');
  if (fs.existsSync(path.join(built, 'page.js'))) {
    const read = (name: string) => fs.readFileSync(path.join(built, name), 'utf8');
    return { html: read('index.html'), js: read('page.js'), css: read('page.css') };
  }
  // From source: stub/admin-page/build.js bundles the page in memory. Required by a path
  // computed at run time, so that esbuild never pulls it (nor esbuild) into the CLI bundle.
  const script = path.join(__dirname, '..', 'admin-page', 'build.js');
  const { bundleAdminPage } = createRequire(__filename)(script) as {
    bundleAdminPage: () => AdminPageFiles;
  };
  return bundleAdminPage();
}

/** The page's files, loaded once; an Error when they cannot be found or built. */
export function adminPageFiles(): AdminPageFiles | Error {
  if (cached === undefined) {
    try {
      cached = loadFiles();
    } catch (error) {
      cached = error instanceof Error ? error : new Error(String(error));
    }
  }
  return cached;
}

const file = (contentType: string, body: string): StubResponse => ({
  status: 200,
  headers: { 'Content-Type': [contentType], ...SECURITY_HEADERS },
  body,
});

/** The response for a path of the page, or undefined when `path` is not one. */
export function adminPageAsset(requestPath: string): StubResponse | undefined {
  if (requestPath === ADMIN_PAGE_BARE)
    return { status: 302, headers: { Location: [ADMIN_PAGE_PATH], 'Cache-Control': ['no-store'] } };
  const name = requestPath === ADMIN_PAGE_PATH ? 'index.html' : requestPath.slice(8);
  if (name !== 'index.html' && name !== 'page.js' && name !== 'page.css') return undefined;
  const files = adminPageFiles();
  if (files instanceof Error) {
    return {
      status: 500,
      headers: { 'Content-Type': ['text/plain; charset=utf-8'], 'Cache-Control': ['no-store'] },
      body: `The admin page could not be loaded: ${files.message}\nRebuild the stub with \`npm run build:stub\`; the JSON admin API still answers.\n`,
    };
  }
  if (name === 'page.js') return file('text/javascript; charset=utf-8', files.js);
  if (name === 'page.css') return file('text/css; charset=utf-8', files.css);
  return file('text/html; charset=utf-8', files.html);
}
