/**
 * Step `record-deployment`: tells the broker that the consumers of generated-pacts/ at this
 * version (the git SHA) are now deployed to an environment, so that later can-i-deploy checks
 * (of the LMS, and of the next MFE version) compare against what really runs there.
 *
 *   npm run pacts:record-deployment -- --environment production [--version <sha>] [--pacticipant <name>]...
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrokerConnection, brokerConnection } from './broker/config';
import { diagnose, succeeded } from './broker/diagnose';
import { failure, runMain } from './broker/errors';
import { runBroker } from './broker/pact-cli';
import { consumersOf, GENERATED_PACTS_DIR, pactsToPublish } from './broker/pact-files';
import { consumerVersion } from './broker/version';

export interface RecordDeploymentOptions {
  pacticipant: string;
  version: string;
  environment: string;
  applicationInstance?: string | undefined;
  connection: BrokerConnection;
  echo?: (text: string) => void;
}

export async function recordDeployment(options: RecordDeploymentOptions): Promise<void> {
  const { pacticipant, version, environment, applicationInstance, connection, echo } = options;
  const args = [
    'record-deployment',
    '--pacticipant',
    pacticipant,
    '--version',
    version,
    '--environment',
    environment,
    ...(applicationInstance ? ['--application-instance', applicationInstance] : []),
  ];
  const run = await runBroker(args, { connection, ...(echo ? { echo } : {}) });
  if (!succeeded(run)) {
    throw diagnose(run, {
      action: `record the deployment of ${pacticipant} ${version} to ${environment}`,
      connection,
    });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      environment: { type: 'string' },
      pacticipant: { type: 'string', multiple: true },
      pacts: { type: 'string', default: GENERATED_PACTS_DIR },
      version: { type: 'string' },
      'application-instance': { type: 'string' },
      'broker-url': { type: 'string' },
    },
  });
  const environment = values.environment;
  if (!environment) {
    throw failure(
      'record the deployment',
      '--environment is missing',
      'Pass --environment <name>, e.g. production.',
    );
  }
  const connection = brokerConnection(process.env, { brokerUrl: values['broker-url'] });
  const version = consumerVersion({ version: values.version });
  const pacticipants =
    values.pacticipant ?? consumersOf(pactsToPublish(path.resolve(values.pacts)));
  const log = (text: string) => process.stdout.write(text);
  for (const pacticipant of pacticipants) {
    log(`[ci] record-deployment: ${pacticipant} ${version} -> ${environment}\n`);
    await recordDeployment({
      pacticipant,
      version,
      environment,
      applicationInstance: values['application-instance'],
      connection,
      echo: log,
    });
  }
  log(`[ci] record-deployment: done (${pacticipants.join(', ')}).\n`);
}

if (require.main === module) runMain(main);
