// Jest globalSetup: start every contract run from an empty staging folder, because Pact merges
// into an existing file and stale interactions would otherwise survive a regeneration.
const fs = require('node:fs');
const { stagingDir } = require('./paths');

module.exports = async () => {
  fs.rmSync(stagingDir, { recursive: true, force: true });
  fs.mkdirSync(stagingDir, { recursive: true });
};
