// Bundles the admin page (stub/admin-page/main.ts and the modules it imports) into one browser
// script, beside its index.html and page.css: into dist/stub/admin-page/ for the bundled CLI
// (stub/build.js), or in memory for a stub run from source (stub/server/admin-page.ts).
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const here = __dirname;

function bundleAdminPage() {
  const result = esbuild.buildSync({
    entryPoints: [path.join(here, 'main.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return {
    html: fs.readFileSync(path.join(here, 'index.html'), 'utf8'),
    js: result.outputFiles[0].text,
    css: fs.readFileSync(path.join(here, 'page.css'), 'utf8'),
  };
}

function writeAdminPage(outdir) {
  const files = bundleAdminPage();
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'index.html'), files.html);
  fs.writeFileSync(path.join(outdir, 'page.js'), files.js);
  fs.writeFileSync(path.join(outdir, 'page.css'), files.css);
}

module.exports = { bundleAdminPage, writeAdminPage };
