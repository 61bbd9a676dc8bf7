/**
 * The pact documents the differential tests and the benchmark run on: every file of
 * generated-pacts/ (what the stub serves) and the synthetic LMS-traffic pact
 * (scripts/generate-synthetic-pact.ts), which is built in memory, never committed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSyntheticPact } from '../testing/synthetic-pact/lms-traffic';
import type { PactDocument } from './engines';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const GENERATED_PACTS_DIR = path.join(REPO_ROOT, 'generated-pacts');
export const SYNTHETIC_SOURCE = 'synthetic/synthetic-lms-traffic-lms.json';

export function generatedPacts(dir = GENERATED_PACTS_DIR): PactDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      source: `generated-pacts/${name}`,
      doc: JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as PactDocument['doc'],
    }));
}

export function syntheticPact(): PactDocument {
  return { source: SYNTHETIC_SOURCE, doc: buildSyntheticPact() as unknown as PactDocument['doc'] };
}
