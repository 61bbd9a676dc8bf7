/**
 * Step `can-i-deploy`: asks the broker, for each consumer of generated-pacts/, whether its
 * version (the git SHA) is verified by the versions of its providers in an environment. While
 * the LMS verification is still running (result unknown), it asks again every --retry-interval
 * seconds, up to --retry-while-unknown times; when no LMS version is deployed there at all, it
 * fails at once (waiting cannot change that).
 *
 *   npm run pacts:can-i-deploy -- --to-environment production [--version <sha>] [--pacticipant <name>]...
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrokerConnection, brokerConnection } from './broker/config';
import { diagnose, succeeded } from './broker/diagnose';
import { failure, runMain } from './broker/errors';
import { runBroker } from './broker/pact-cli';
import { consumersOf, GENERATED_PACTS_DIR, pactsToPublish } from './broker/pact-files';
import { consumerVersion } from './broker/version';

export interface CanIDeployOptions {
  pacticipant: string;
  version: string;
  environment: string;
  /** How many times to ask again while a verification result is unknown. */
  retryWhileUnknown: number;
  retryIntervalSeconds: number;
  connection: BrokerConnection;
  echo?: (text: string) => void;
  /** Waits between questions; a test passes one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface MatrixRow {
  consumer: { name: string; version?: { number: string } | null };
  provider: { name: string; version?: { number: string } | null };
  verificationResult?: { success?: boolean | null } | null;
}

export interface CanIDeployAnswer {
  deployable: boolean;
  reason: string;
  rows: MatrixRow[];
}

export async function canIDeploy(options: CanIDeployOptions): Promise<CanIDeployAnswer> {
  const { pacticipant, version, environment, connection, echo } = options;
  // One question per call, the asking again is done here: the CLI's own --retry-while-unknown
  // also retries an answer that will never change (no LMS version deployed at all).
  const args = [
    'can-i-deploy',
    '--pacticipant',
    pacticipant,
    '--version',
    version,
    '--to-environment',
    environment,
    // JSON, so this step (not a table scraper) tells "no" from "not verified yet".
    '--output',
    'json',
  ];
  const action = `check whether ${pacticipant} ${version} can be deployed to ${environment}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let asked = 0; ; asked += 1) {
    // The JSON answer is summarised below rather than echoed.
    const run = await runBroker(args, {
      connection,
      timeoutMs: 60_000,
      echoOutput: false,
      ...(echo && asked === 0 ? { echo } : {}),
    });
    if (!succeeded(run)) throw diagnose(run, { action, connection });
    const answer = parseMatrix(run.stdout);
    if (!answer) {
      throw failure(
        action,
        `the broker's answer is not a can-i-deploy matrix (${run.stdout.slice(0, 200)})`,
        'Check that PACT_BROKER_BASE_URL points at a Pact Broker.',
      );
    }
    const outcome = judge(answer, options, asked, action);
    if (outcome === 'ask again') {
      echo?.(
        `[ci] can-i-deploy: ${providers(pendingRows(answer.rows))} has not verified ${pacticipant} ${version} yet; asking again in ${options.retryIntervalSeconds} s (${asked + 1}/${options.retryWhileUnknown}).\n`,
      );
      await sleep(options.retryIntervalSeconds * 1000);
      continue;
    }
    return outcome;
  }
}

/** The broker's reason when no version of the provider is recorded in the environment
 *  (pact_broker's matrix/deployment_status_summary: "...(no version is currently recorded as
 *  deployed/released in this environment)"). Asking again cannot change that answer. */
const NO_PROVIDER_DEPLOYED = /no version is currently recorded as deployed/i;

function pendingRows(rows: MatrixRow[]): MatrixRow[] {
  return rows.filter((row) => row.verificationResult?.success == null);
}

