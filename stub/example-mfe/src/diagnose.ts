/**
 * Turns the error frontend-platform publishes with APP_INIT_ERROR into a diagnosis a developer
 * can act on: what failed, which config key is at fault and what to do. The platform's own
 * messages ("Axios Error (Request): (Possible local connectivity issue.)") name neither the URL
 * nor the cause, and a browser reports "nothing listening" and "CORS refused" identically, so
 * the page probes the failing origin once to tell them apart.
 *
 * Pure: no platform or DOM imports, so it is unit-tested under Node (diagnose.test.ts).
 */

/** What an error thrown by frontend-platform's auth client carries (auth/utils.js
 *  processAxiosError puts the request facts in `customAttributes`). */
export interface FailureFacts {
  message: string;
  httpErrorType?: string;
  httpErrorStatus?: number;
  httpErrorRequestUrl?: string;
  httpErrorRequestMethod?: string;
  httpErrorResponseData?: string;
}

/** The config values a diagnosis names. */
export interface DiagnosisConfig {
  LMS_BASE_URL: string;
  LOGIN_URL: string;
  REFRESH_ACCESS_TOKEN_ENDPOINT: string;
  ACCESS_TOKEN_COOKIE_NAME: string;
  MFE_CONFIG_API_URL?: string;
}

export interface Diagnosis {
  /** One sentence: what is wrong. */
  summary: string;
  /** The evidence: the failing request and what it got. */
  detail: string;
  /** What to do about it. */
  hint: string;
}

/** `answered`: something at the origin sent a response (even one the page may not read);
 *  `unreachable`: the connection failed. */
export type ProbeResult = 'answered' | 'unreachable';
export type Probe = (origin: string) => Promise<ProbeResult>;

const MAX_RESPONSE_EXCERPT = 300;

export function factsFromError(error: unknown): FailureFacts {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { message, customAttributes } = error as {
    message?: unknown;
    customAttributes?: Record<string, unknown>;
  };
  const attributes = customAttributes ?? {};
  const text = (key: string): string | undefined =>
    typeof attributes[key] === 'string' ? (attributes[key] as string) : undefined;
  return {
    message: typeof message === 'string' ? message : String(error),
    httpErrorType: text('httpErrorType'),
    httpErrorStatus:
      typeof attributes.httpErrorStatus === 'number' ? attributes.httpErrorStatus : undefined,
    httpErrorRequestUrl: text('httpErrorRequestUrl'),
    httpErrorRequestMethod: text('httpErrorRequestMethod'),
    httpErrorResponseData: text('httpErrorResponseData'),
  };
}

