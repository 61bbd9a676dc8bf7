/**
 * Writes the synthetic LMS pact (stub/testing/synthetic-pact/lms-traffic.ts) to a folder, for the
 * benchmark and the conformance tests. Never committed: it is rebuilt on every run, byte for
 * byte the same.
 *
 *   npx tsx scripts/generate-synthetic-pact.ts [out-dir]     (default: bench/pacts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSyntheticPact } from '../stub/testing/synthetic-pact/lms-traffic';

export const SYNTHETIC_PACT_FILE = 'synthetic-lms-traffic-lms.json';

/** Writes the pact into `dir` (created if needed) and returns the file's path. */
export function writeSyntheticPact(dir: string): { file: string; interactions: number } {
  const pact = buildSyntheticPact();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, SYNTHETIC_PACT_FILE);
  writeFileSync(file, `${JSON.stringify(pact, null, 2)}\n`);
  return { file, interactions: pact.interactions.length };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'bench', 'pacts'));
  const { file, interactions } = writeSyntheticPact(dir);
  process.stdout.write(
    `[bench] Wrote ${interactions} interactions to ${path.relative(process.cwd(), file)}\n`,
  );
}
