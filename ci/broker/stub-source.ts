/**
 * `npm start -- --broker-url <url> --branch <name>`: the stub serves the pacts that the Pact
 * Broker holds for a branch (the latest of each consumer) instead of generated-pacts/, so a team
 * serves what is on main without regenerating anything locally.
 *
 * stub/cli.ts calls this first: it takes `--broker-url` and `--branch` out of the arguments,
 * fetches the pacts of the stub's `--provider` (default lms) with `pact broker get-pacts`
 * (ci/broker/get-pacts.ts) into a temporary folder, and hands the stub `--pacts <folder>`.
 * Credentials come from PACT_BROKER_TOKEN or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD, as for
 * every ci/ step; `--broker-url` may be left out when PACT_BROKER_BASE_URL is set.
 */
import fs from 'node:fs';
import { CiError } from './errors';
import { fetchPactsFromBroker } from './get-pacts';
import { createMask } from './mask';

export const BROKER_SOURCE_HELP = [
  'Serve the Pact Broker instead of generated-pacts/:',
  '  --broker-url <url>  Pact Broker to fetch the pacts from (default: PACT_BROKER_BASE_URL).',
  '  --branch <name>     Serve the latest pact of each consumer published from this branch.',
  '  Credentials: PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD.',
  '',
].join('\n');

export type BrokerSourceResult =
  | {
      argv: string[];
      /** The broker and branch served, when they were (the admin page shows them); the URL's
       *  user name and password are masked. */
      broker?: { url: string; branch: string };
    }
  | { error: string };

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

function flagValue(argv: readonly string[], name: string): string | undefined {
  return take(argv, [name]).values.get(name);
}

export async function pactsFromBroker(
  argv: readonly string[],
  out: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BrokerSourceResult> {
  const { rest, values } = take(argv, ['broker-url', 'branch']);
  if (values.size === 0) return { argv: [...argv] };
  if (rest.includes('--help') || rest.includes('-h')) return { argv: rest };

  const brokerUrl = values.get('broker-url');
  const branch = values.get('branch');
  if (values.has('broker-url') && !brokerUrl) {
    return { error: 'Failed to read --broker-url: it needs a URL. Pass --broker-url <url>.' };
  }
  if (!branch) {
    return {
      error:
        'Failed to fetch pacts from the broker: --branch <name> is missing. Pass the branch to serve, e.g. --branch main.',
    };
  }
  if (!brokerUrl && !env.PACT_BROKER_BASE_URL) {
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
  const provider = flagValue(rest, 'provider') ?? 'lms';
  try {
    const fetched = await fetchPactsFromBroker({ brokerUrl, branch, provider, env });
    process.once('exit', () => fs.rmSync(fetched.dir, { recursive: true, force: true }));
    out(
      `[stub] Fetched ${fetched.files.length} ${provider} pact(s) of branch ${branch} from ${brokerUrl ?? env.PACT_BROKER_BASE_URL}.\n`,
    );
    return {
      argv: [...rest, '--pacts', fetched.dir],
      broker: {
        url: createMask([])(brokerUrl ?? env.PACT_BROKER_BASE_URL ?? ''),
        branch,
      },
    };
  } catch (error) {
    if (error instanceof CiError) return { error: error.message.replace(/^\[ci\] /, '') };
    throw error;
  }
}