function judge(
  answer: { deployable: boolean | null; reason: string; rows: MatrixRow[] },
  options: CanIDeployOptions,
  asked: number,
  action: string,
): CanIDeployAnswer | 'ask again' {
  const pending = pendingRows(answer.rows);
  const failed = answer.rows.filter((row) => row.verificationResult?.success === false);
  if (answer.deployable === true) {
    return { deployable: true, reason: answer.reason, rows: answer.rows };
  }
  if (answer.deployable === null || (failed.length === 0 && pending.length > 0)) {
    if (NO_PROVIDER_DEPLOYED.test(answer.reason)) {
      throw failure(
        action,
        `no version of ${providers(pending)} is recorded as deployed to ${options.environment} (${answer.reason})`,
        `Nothing has verified against ${options.environment} yet, and waiting will not change that: the provider's pipeline must record its deployment (\`pact broker record-deployment --pacticipant ${pending[0]?.provider.name ?? 'lms'} --version <sha> --environment ${options.environment}\`). Check the environment name, too.`,
      );
    }
    if (asked < options.retryWhileUnknown) return 'ask again';
    throw failure(
      action,
      `the verification by ${providers(pending)} is still pending after ${options.retryWhileUnknown} retries (${answer.reason})`,
      'The LMS has not published a verification result for this version yet: check the verification workflow that the broker webhook starts, then re-run this step (or raise --retry-while-unknown).',
    );
  }
  throw failure(
    action,
    `the broker says no (${answer.reason || 'no reason given'})`,
    failed.length > 0
      ? `${providers(failed)} failed to verify this version's pact: read the verification result in the broker, then fix the contract or the provider before deploying.`
      : 'Read the reason above: usually a provider version in that environment has not verified this pact.',
  );
}

function providers(rows: MatrixRow[]): string {
  const names = [...new Set(rows.map((row) => row.provider.name))];
  return names.length > 0 ? names.join(', ') : 'the providers';
}

function parseMatrix(
  stdout: string,
): { deployable: boolean | null; reason: string; rows: MatrixRow[] } | undefined {
  const start = stdout.indexOf('{');
  if (start < 0) return undefined;
  try {
    const body = JSON.parse(stdout.slice(start)) as {
      summary?: { deployable?: boolean | null; reason?: string };
      matrix?: MatrixRow[];
    };
    if (!body.summary) return undefined;
    return {
      deployable: body.summary.deployable ?? null,
      reason: (body.summary.reason ?? '').replace(/\s+/g, ' ').trim(),
      rows: body.matrix ?? [],
    };
  } catch {
    return undefined;
  }
}

function describeRows(rows: MatrixRow[]): string {
  return rows
    .map((row) => {
      const result = row.verificationResult?.success;
      const status = result === true ? 'verified' : result === false ? 'FAILED' : 'pending';
      return `[ci]   ${row.consumer.name} ${row.consumer.version?.number ?? '?'} <- ${row.provider.name} ${row.provider.version?.number ?? '(none)'}: ${status}\n`;
    })
    .join('');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'to-environment': { type: 'string' },
      pacticipant: { type: 'string', multiple: true },
      pacts: { type: 'string', default: GENERATED_PACTS_DIR },
      version: { type: 'string' },
      'retry-while-unknown': { type: 'string', default: '30' },
      'retry-interval': { type: 'string', default: '10' },
      'broker-url': { type: 'string' },
    },
  });
  const environment = values['to-environment'];
  if (!environment) {
    throw failure(
      'run can-i-deploy',
      '--to-environment is missing',
      'Pass --to-environment <name>, e.g. production.',
    );
  }
  const retryWhileUnknown = wholeNumber('--retry-while-unknown', values['retry-while-unknown']);
  const retryIntervalSeconds = wholeNumber('--retry-interval', values['retry-interval']);
  const connection = brokerConnection(process.env, { brokerUrl: values['broker-url'] });
  const version = consumerVersion({ version: values.version });
  const pacticipants =
    values.pacticipant ?? consumersOf(pactsToPublish(path.resolve(values.pacts)));
  const log = (text: string) => process.stdout.write(text);
  for (const pacticipant of pacticipants) {
    log(`[ci] can-i-deploy: ${pacticipant} ${version} to ${environment}?\n`);
    const answer = await canIDeploy({
      pacticipant,
      version,
      environment,
      retryWhileUnknown,
      retryIntervalSeconds,
      connection,
      echo: log,
    });
    log(describeRows(answer.rows));
    log(`[ci] can-i-deploy: yes for ${pacticipant} (${answer.reason}).\n`);
  }
}

function wholeNumber(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw failure(
      'run can-i-deploy',
      `${flag} must be a whole number, not "${value}"`,
      `Pass e.g. ${flag} 10.`,
    );
  }
  return n;
}

if (require.main === module) runMain(main);
