/**
 * Verifies this pipeline's contract with the Pact Broker
 * (generated-pacts/openedx-lms-contracts-ci-pact-broker.json) against a real Pact Broker, with
 * the `pact verifier` CLI (the Rust verifier every Pact language uses) and the provider-state
 * handler of ./states.ts, which sets each state up through the broker's own API.
 *
 *   PACT_BROKER_BASE_URL=http://127.0.0.1:9292 npm run pacts:verify-broker-contract [-- --pact <file>]
 *
 * The broker must run with basic auth and the contract's users (BROKER_USERS in
 * vocabulary/pact-broker/logins.ts): `PACT_BROKER_BASIC_AUTH_USERNAME=ci` ... as .ci/run starts it.
 * It must be a broker for tests: the states delete and recreate the example pacticipants.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROKER_USERS, basicAuth } from '../../vocabulary/pact-broker/logins';
import { failure, runMain } from '../broker/errors';
import { pactBinary } from '../broker/pact-cli';
import { BROKER_PROVIDER, GENERATED_PACTS_DIR, PIPELINE_CONSUMER } from '../broker/pact-files';
import { startStateServer } from './states';

export const BROKER_PACT = path.join(
  GENERATED_PACTS_DIR,
  `${PIPELINE_CONSUMER}-${BROKER_PROVIDER}.json`,
);

interface Report {
  result?: boolean;
  errors?: { interaction: string; mismatch?: unknown }[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { pact: { type: 'string', default: BROKER_PACT }, 'broker-url': { type: 'string' } },
  });
  const brokerUrl = (values['broker-url'] ?? process.env.PACT_BROKER_BASE_URL ?? '').replace(
    /\/+$/,
    '',
  );
  if (!brokerUrl) {
    throw failure(
      'verify the broker contract',
      'PACT_BROKER_BASE_URL is not set',
      'Start a broker for tests (bash ../shared/pact-broker/start.sh, see docs/ci.md) and export its URL.',
    );
  }
  const pact = JSON.parse(fs.readFileSync(values.pact, 'utf8')) as { interactions: unknown[] };
  const total = pact.interactions.length;
  const index = await fetch(`${brokerUrl}/`, {
    headers: { Accept: 'application/hal+json', Authorization: basicAuth(BROKER_USERS.writer) },
  }).catch((error: Error) => {
    throw failure(
      'verify the broker contract',
      `the broker at ${brokerUrl} is unreachable (${error.message})`,
      'Start it first.',
    );
  });
  if (index.status !== 200) {
    throw failure(
      'verify the broker contract',
      `the broker at ${brokerUrl} answered ${index.status} to the contract's read-write user`,
      'Start it with basic auth and the users of BROKER_USERS (vocabulary/pact-broker/logins.ts), as .ci/run does.',
    );
  }
  const brokerVersion = index.headers.get('x-pact-broker-version') ?? 'unknown version';
  const url = new URL(brokerUrl);
  const states = await startStateServer(brokerUrl);
  const reportFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'broker-verify-')),
    'report.json',
  );
  const started = Date.now();
  try {
    const args = [
      'verifier',
      '--file',
      values.pact,
      '--provider-name',
      BROKER_PROVIDER,
      '--hostname',
      url.hostname,
      '--port',
      url.port || (url.protocol === 'https:' ? '443' : '80'),
      '--transport',
      url.protocol.replace(':', ''),
      '--state-change-url',
      states.url,
      '--json',
      reportFile,
      '--no-colour',
    ];
    process.stdout.write(`[ci] $ pact ${args.join(' ')}\n`);
    // Not the PACT_BROKER_* variables: the verifier would read the pacts from the broker.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('PACT_BROKER_')),
    );
    const code = await new Promise<number>((resolve) => {
      const child = spawn(pactBinary(), args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
      child.on('close', (exit) => {
        clearTimeout(timer);
        resolve(exit ?? 1);
      });
    });
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
    const failed = new Set((report.errors ?? []).map((error) => error.interaction)).size;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `[ci] broker contract: ${total - failed}/${total} interactions verified against pact_broker ${brokerVersion} at ${brokerUrl} in ${seconds} s (${states.log.length} provider states set up through its API)\n`,
    );
    for (const line of states.log.filter((entry) => entry.includes('FAILED'))) {
      process.stdout.write(`[ci]   state ${line}\n`);
    }
    if (code !== 0 || failed > 0 || report.result === false) {
      throw failure(
        'verify the broker contract',
        `${failed} of ${total} interactions failed against the real broker`,
        'Read the verifier output above: fix the contract (contracts/pact-broker/) where it describes the broker wrongly, or the state set-up (ci/broker-contract/states.ts).',
      );
    }
  } finally {
    await states.close();
    fs.rmSync(path.dirname(reportFile), { recursive: true, force: true });
  }
}

if (require.main === module) runMain(main);
