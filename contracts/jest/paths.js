// Folders shared by the contract tests, the promotion reporter and the staging cleaner.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

module.exports = {
  root,
  stagingDir: path.join(root, '.pact-staging'),
  generatedDir: path.join(root, 'generated-pacts'),
  contractsDir: path.join(root, 'contracts'),
};
