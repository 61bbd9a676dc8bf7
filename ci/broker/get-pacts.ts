/**
 * Fetches from the Pact Broker the latest pacts of a provider published from a branch, so the
 * stub can serve what a team has on `main` without regenerating the pacts locally
 * (`npm start -- --broker-url <url> --branch main`).
 *
 * Uses `pact broker get-pacts --branch --latest --download`, then rewrites each download as a
 * plain pact file named `<consumer>-<provider>.json` (what `generated-pacts/` holds): the broker
 * adds its HAL `_links` and a `createdAt`, and names downloads after the consumer version.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokerConnection } from './config';
import { diagnose, succeeded } from './diagnose';
import { failure } from './errors';
import { runBroker } from './pact-cli';

export interface FetchPactsOptions {
  /** Broker root; defaults to PACT_BROKER_BASE_URL. */
  brokerUrl?: string | undefined;
  /** Consumer branch whose latest pacts to fetch, e.g. `main`. */
  branch: string;
  provider?: string | undefined;
  /** Only this consumer's pact (default: every consumer's). */
  consumer?: string | undefined;
  /** Folder to write the pact files into (default: a new temporary folder). */
  dir?: string | undefined;
  env?: NodeJS.ProcessEnv;
  echo?: (text: string) => void;
}

export interface FetchedPacts {
  dir: string;
  files: string[];
}

export async function fetchPactsFromBroker(options: FetchPactsOptions): Promise<FetchedPacts> {
  const provider = options.provider ?? 'lms';
  const connection = brokerConnection(options.env ?? process.env, { brokerUrl: options.brokerUrl });
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'broker-pacts-'));
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-download-'));
  const action = `fetch the ${provider} pacts of branch ${options.branch} from ${connection.baseUrl}`;
  try {
    const run = await runBroker(
      [
        'get-pacts',
        '--provider',
        provider,
        ...(options.consumer ? ['--consumer', options.consumer] : []),
        '--branch',
        options.branch,
        '--latest',
        '--download',
        '--download-dir',
        downloadDir,
      ],
      { connection, echoOutput: false, ...(options.echo ? { echo: options.echo } : {}) },
    );
    if (/No pacts found/i.test(run.output)) throw noPacts(action, provider, options.branch);
    if (!succeeded(run)) throw diagnose(run, { action, connection });

    fs.mkdirSync(dir, { recursive: true });
    const files = fs
      .readdirSync(downloadDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => writePlainPact(path.join(downloadDir, name), dir));
    if (files.length === 0) throw noPacts(action, provider, options.branch);
    return { dir, files };
  } finally {
    fs.rmSync(downloadDir, { recursive: true, force: true });
  }
}

/** Drops the broker's additions and writes `<consumer>-<provider>.json`; returns its path. */
function writePlainPact(download: string, dir: string): string {
  const pact = JSON.parse(fs.readFileSync(download, 'utf8')) as Record<string, unknown> & {
    consumer?: { name?: string };
    provider?: { name?: string };
  };
  delete pact._links;
  delete pact.createdAt;
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (!consumer || !provider) {
    throw failure(
      `read the pact downloaded as ${path.basename(download)}`,
      'it has no consumer or provider name',
      'Check what the broker holds for this branch.',
    );
  }
  const file = path.join(dir, `${consumer}-${provider}.json`);
  fs.writeFileSync(file, `${JSON.stringify(pact, null, 2)}\n`);
  return file;
}

function noPacts(action: string, provider: string, branch: string) {
  return failure(
    action,
    `the broker holds no ${provider} pact published from branch ${branch}`,
    'Check the branch name, or publish from that branch first (`npm run pacts:publish`).',
  );
}
