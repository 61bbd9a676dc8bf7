// All-or-nothing promotion of freshly written pacts: the staging folder replaces the pact files of
// the generated folder only when every contract test file ran and passed. Kept free of Jest so
// it can be tested on its own (contracts/promote-pacts.test.ts).
const fs = require('node:fs');
const path = require('node:path');

function listPactFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/**
 * @param {object} run
 * @param {string} run.stagingDir folder the contract tests wrote into
 * @param {string} run.generatedDir committed pact folder
 * @param {string[]} run.expectedFiles every contract test file on disk
 * @param {{ file: string, passed: boolean }[]} run.results contract test files that ran
 * @param {boolean} run.interrupted
 * @returns {{ promoted: boolean, reason: string, changed: number }}
 */
function promotePacts({ stagingDir, generatedDir, expectedFiles, results, interrupted }) {
  const failed = results.filter((r) => !r.passed).map((r) => r.file);
  if (interrupted || failed.length > 0) {
    const why = interrupted ? 'run interrupted' : `failed: ${failed.join(', ')}`;
    return { promoted: false, reason: `contract tests ${why}`, changed: 0 };
  }
  const ran = new Set(results.map((r) => r.file));
  const notRun = expectedFiles.filter((file) => !ran.has(file));
  if (notRun.length > 0) {
    return {
      promoted: false,
      reason: `partial run (${notRun.length} contract file(s) not run); run \`npm test\` without a filter to regenerate`,
      changed: 0,
    };
  }
  const staged = listPactFiles(stagingDir);
  if (staged.length === 0) {
    return { promoted: false, reason: 'no pact file was written', changed: 0 };
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
  return { promoted: true, reason: `${staged.length} pact file(s)`, changed };
}

module.exports = { promotePacts, listPactFiles };
