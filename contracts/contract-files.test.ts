/**
 * Conventions of the contract test files that a passing run would not reveal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contractsDir, root } from './jest/paths';

function contractFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return contractFiles(full);
    return entry.name.endsWith('.pact.test.ts') ? [full] : [];
  });
}

describe('contract test files', () => {
  it('wrap every executeTest callback in settled(), so the mock-server race cannot flake them', () => {
    // pact-core 19 records a match after answering (see settled() in support/interactions.ts):
    // an unwrapped callback passes on a quiet machine and fails on a loaded CI runner.
    const unwrapped = contractFiles(contractsDir).flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(/\.executeTest\((?!\s*settled\()/g)].map(
        (match) => `${path.relative(root, file)}:${text.slice(0, match.index).split('\n').length}`,
      );
    });
    expect(unwrapped).toEqual([]);
  });
});
