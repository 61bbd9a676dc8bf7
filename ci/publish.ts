/**
 * Step `publish`: publishes every pact of generated-pacts/ to the Pact Broker as consumer version
 * = git SHA, with the git branch and, in CI, the build URL.
 *
 *   npm run pacts:publish -- [--pacts <dir>] [--version <sha>] [--branch <name>] [--build-url <url>]
 *
 * Refuses to publish pacts that differ from the commit they would be published as: the broker
 * would then hold, under that commit's SHA, a contract that the commit does not contain.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrokerConnection, brokerConnection } from './broker/config';
import { diagnose, succeeded } from './broker/diagnose';
import { failure, runMain } from './broker/errors';
import { runBroker } from './broker/pact-cli';
import {
  GENERATED_PACTS_DIR,
  type PactFileInfo,
  pactsToPublish,
  REPO_ROOT,
} from './broker/pact-files';
import { type Git, git, type VersionFacts, versionFacts } from './broker/version';

export interface PublishOptions extends VersionFacts {
  pacts: readonly PactFileInfo[];
  connection: BrokerConnection;
  echo?: (text: string) => void;
}

export async function publishPacts(options: PublishOptions): Promise<void> {
  const { pacts, version, branch, buildUrl, connection, echo } = options;
  const args = [
    'publish',
    ...pacts.map((pact) => path.relative(process.cwd(), pact.file) || pact.file),
    '--consumer-app-version',
    version,
    '--branch',
    branch,
    ...(buildUrl ? ['--build-url', buildUrl] : []),
  ];
  const run = await runBroker(args, { connection, ...(echo ? { echo } : {}) });
  if (!succeeded(run)) {
    const consumers = [...new Set(pacts.map((pact) => pact.consumer))].join(', ');
    throw diagnose(run, {
      action: `publish the pacts to ${connection.baseUrl}`,
      connection,
      subject: `${consumers} version ${version}`,
    });
  }
}

/** Fails when the pacts to publish have uncommitted changes (only inside a git checkout). */
export function assertCommitted(dir: string, runGit: Git = git): void {
  const status = runGit(['status', '--porcelain', '--', dir]);
  if (status) {
    throw failure(
      'publish the pacts',
      `${path.relative(REPO_ROOT, dir) || dir} has uncommitted changes, so the commit's SHA would not describe them:\n${status}\n`,
      'Commit the contract change together with its regenerated pacts, then publish.',
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pacts: { type: 'string', default: GENERATED_PACTS_DIR },
      version: { type: 'string' },
      branch: { type: 'string' },
      'build-url': { type: 'string' },
      'broker-url': { type: 'string' },
    },
  });
  const connection = brokerConnection(process.env, { brokerUrl: values['broker-url'] });
  const facts = versionFacts({
    version: values.version,
    branch: values.branch,
    buildUrl: values['build-url'],
  });
  const dir = path.resolve(values.pacts);
  const pacts = pactsToPublish(dir);
  assertCommitted(dir);
  const log = (text: string) => process.stdout.write(text);
  log(
    connection.mask(
      `[ci] publish: ${pacts.length} pact(s) to ${connection.baseUrl} (${connection.authDescription}) ` +
        `as version ${facts.version}, branch ${facts.branch}${facts.buildUrl ? `, build ${facts.buildUrl}` : ''}\n`,
    ),
  );
  await publishPacts({ ...facts, pacts, connection, echo: log });
  log(`[ci] publish: done (${pacts.map((p) => `${p.consumer} -> ${p.provider}`).join(', ')}).\n`);
}

if (require.main === module) runMain(main);
