/**
 * The pacts this repository publishes: every `generated-pacts/*.json`, except the pipeline's own
 * contract with the Pact Broker (provider `pact-broker`): the broker does not verify contracts
 * against itself, so publishing it would only leave an integration that never turns green.
 */
import fs from 'node:fs';
import path from 'node:path';
import { failure } from './errors';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const GENERATED_PACTS_DIR = path.join(REPO_ROOT, 'generated-pacts');
/** Consumer name of this pipeline in its contract with the broker. */
export const PIPELINE_CONSUMER = 'openedx-lms-contracts-ci';
export const BROKER_PROVIDER = 'pact-broker';

export interface PactFileInfo {
  file: string;
  consumer: string;
  provider: string;
}

export function readPactFile(file: string): PactFileInfo {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw failure(
      `read ${path.relative(process.cwd(), file)}`,
      `it is not a JSON file (${(error as Error).message})`,
      'Regenerate the pacts with `npm test`.',
    );
  }
  const pact = parsed as { consumer?: { name?: unknown }; provider?: { name?: unknown } };
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (typeof consumer !== 'string' || typeof provider !== 'string') {
    throw failure(
      `read ${path.relative(process.cwd(), file)}`,
      'it has no consumer.name or provider.name, so it is not a pact',
      'Keep only pact files in the folder, or regenerate them with `npm test`.',
    );
  }
  return { file, consumer, provider };
}

/** Pacts to publish from `dir`, sorted by file name. */
export function pactsToPublish(dir: string = GENERATED_PACTS_DIR): PactFileInfo[] {
  if (!fs.existsSync(dir)) {
    throw failure(
      `list the pacts in ${dir}`,
      'the folder does not exist',
      'Run `npm test` to generate the pacts, or pass --pacts <folder>.',
    );
  }
  const pacts = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readPactFile(path.join(dir, name)))
    .filter((pact) => pact.provider !== BROKER_PROVIDER);
  if (pacts.length === 0) {
    throw failure(
      `list the pacts in ${dir}`,
      'it holds no pact for a provider to verify',
      'Run `npm test` to generate the pacts.',
    );
  }
  return pacts;
}

/** Distinct consumers of those pacts: the pacticipants that can-i-deploy and record-deployment
 *  ask about. */
export function consumersOf(pacts: readonly PactFileInfo[]): string[] {
  return [...new Set(pacts.map((pact) => pact.consumer))].sort();
}
