/**
 * Regeneration is all-or-nothing: these tests run the promotion step on temporary folders and
 * check that a failing, interrupted or filtered contract run leaves the committed pacts untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promotePacts } from './jest/promote-pacts';

let staging: string;
let generated: string;

beforeEach(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'promote-pacts-'));
  staging = path.join(base, 'staging');
  generated = path.join(base, 'generated');
  fs.mkdirSync(staging);
  fs.mkdirSync(generated);
  fs.writeFileSync(path.join(generated, 'a-lms.json'), 'committed a');
  fs.writeFileSync(path.join(generated, 'stale-lms.json'), 'committed stale');
  fs.writeFileSync(path.join(staging, 'a-lms.json'), 'fresh a');
  fs.writeFileSync(path.join(staging, 'b-lms.json'), 'fresh b');
});

const snapshot = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );

const run = (results: { file: string; passed: boolean }[], interrupted = false) =>
  promotePacts({
    stagingDir: staging,
    generatedDir: generated,
    expectedFiles: ['contracts/lms/a.pact.test.ts', 'contracts/lms/b.pact.test.ts'],
    results,
    interrupted,
  });

describe('promotePacts', () => {
  it('replaces the generated pacts, stale ones included, when every contract passed', () => {
    const outcome = run([
      { file: 'contracts/lms/a.pact.test.ts', passed: true },
      { file: 'contracts/lms/b.pact.test.ts', passed: true },
    ]);

    expect(outcome).toMatchObject({ promoted: true, changed: 3 });
    expect(snapshot(generated)).toEqual({ 'a-lms.json': 'fresh a', 'b-lms.json': 'fresh b' });
  });

  it('leaves the generated pacts byte for byte when one contract failed', () => {
    const before = snapshot(generated);

    const outcome = run([
      { file: 'contracts/lms/a.pact.test.ts', passed: true },
      { file: 'contracts/lms/b.pact.test.ts', passed: false },
    ]);

    expect(outcome).toMatchObject({ promoted: false });
    expect(outcome.reason).toContain('contracts/lms/b.pact.test.ts');
    expect(snapshot(generated)).toEqual(before);
  });

  it('leaves the generated pacts alone when the run was filtered to some contract files', () => {
    const before = snapshot(generated);

    const outcome = run([{ file: 'contracts/lms/a.pact.test.ts', passed: true }]);

    expect(outcome).toMatchObject({ promoted: false });
    expect(outcome.reason).toContain('partial run');
    expect(snapshot(generated)).toEqual(before);
  });

  it('leaves the generated pacts alone when the run was interrupted', () => {
    const before = snapshot(generated);

    const outcome = run([], true);

    expect(outcome).toMatchObject({ promoted: false });
    expect(snapshot(generated)).toEqual(before);
  });
});
