/**
 * `npm start -- --broker-url <url> --branch <name>` and/or `--environment <name>`: the stub
 * serves the pacts a Pact Broker holds instead of generated-pacts/: the latest pact of each
 * consumer published from a branch, or what is deployed or released to an environment (what
 * users stub most: production). stub/cli.ts calls this first: it takes the broker flags out of
 * the arguments, fetches the pacts of the stub's `--provider` (default lms) into a temporary
 * folder (pact-broker-client/fetch-pacts.ts, a plain Pact Broker client the broker contract
 * drives too) and hands the stub `--pacts <folder>`.
 */
import fs from 'node:fs';
import { BrokerSourceError, redactUrls } from '../../pact-broker-client/connection';
import {
  describeSelection,
  fetchPactsFromBroker,
  MIN_BROKER_VERSION,
} from '../../pact-broker-client/fetch-pacts';

export const BROKER_SOURCE_HELP = [
  'Serve the pacts of a Pact Broker instead of generated-pacts/:',
  '  --broker-url <url>    Pact Broker to fetch the pacts from (default: PACT_BROKER_BASE_URL).',
  '  --branch <name>       The latest pact of each consumer published from this branch.',
  '  --environment <name>  The pacts of the consumer versions deployed or released there.',
  `  Needs Pact Broker ${MIN_BROKER_VERSION} or later. Credentials: PACT_BROKER_TOKEN, or`,
  '  PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (or user:password@ in the URL).',
  '',
].join('\n');

export type BrokerSourceResult =
  | {
      argv: string[];
      /** The broker (no credentials in its URL) and which pacts it gave, when they came from
       *  one: the admin page shows them. */
      broker?: { url: string; selection: string };
    }
  | { error: string };

const FLAGS = ['broker-url', 'branch', 'environment'] as const;

interface Taken {
  rest: string[];
  values: Map<string, string | undefined>;
}

/** Removes `--name value` and `--name=value` of the given flags from argv. */
function take(argv: readonly string[], names: readonly string[]): Taken {
  const rest: string[] = [];
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const name = names.find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) {
      rest.push(arg);
    } else if (arg.includes('=')) {
      values.set(name, arg.slice(arg.indexOf('=') + 1));
    } else {
      const next = argv[i + 1];
      values.set(name, next !== undefined && !next.startsWith('--') ? next : undefined);
      if (next !== undefined && !next.startsWith('--')) i += 1;
    }
  }
  return { rest, values };
}

export async function pactsFromBroker(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BrokerSourceResult> {
  const { rest, values } = take(argv, FLAGS);
  if (values.size === 0) return { argv: [...argv] };
  if (rest.includes('--help') || rest.includes('-h')) return { argv: rest };

  for (const flag of FLAGS) {
    if (values.has(flag) && !values.get(flag)) {
      const example = { 'broker-url': '<url>', branch: 'main', environment: 'production' }[flag];
      return { error: `Failed to read --${flag}: it needs a value. Pass --${flag} ${example}.` };
    }
  }
  const branch = values.get('branch');
  const environment = values.get('environment');
  if (!branch && !environment) {
    return {
      error:
        'Failed to fetch pacts from the broker: say which ones. Pass --branch <name> (e.g. main) and/or --environment <name> (e.g. production).',
    };
  }
  const brokerUrl = values.get('broker-url') ?? env.PACT_BROKER_BASE_URL;
  if (!brokerUrl) {
    return {
      error:
        'Failed to fetch pacts from the broker: there is no --broker-url and PACT_BROKER_BASE_URL is not set. Pass --broker-url <url>.',
    };
  }
  if (rest.some((arg) => arg === '--pacts' || arg.startsWith('--pacts='))) {
    return {
      error:
        'Failed to read the options: --pacts and --broker-url both choose what to serve. Pass one of them.',
    };
  }
  const provider = take(rest, ['provider']).values.get('provider') ?? 'lms';
  const selection = describeSelection({ branch, environment });
  try {
    const fetched = await fetchPactsFromBroker({ brokerUrl, branch, environment, provider, env });
    process.once('exit', () => fs.rmSync(fetched.dir, { recursive: true, force: true }));
    out(
      `[stub] Fetched ${fetched.files.length} ${provider} pact(s) ${selection} from ${fetched.login.baseUrl} (sent ${fetched.login.description}).\n`,
    );
    return {
      argv: [...rest, '--pacts', fetched.dir],
      broker: { url: fetched.login.baseUrl, selection },
    };
  } catch (error) {
    if (error instanceof BrokerSourceError) {
      return {
        error: redactUrls(`Failed to fetch the ${provider} pacts ${selection}: ${error.message}.`),
      };
    }
    throw error;
  }
}
