/**
 * `npm start -- --broker-url <url> --branch <name>` and/or `--environment <name>`: the stub
 * serves the pacts a Pact Broker holds instead of generated-pacts/: the latest pact of each
 * consumer published from a branch, or what is deployed or released to an environment (what
 * users stub most: production). stub/cli.ts calls this first: it takes the broker flags out of
 * the arguments, fetches the pacts of every backend the stub is to serve (the LMS and each
 * profile served by default, or `--provider`'s alone; plus each `--backend-port` provider) into
 * one temporary folder (pact-broker-client/fetch-pacts.ts, a plain Pact Broker client the broker
 * contract drives too) and hands the stub `--pacts <folder>`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrokerSourceError, redactUrls } from '../../pact-broker-client/connection';
import {
  describeSelection,
  type FetchedPacts,
  fetchPactsFromBroker,
  MIN_BROKER_VERSION,
  NoPactsError,
} from '../../pact-broker-client/fetch-pacts';
import { PROFILES, profileFor } from '../profiles';

export const BROKER_SOURCE_HELP = [
  'Serve the pacts of a Pact Broker instead of generated-pacts/:',
  '  --broker-url <url>    Pact Broker to fetch the pacts from (default: PACT_BROKER_BASE_URL).',
  '  --branch <name>       The latest pact of each consumer published from this branch.',
  '  --environment <name>  The pacts of the consumer versions deployed or released there.',
  '  Fetches the pacts of every backend served (the LMS, Studio, each --backend-port provider;',
  "  --provider's alone); a backend besides the first the broker has none of is left out.",
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

/** The provider of each `--backend-port <provider>=<port>` (stub/config.ts checks the rest). */
function backendPortProviders(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) => {
    const value = arg.startsWith('--backend-port=')
      ? arg.slice('--backend-port='.length)
      : arg === '--backend-port'
        ? argv[i + 1]
        : undefined;
    const provider = value?.split('=')[0]?.trim();
    return provider ? [provider] : [];
  });
}

/**
 * The providers whose pacts to fetch: those the stub would serve from local pacts
 * (stub/load/served.ts): `--provider X` alone, else the LMS and every profile served by
 * default; and each `--backend-port` provider. The first is the primary backend, without whose
 * pacts there is nothing to serve.
 */
export function providersToFetch(argv: readonly string[]): {
  primary: string;
  others: string[];
  named: Set<string>;
} {
  const provider = take(argv, ['provider']).values.get('provider');
  const primary = provider ?? 'lms';
  const named = new Set(backendPortProviders(argv));
  const byDefault =
    provider === undefined
      ? PROFILES.filter((profile) => profile.servedByDefault).map((p) => p.provider)
      : [];
  const others = [...new Set([...byDefault, ...named])].filter((p) => p !== primary);
  return { primary, others, named };
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
  const { primary, others, named } = providersToFetch(rest);
  const selection = describeSelection({ branch, environment });
  // One folder for every provider's pacts: the stub reads it as one --pacts.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-pacts-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  // The broker without credentials, as the primary's fetch (which must succeed) found it.
  let url = '';
  for (const provider of [primary, ...others]) {
    let fetched: FetchedPacts;
    try {
      fetched = await fetchPactsFromBroker({
        brokerUrl,
        branch,
        environment,
        provider,
        env,
        dir,
      });
    } catch (error) {
      if (error instanceof NoPactsError && provider !== primary) {
        // A backend besides the primary one may be missing (Studio's pacts on a broker nobody
        // published them to yet): the stub serves the others, and says so in one line.
        const { title } = profileFor(provider);
        out(
          `[stub] ${
            named.has(provider)
              ? `Serving ${title} with no interactions (--backend-port)`
              : `Not serving ${title}`
          }: ${redactUrls(error.finding)}.\n`,
        );
        continue;
      }
      removeDir();
      if (error instanceof BrokerSourceError) {
        return {
          error: redactUrls(
            `Failed to fetch the ${provider} pacts ${selection}: ${error.message}.`,
          ),
        };
      }
      throw error;
    }
    url = fetched.login.baseUrl;
    out(
      `[stub] Fetched ${fetched.files.length} ${provider} pact(s) ${selection} from ${fetched.login.baseUrl} (sent ${fetched.login.description}).\n`,
    );
  }
  process.once('exit', removeDir);
  return { argv: [...rest, '--pacts', dir], broker: { url, selection } };
}
