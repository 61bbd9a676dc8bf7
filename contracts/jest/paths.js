// Folders shared by the contract tests, the promotion reporter and the staging step.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

/** The staging folder of the current Jest run, created by create-staging.js. Each run gets its
 *  own, so two runs at once (an editor's watcher and a terminal) never wipe or promote each
 *  other's half-written pacts. */
function runStagingDir() {
  const dir = process.env.PACT_STAGING_DIR;
  if (!dir) {
    throw new Error(
      '[contracts] Failed to find the staging folder: PACT_STAGING_DIR is not set. ' +
        'Run contract tests through Jest (`npm test`), whose globalSetup creates it.',
    );
  }
  return dir;
}

module.exports = {
  root,
  stagingRoot: path.join(root, '.pact-staging'),
  runStagingDir,
  generatedDir: path.join(root, 'generated-pacts'),
  contractsDir: path.join(root, 'contracts'),
};