/** The config key a developer sets to change where `url` points. */
export function configKeyFor(url: string, config: DiagnosisConfig): keyof DiagnosisConfig {
  if (url === config.REFRESH_ACCESS_TOKEN_ENDPOINT) return 'REFRESH_ACCESS_TOKEN_ENDPOINT';
  if (config.MFE_CONFIG_API_URL && url.startsWith(config.MFE_CONFIG_API_URL)) {
    return 'MFE_CONFIG_API_URL';
  }
  return 'LMS_BASE_URL';
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function excerpt(data: string | undefined): string {
  if (!data || data === '(empty response)') return 'an empty body';
  return data.length > MAX_RESPONSE_EXCERPT ? `${data.slice(0, MAX_RESPONSE_EXCERPT)}…` : data;
}

function cookieHostMismatch(config: DiagnosisConfig, pageOrigin: string): Diagnosis {
  const pageHost = hostnameOf(pageOrigin);
  const lmsHost = hostnameOf(config.REFRESH_ACCESS_TOKEN_ENDPOINT);
  const sameHost = pageHost === lmsHost;
  return {
    summary: 'Logged in at the LMS, but this page cannot read the JWT cookie.',
    detail: sameHost
      ? `The page and the LMS are both on ${pageHost}, yet no ${config.ACCESS_TOKEN_COOKIE_NAME} cookie is readable here: the LMS did not set it, or set it for another domain, or set it HttpOnly.`
      : `The LMS (${lmsHost}) sets the ${config.ACCESS_TOKEN_COOKIE_NAME} cookie for its own host name, and this page is on ${pageHost}. Cookies are shared across ports, not across host names.`,
    hint: sameHost
      ? `Check the Set-Cookie header of POST ${config.REFRESH_ACCESS_TOKEN_ENDPOINT} and of the login redirect: host-only (no Domain), not HttpOnly.`
      : `Open the MFE and the stub on the same host name: both on localhost (e.g. LMS_BASE_URL=http://localhost:18000 with the MFE at http://localhost:<port>) or both on 127.0.0.1.`,
  };
}

interface FailedRequest {
  method: string;
  url: string;
  key: keyof DiagnosisConfig;
  keyValue: string;
}

function nothingAnswers({ method, url, key, keyValue }: FailedRequest): Diagnosis {
  const origin = originOf(url);
  return {
    summary: `Nothing answers at ${origin}: is the stub running?`,
    detail: `${method} ${url} gets no response: no server accepts connections at ${origin}. The MFE takes this address from ${key} (${keyValue}).`,
    hint: `Start the stub (npm start listens on http://localhost:18000), or point ${key} at the address the stub prints when it starts (LMS_BASE_URL, LOGIN_URL, LOGOUT_URL and REFRESH_ACCESS_TOKEN_ENDPOINT all name the stub).`,
  };
}

function answerBlocked(
  { method, url, key, keyValue }: FailedRequest,
  pageOrigin: string,
): Diagnosis {
  const origin = originOf(url);
  return {
    summary: `The browser blocks the answers from ${origin}: this page's origin is not allowed (CORS).`,
    detail: `A server is up at ${origin}, but its answer to ${method} ${url} does not allow ${pageOrigin} with credentials, so the browser hides it from the MFE.`,
    hint: `Allow ${pageOrigin} at the stub (its --origin option; the stub's log names the origin it refused), and check that ${key} (${keyValue}) points at the stub and not at another server.`,
  };
}

/**
 * Explains a boot that neither finished nor failed. frontend-platform retries a JWT refresh that
 * gets no response (nothing listening, or a response the browser blocks) without end, so a real
 * MFE just stays blank; the example MFE calls this after a while and shows the result while the
 * platform keeps retrying (the page starts by itself once the LMS answers).
 */
export async function diagnoseStalledBoot(
  config: DiagnosisConfig,
  pageOrigin: string,
  probe: Probe,
): Promise<Diagnosis> {
  const url = config.REFRESH_ACCESS_TOKEN_ENDPOINT;
  const request: FailedRequest = {
    method: 'POST',
    url,
    key: 'REFRESH_ACCESS_TOKEN_ENDPOINT',
    keyValue: url,
  };
  return (await probe(originOf(url))) === 'unreachable'
    ? nothingAnswers(request)
    : answerBlocked(request, pageOrigin);
}

/**
 * Explains an APP_INIT_ERROR. `probe` is only called when the request never got a response, to
 * tell "nothing listening" from "the browser refused the response" (CORS).
 */
export async function diagnoseInitError(
  facts: FailureFacts,
  config: DiagnosisConfig,
  pageOrigin: string,
  probe: Probe,
): Promise<Diagnosis> {
  if (facts.message.startsWith('Access token is still null after successful refresh')) {
    return cookieHostMismatch(config, pageOrigin);
  }
  if (facts.message.startsWith('Redirect from login page')) {
    const mismatch = cookieHostMismatch(config, pageOrigin);
    return {
      ...mismatch,
      summary: 'Came back from the login page still logged out.',
      detail: `The login page (${config.LOGIN_URL}) sent the browser back here, but this page still has no readable ${config.ACCESS_TOKEN_COOKIE_NAME} cookie. ${mismatch.detail}`,
    };
  }

  const url = facts.httpErrorRequestUrl;
  if (!url) {
    return {
      summary: `The MFE failed to start: ${facts.message}`,
      detail: 'The error names no request.',
      hint: 'See the browser console for the stack trace.',
    };
  }
  const method = (facts.httpErrorRequestMethod ?? 'GET').toUpperCase();
  const key = configKeyFor(url, config);
  const keyValue = config[key] ?? '';

  if (facts.httpErrorType === 'api-response-error' && facts.httpErrorStatus !== undefined) {
    const status = facts.httpErrorStatus;
    return {
      summary: `${method} ${url} answered ${status}: ${key} does not point at a working LMS or stub.`,
      detail: `The server at ${originOf(url)} answered ${status} with ${excerpt(facts.httpErrorResponseData)}.`,
      hint:
        status === 404
          ? `Check ${key} (${keyValue}): the stub serves the LMS at its base URL with no path, e.g. LMS_BASE_URL=http://localhost:18000. The stub's log names the request it could not match.`
          : `Check ${key} (${keyValue}) and the log of the server at ${originOf(url)}.`,
    };
  }

  if (facts.httpErrorType === 'api-request-error') {
    const request: FailedRequest = { method, url, key, keyValue };
    return (await probe(originOf(url))) === 'unreachable'
      ? nothingAnswers(request)
      : answerBlocked(request, pageOrigin);
  }

  return {
    summary: `The MFE failed to start: ${facts.message}`,
    detail: `${method} ${url} failed (${facts.httpErrorType ?? 'unknown error type'}).`,
    hint: 'See the browser console for the stack trace.',
  };
}
