// Jest globalSetup: give this run an empty staging folder of its own. Pact merges into an existing
// file, so a reused folder would keep stale interactions; a shared one would let a concurrent run
// wipe ours. Workers inherit PACT_STAGING_DIR because Jest starts them after globalSetup.
const fs = require('node:fs');
const path = require('node:path');
const { stagingRoot } = require('./paths');

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

module.exports = async () => {
  fs.mkdirSync(stagingRoot, { recursive: true });
  // Runs that crashed before their reporter cleaned up leave a folder behind; drop old ones.
  for (const name of fs.readdirSync(stagingRoot)) {
    const dir = path.join(stagingRoot, name);
    if (Date.now() - fs.statSync(dir).mtimeMs > ONE_DAY_MS)
      fs.rmSync(dir, { recursive: true, force: true });
  }
  process.env.PACT_STAGING_DIR = fs.mkdtempSync(path.join(stagingRoot, 'run-'));
};
