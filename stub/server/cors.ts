/**
 * Credentialed CORS for MFE origins. frontend-platform sends its refresh, CSRF and API calls
 * with `withCredentials`, so the stub must echo the exact Origin with
 * `Access-Control-Allow-Credentials: true` (a browser refuses `*` for credentialed calls) and
 * answer preflights with the method and headers asked for. A disallowed origin gets no CORS
 * headers at all.
 */

/** Hosts allowed on any port by default: devstack-style and Tutor-style MFE hosts. */
export const DEFAULT_ORIGIN_HOSTS = ['localhost', '127.0.0.1', 'apps.local.openedx.io'];

export interface CorsDecision {
  allowed: boolean;
  /** Why not, for the log line. */
  reason: string;
}

export interface CorsPolicy {
  decide(origin: string): CorsDecision;
  /** Human-readable list, for the banner and the docs. */
  describe(): string[];
  /** Host names of the allowed origins (any scheme and port). */
  hosts(): string[];
}

export class OriginSyntaxError extends Error {}

const MAX_REMEMBERED_ORIGINS = 256;

/** `extra` entries are origins (`http://host:port`), `http://host:*` for any port, or
 *  `http://*.domain:*` for any subdomain of a domain on any port (Tutor's `*.local.openedx.io`). */
export function createCorsPolicy(extra: string[] = []): CorsPolicy {
  const exact = new Set<string>();
  const anyPort = new Set(DEFAULT_ORIGIN_HOSTS.map((host) => `http://${host}`));
  /** The subdomain wildcards: scheme (`http:`) and `.domain`. */
  const anySubdomain: Array<{ protocol: string; suffix: string }> = [];
  for (const entry of extra) {
    const subdomains = /^(https?:)\/\/\*(\.[a-z0-9.-]+[a-z0-9]):\*$/i.exec(entry);
    if (subdomains) {
      const [, protocol, suffix] = subdomains as unknown as [string, string, string];
      anySubdomain.push({ protocol: protocol.toLowerCase(), suffix: suffix.toLowerCase() });
      continue;
    }
    const wildcard = /^(https?:\/\/[^/:]+):\*$/.exec(entry);
    if (wildcard) {
      anyPort.add((wildcard[1] as string).toLowerCase());
      continue;
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new OriginSyntaxError(
        `'${entry}' is not an origin such as http://localhost:2000 or http://my.host:*`,
      );
    }
    if (url.pathname !== '/' || url.search || url.hash || !/^https?:$/.test(url.protocol)) {
      throw new OriginSyntaxError(
        `'${entry}' is not an origin (scheme, host and port only, e.g. http://my.host:8080)`,
      );
    }
    exact.add(url.origin);
  }
  // Browsers send the same few origins over and over: decide each once. Bounded, so a client
  // inventing origins cannot grow it; past the bound, origins are decided afresh each time.
  const decided = new Map<string, CorsDecision>();
  const policy: CorsPolicy = {
    decide(origin) {
      const known = decided.get(origin);
      if (known) return known;
      const decision = decideOrigin(origin);
      if (decided.size < MAX_REMEMBERED_ORIGINS) decided.set(origin, decision);
      return decision;
    },
    describe() {
      return [
        ...[...anyPort].map((o) => `${o}:*`),
        ...anySubdomain.map(({ protocol, suffix }) => `${protocol}//*${suffix}:*`),
        ...exact,
      ];
    },
    /** Wildcards name no single host: they are left out. */
    hosts() {
      return [...anyPort, ...exact].map((origin) => new URL(origin).hostname);
    },
  };
  function decideOrigin(origin: string): CorsDecision {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { allowed: false, reason: `'${origin}' is not a valid origin` };
    }
    if (url.origin !== origin)
      return { allowed: false, reason: `'${origin}' is not in origin form` };
    if (exact.has(url.origin) || anyPort.has(`${url.protocol}//${url.hostname}`))
      return { allowed: true, reason: '' };
    for (const { protocol, suffix } of anySubdomain)
      if (url.protocol === protocol && url.hostname.endsWith(suffix))
        return { allowed: true, reason: '' };
    return {
      allowed: false,
      reason: `${origin} is not an allowed origin (allowed: ${policy.describe().join(', ')}); start the stub with --origin ${origin} to allow it`,
    };
  }
  return policy;
}

/** Headers for an actual (non-preflight) response to an allowed origin. */
export function corsResponseHeaders(origin: string): Record<string, string[]> {
  return {
    'Access-Control-Allow-Origin': [origin],
    'Access-Control-Allow-Credentials': ['true'],
    Vary: ['Origin'],
  };
}

/** Headers answering a preflight from an allowed origin. */
export function corsPreflightHeaders(
  origin: string,
  method: string,
  requestHeaders: string | undefined,
): Record<string, string[]> {
  return {
    ...corsResponseHeaders(origin),
    'Access-Control-Allow-Methods': [method],
    ...(requestHeaders && { 'Access-Control-Allow-Headers': [requestHeaders] }),
    'Access-Control-Max-Age': ['600'],
    Vary: ['Origin, Access-Control-Request-Method, Access-Control-Request-Headers'],
  };
}

const CORS_RESPONSE_HEADERS = new Set([
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'vary',
]);

/**
 * A response's headers with the CORS headers for an allowed origin, which replace any header
 * of the same name (in any case) the response had. A new object: the response's own headers may
 * be shared with other answers.
 */
export function withCorsHeaders(
  headers: Record<string, string[]>,
  origin: string,
): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const name in headers) {
    if (!CORS_RESPONSE_HEADERS.has(name.toLowerCase())) merged[name] = headers[name] as string[];
  }
  merged['Access-Control-Allow-Origin'] = [origin];
  merged['Access-Control-Allow-Credentials'] = ['true'];
  merged.Vary = ['Origin'];
  return merged;
}
