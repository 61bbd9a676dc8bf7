/**
 * Where the Pact Broker is and how its client (./fetch-pacts.ts) logs in to it, from
 * `--broker-url` or the variables every Pact tool reads (PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN,
 * PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD). Credentials written into the URL
 * (`https://user:pass@broker`) are taken out of it and sent as basic auth, as the `pact` CLI
 * does: the URL the caller prints never holds them, and messages say which login was actually
 * sent.
 */

export class BrokerSourceError extends Error {
  override name = 'BrokerSourceError';
  constructor(
    message: string,
    /** The HTTP status the broker refused with, when it answered at all. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface BrokerLogin {
  /** Broker root without credentials or trailing slash: safe to print. */
  baseUrl: string;
  /** The Authorization header to send, if any. */
  authorization?: string;
  /** What was sent, for messages: `a token`, `basic auth as <user>`, `no credentials`. */
  description: string;
  /** The login is a token while username/password are set too (the token wins). */
  tokenOverBasic: boolean;
}

/** Replaces the userinfo of every URL in `text` with `***`. */
export function redactUrls(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi, '$1***@');
}

export function brokerLogin(rawUrl: string, env: NodeJS.ProcessEnv): BrokerLogin {
  let url: URL;
  try {
    url = new URL(rawUrl.trim());
  } catch {
    throw new BrokerSourceError(
      `"${redactUrls(rawUrl)}" is not a URL. Pass the broker root with its scheme, e.g. --broker-url https://pact-broker.example.org`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BrokerSourceError(
      `"${redactUrls(rawUrl)}" is not an http(s) URL. Pass the broker root, e.g. --broker-url https://pact-broker.example.org`,
    );
  }
  const urlUser = decodeURIComponent(url.username);
  const urlPassword = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const baseUrl = url.toString().replace(/\/+$/, '');
  const token = nonEmpty(env.PACT_BROKER_TOKEN);
  const username = urlUser || nonEmpty(env.PACT_BROKER_USERNAME);
  const password = urlUser ? urlPassword : nonEmpty(env.PACT_BROKER_PASSWORD);
  const from = urlUser ? ' (from the URL)' : '';
  if (token) {
    return {
      baseUrl,
      authorization: `Bearer ${token}`,
      description: 'a token (PACT_BROKER_TOKEN)',
      tokenOverBasic: username !== undefined,
    };
  }
  if (username) {
    return {
      baseUrl,
      authorization: `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`,
      description: `basic auth as ${username}${from}`,
      tokenOverBasic: false,
    };
  }
  return { baseUrl, description: 'no credentials', tokenOverBasic: false };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
