/**
 * Where the broker is and how to log in to it, from the conventional variables only (the same
 * names the `pact broker` CLI and every Pact tool read), so a laptop and CI configure it alike:
 *
 * | variable | meaning |
 * |---|---|
 * | `PACT_BROKER_BASE_URL` | the broker, e.g. `https://pact-broker.example.org` (required) |
 * | `PACT_BROKER_TOKEN` | bearer token (PactFlow, or a broker behind a token proxy) |
 * | `PACT_BROKER_USERNAME` / `PACT_BROKER_PASSWORD` | basic auth (the OSS Pact Broker) |
 * | `PACT_BROKER_HTTP_RETRIES` | retries of transient failures (5xx, 408, 429, no connection); default 4 here |
 *
 * A `--broker-url` flag wins over `PACT_BROKER_BASE_URL`. The token wins over basic auth, as in
 * the CLI. Credentials written into the URL (`https://user:pass@broker`) are taken out of it and
 * handed to the CLI as PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD (the CLI would send them as
 * basic auth anyway), so the URL every message prints holds none, and the messages say the login
 * that was really sent. Credentials only ever travel to the CLI through its environment, never as
 * arguments, so a printed command line cannot leak them.
 */
import { failure } from './errors';
import { createMask, type Mask } from './mask';

/** The CLI retries 5xx/408/429 and refused connections with exponential back-off from 0.5 s.
 *  Its default of 8 retries waits about a minute for a broker that is down; 4 retries wait
 *  7.5 s, enough for a broker restart or a proxy hiccup, short enough to fail a build fast. */
export const DEFAULT_HTTP_RETRIES = '4';

export interface BrokerConnection {
  baseUrl: string;
  /** How we log in, for messages: `a token`, `basic auth as <user>` or `no credentials`. */
  authDescription: string;
  /** A token is sent while a username is set too: the token wins, the username is ignored. */
  tokenOverBasic: boolean;
  /** Environment for the `pact` child process. */
  env: NodeJS.ProcessEnv;
  mask: Mask;
}

export function brokerConnection(
  env: NodeJS.ProcessEnv = process.env,
  flags: { brokerUrl?: string | undefined } = {},
): BrokerConnection {
  const raw = (flags.brokerUrl ?? env.PACT_BROKER_BASE_URL ?? '').trim();
  const parsed = parseUrl(raw);
  const urlUser = parsed ? decodeURIComponent(parsed.username) : '';
  const urlPassword = parsed ? decodeURIComponent(parsed.password) : '';
  const token = nonEmpty(env.PACT_BROKER_TOKEN);
  const username = urlUser || nonEmpty(env.PACT_BROKER_USERNAME);
  const password = urlUser ? urlPassword : nonEmpty(env.PACT_BROKER_PASSWORD);
  const mask = createMask([
    token,
    password,
    username && password ? Buffer.from(`${username}:${password}`).toString('base64') : undefined,
  ]);

  if (raw === '') {
    throw failure(
      'find the Pact Broker',
      'PACT_BROKER_BASE_URL is not set',
      'Export PACT_BROKER_BASE_URL=https://<your broker> (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD), or pass --broker-url.',
    );
  }
  if (!parsed) {
    throw failure(
      'read PACT_BROKER_BASE_URL',
      `"${mask(raw)}" is not a URL`,
      'Set it to the broker address with its scheme, e.g. https://pact-broker.example.org.',
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw failure(
      'read PACT_BROKER_BASE_URL',
      `"${mask(raw)}" is not an http(s) URL`,
      'Set it to the broker address, e.g. https://pact-broker.example.org.',
    );
  }
  if (username && !password && !token) {
    throw failure(
      'log in to the Pact Broker',
      'PACT_BROKER_USERNAME is set but PACT_BROKER_PASSWORD is not',
      'Export both, or PACT_BROKER_TOKEN instead.',
    );
  }
  parsed.username = '';
  parsed.password = '';
  const baseUrl = parsed.toString().replace(/\/+$/, '');
  const authDescription = token
    ? 'a token'
    : username
      ? `basic auth as ${username}${urlUser ? ' (from the URL)' : ''}`
      : 'no credentials';
  // Only the login described above reaches the CLI: an empty PACT_BROKER_TOKEN (a CI secret
  // that is not set) would otherwise make it send `Authorization: Bearer ` and get a 400.
  const childEnv: NodeJS.ProcessEnv = { ...env };
  for (const name of ['PACT_BROKER_TOKEN', 'PACT_BROKER_USERNAME', 'PACT_BROKER_PASSWORD']) {
    if (nonEmpty(childEnv[name]) === undefined) delete childEnv[name];
  }
  if (!token && username) {
    childEnv.PACT_BROKER_USERNAME = username;
    childEnv.PACT_BROKER_PASSWORD = password;
  }
  return {
    baseUrl,
    authDescription,
    tokenOverBasic: token !== undefined && username !== undefined,
    mask,
    env: {
      ...childEnv,
      PACT_BROKER_BASE_URL: baseUrl,
      PACT_BROKER_HTTP_RETRIES: nonEmpty(env.PACT_BROKER_HTTP_RETRIES) ?? DEFAULT_HTTP_RETRIES,
    },
  };
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
