/**
 * Fetches from a Pact Broker the pacts a provider's stand-in should serve: the latest pact of each
 * consumer published from a branch (`--branch main`), and/or the pacts of the consumer versions
 * deployed or released to an environment (`--environment production`).
 *
 * A neutral module, neither stub/ nor contracts/: it knows only the Pact Broker's HTTP API and
 * the PACT_BROKER_* conventions. The stub uses it as a pact source (stub/broker/source.ts, behind
 * `npm start -- --broker-url`); the broker contract (contracts/pact-broker/broker-source.pact.test.ts)
 * drives it as the real consumer client. So neither of them imports the other.
 *
 * It asks the broker's "pacts for verification" resource (the index's
 * `pb:provider-pacts-for-verification` relation) with consumer version selectors, exactly as a
 * provider's verifier does: `{"branch": "main", "latest": true}` and `{"environment":
 * "production"}`. That resource exists in every broker that knows branches and environments
 * (pact_broker 2.80.0, July 2021, and later; PactFlow), unlike the per-branch pact lists that
 * appeared in 2.117. Each selected pact is then downloaded and written as a plain pact file.
 *
 * Plain `fetch`, no pact CLI: the stub ships without the CLI.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrokerLogin, BrokerSourceError, brokerLogin, redactUrls } from './connection';

export const MIN_BROKER_VERSION = '2.80.0';
const REQUEST_TIMEOUT_MS = 30_000;

export interface PactSelection {
  branch?: string | undefined;
  environment?: string | undefined;
}

export interface FetchPactsOptions extends PactSelection {
  brokerUrl: string;
  provider: string;
  env?: NodeJS.ProcessEnv;
  /** Folder to write into (default: a new temporary folder). */
  dir?: string;
}

export interface FetchedPacts {
  dir: string;
  files: string[];
  /** The broker root without credentials, and the login that was sent. */
  login: BrokerLogin;
}

/** `branch main`, `environment production` or both, for messages. */
export function describeSelection(selection: PactSelection): string {
  return [
    selection.branch ? `of branch ${selection.branch}` : '',
    selection.environment ? `deployed or released to ${selection.environment}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

export function consumerVersionSelectors(selection: PactSelection): Record<string, unknown>[] {
  const selectors: Record<string, unknown>[] = [];
  // latest: true is the default for a branch selector from 2.80.0; said explicitly all the same.
  if (selection.branch) selectors.push({ branch: selection.branch, latest: true });
  if (selection.environment) selectors.push({ environment: selection.environment });
  return selectors;
}

export async function fetchPactsFromBroker(options: FetchPactsOptions): Promise<FetchedPacts> {
  const login = brokerLogin(options.brokerUrl, options.env ?? process.env);
  const broker = new BrokerClient(login);

  const index = await broker.json('GET', `${login.baseUrl}/`);
  const link = halLink(index, 'pb:provider-pacts-for-verification');
  if (!link) {
    throw new BrokerSourceError(
      `the broker at ${login.baseUrl} has no "pacts for verification" resource (pb:provider-pacts-for-verification), so it is older than the Pact Broker ${MIN_BROKER_VERSION} this needs (or not a Pact Broker). Upgrade the broker, or serve a folder with --pacts`,
    );
  }
  const forVerification = link.replace('{provider}', encodeURIComponent(options.provider));
  const none = (unknownProvider: boolean) =>
    new NoPactsError(login.baseUrl, options.provider, options, unknownProvider);
  let answer: unknown;
  try {
    answer = await broker.json('POST', forVerification, {
      consumerVersionSelectors: consumerVersionSelectors(options),
    });
  } catch (error) {
    // The link came from the broker's own index, so a 404 is the broker's "no provider with
    // that name" (no pact was ever published for it), not a wrong URL.
    if (error instanceof BrokerSourceError && error.status === 404) throw none(true);
    throw error;
  }
  const pactUrls = pactLinks(answer);
  if (pactUrls.length === 0) throw none(false);
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'broker-pacts-'));
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const taken = new Map<string, number>();
  for (const url of pactUrls) {
    const pact = await broker.json('GET', url);
    files.push(writePlainPact(pact, dir, taken, url));
  }
  return { dir, files, login };
}

/** The broker holds no pact of the provider for the selection (none published, or the
 *  provider unknown to it): a caller serving several providers may do without this one. */
export class NoPactsError extends BrokerSourceError {
  override name = 'NoPactsError';
  /** What is missing, without the advice: `the broker at <url> holds no cms pact of branch
   *  main (it knows no provider named cms)`. */
  readonly finding: string;
  constructor(
    baseUrl: string,
    readonly provider: string,
    selection: PactSelection,
    /** The broker answered 404: no pact of this provider was ever published to it. */
    readonly unknownProvider: boolean,
  ) {
    const finding = `the broker at ${baseUrl} holds no ${provider} pact ${describeSelection(selection)}${unknownProvider ? ` (it knows no provider named ${provider})` : ''}`;
    super(
      `${finding}. Check the names (provider ${provider}), or publish first (\`npm run pacts:publish\`; \`pact broker record-deployment\` for an environment)`,
    );
    this.finding = finding;
  }
}

