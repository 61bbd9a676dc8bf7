// Jest reporter: after a run, promote .pact-staging/ to generated-pacts/ when every contract test
// file ran and passed (see promote-pacts.js). A failing or filtered run leaves the committed
// pacts exactly as they were, so regeneration never loses or half-updates a contract.
const fs = require('node:fs');
const path = require('node:path');
const { runStagingDir, generatedDir, contractsDir, root } = require('./paths');
const { promotePacts } = require('./promote-pacts');

const CONTRACT_SUFFIX = '.pact.test.ts';

function listContractFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listContractFiles(full);
    return entry.name.endsWith(CONTRACT_SUFFIX) ? [full] : [];
  });
}

class PromotePactsReporter {
  onRunComplete(_contexts, results) {
    const ran = results.testResults.filter((r) => r.testFilePath.endsWith(CONTRACT_SUFFIX));
    if (ran.length === 0) return;

    const relative = (file) => path.relative(root, file);
    const stagingDir = runStagingDir();
    const outcome = promotePacts({
      stagingDir,
      generatedDir,
      expectedFiles: listContractFiles(contractsDir).map(relative),
      results: ran.map((r) => ({
        file: relative(r.testFilePath),
        passed: r.numFailingTests === 0 && !r.testExecError,
      })),
      interrupted: results.wasInterrupted,
    });
    const message = outcome.promoted
      ? `generated-pacts/ updated: ${outcome.reason}, ${outcome.changed} changed.`
      : `generated-pacts/ left unchanged: ${outcome.reason}.`;
    process.stderr.write(`[contracts] ${message}\n`);
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

module.exports = PromotePactsReporter;
