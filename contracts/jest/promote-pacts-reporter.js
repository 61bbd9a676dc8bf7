// Jest reporter: replaces generated-pacts/ with the freshly written .pact-staging/ only when every
// contract test file ran and passed. A failing or filtered run leaves the committed pacts alone,
// so regeneration is all-or-nothing and never loses or half-updates a contract.
const fs = require('node:fs');
const path = require('node:path');
const { stagingDir, generatedDir, contractsDir, root } = require('./paths');

const CONTRACT_SUFFIX = '.pact.test.ts';

function listContractFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listContractFiles(full);
    return entry.name.endsWith(CONTRACT_SUFFIX) ? [full] : [];
  });
}

function listPactFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

class PromotePactsReporter {
  onRunComplete(_contexts, results) {
    const ran = results.testResults.filter((r) => r.testFilePath.endsWith(CONTRACT_SUFFIX));
    if (ran.length === 0) return;

    const say = (message) => process.stderr.write(`[contracts] ${message}\n`);
    const failed = ran.filter((r) => r.numFailingTests > 0 || r.testExecError);
    if (failed.length > 0 || results.wasInterrupted) {
      const names = failed.map((r) => path.relative(root, r.testFilePath)).join(', ');
      say(
        `contract tests failed (${names || 'run interrupted'}): generated-pacts/ left unchanged.`,
      );
      return;
    }
    const expected = listContractFiles(contractsDir);
    const ranPaths = new Set(ran.map((r) => r.testFilePath));
    const skipped = expected.filter((file) => !ranPaths.has(file));
    if (skipped.length > 0) {
      say(
        `partial run (${skipped.length} contract file(s) not run): generated-pacts/ left unchanged. ` +
          'Run `npm test` without a filter to regenerate.',
      );
      return;
    }
    const staged = listPactFiles(stagingDir);
    if (staged.length === 0) {
      say('no pact files were written to .pact-staging/: generated-pacts/ left unchanged.');
      return;
    }

    fs.mkdirSync(generatedDir, { recursive: true });
    let changed = 0;
    for (const name of listPactFiles(generatedDir)) {
      if (!staged.includes(name)) {
        fs.rmSync(path.join(generatedDir, name));
        changed += 1;
      }
    }
    for (const name of staged) {
      const next = fs.readFileSync(path.join(stagingDir, name));
      const target = path.join(generatedDir, name);
      const previous = fs.existsSync(target) ? fs.readFileSync(target) : null;
      if (previous === null || !previous.equals(next)) {
        fs.writeFileSync(target, next);
        changed += 1;
      }
    }
    say(`generated-pacts/: ${staged.length} pact file(s), ${changed} changed.`);
  }
}

module.exports = PromotePactsReporter;