/** Requests to one broker, with its login sent only to its own origin. */
class BrokerClient {
  constructor(private readonly login: BrokerLogin) {}

  async json(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/hal+json, application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // A link that leads to another host never gets the credentials.
    if (this.login.authorization && sameOrigin(url, this.login.baseUrl)) {
      headers.Authorization = this.login.authorization;
    }
    const shown = `${method} ${redactUrls(url)}`;
    let answer: Response;
    try {
      answer = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
          : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new BrokerSourceError(
        `the broker at ${this.login.baseUrl} is unreachable (${shown}: ${reason}). Check --broker-url (or PACT_BROKER_BASE_URL) and that the broker is up`,
      );
    }
    const text = await answer.text();
    if (!answer.ok) throw this.refusal(answer.status, answer.statusText, shown, text);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BrokerSourceError(
        `${shown} answered ${answer.status} with a body that is not JSON (${text.slice(0, 120)}). Check that --broker-url is the root of a Pact Broker`,
      );
    }
  }

  private refusal(status: number, statusText: string, shown: string, body: string) {
    const { baseUrl, description } = this.login;
    const answered = `${shown} answered ${status} ${statusText}`;
    if (status === 401) {
      return new BrokerSourceError(
        `the broker at ${baseUrl} rejected the credentials (${answered}; sent ${description}). Set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, to a login of this broker`,
        status,
      );
    }
    if (status === 403) {
      return new BrokerSourceError(
        `the broker at ${baseUrl} accepted the credentials but does not let them read pacts (${answered}; sent ${description}). Use a login that can read`,
        status,
      );
    }
    if (status === 400 && this.login.authorization?.startsWith('Bearer ')) {
      return new BrokerSourceError(
        `the broker at ${baseUrl} answered 400 to a token (${answered}; sent ${description}${this.login.tokenOverBasic ? ', which wins over PACT_BROKER_USERNAME' : ''}). A broker with basic auth answers 400 to a bearer token: unset PACT_BROKER_TOKEN and use PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD`,
        status,
      );
    }
    if (status === 404) {
      return new BrokerSourceError(
        `the broker at ${baseUrl} does not know ${shown.replace(/^\w+ /, '')} (404). Check that --broker-url is the broker root and the provider name`,
        status,
      );
    }
    const detail = body.trim().slice(0, 200);
    return new BrokerSourceError(
      `${answered}${detail ? ` (${detail})` : ''}. ${status >= 500 ? 'The broker is in trouble: check its logs, then start again' : 'Check the options you passed'}`,
      status,
    );
  }
}

function sameOrigin(url: string, baseUrl: string): boolean {
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

function halLink(resource: unknown, relation: string): string | undefined {
  const links = (resource as { _links?: Record<string, { href?: unknown }> } | null)?._links;
  const href = links?.[relation]?.href;
  return typeof href === 'string' ? href : undefined;
}

function pactLinks(answer: unknown): string[] {
  const pacts = (answer as { _embedded?: { pacts?: unknown } } | null)?._embedded?.pacts;
  if (!Array.isArray(pacts)) {
    throw new BrokerSourceError(
      'the "pacts for verification" answer has no _embedded.pacts list. Check that --broker-url is a Pact Broker',
    );
  }
  return pacts.flatMap((pact) => {
    const href = halLink(pact, 'self');
    return href ? [href] : [];
  });
}

/** Drops the broker's additions and writes `<consumer>-<provider>.json` (a second pact of the
 *  same pair, e.g. two deployed versions, gets `-2`); returns its path. */
function writePlainPact(
  downloaded: unknown,
  dir: string,
  taken: Map<string, number>,
  url: string,
): string {
  const pact = downloaded as Record<string, unknown> & {
    consumer?: { name?: unknown };
    provider?: { name?: unknown };
  };
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (typeof consumer !== 'string' || typeof provider !== 'string') {
    throw new BrokerSourceError(
      `the pact at ${redactUrls(url)} has no consumer or provider name. Check what the broker holds`,
    );
  }
  const { _links: _l, createdAt: _c, ...plain } = pact;
  const base = `${consumer}-${provider}`.replace(/[^\w.-]/g, '_');
  const count = (taken.get(base) ?? 0) + 1;
  taken.set(base, count);
  const file = path.join(dir, count === 1 ? `${base}.json` : `${base}-${count}.json`);
  fs.writeFileSync(file, `${JSON.stringify(plain, null, 2)}\n`);
  return file;
}
