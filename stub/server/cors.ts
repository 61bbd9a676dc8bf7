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
}

export class OriginSyntaxError extends Error {}

/** `extra` entries are origins (`http://host:port`), or `http://host:*` for any port. */
export function createCorsPolicy(extra: string[] = []): CorsPolicy {
  const exact = new Set<string>();
  const anyPort = new Set(DEFAULT_ORIGIN_HOSTS.map((host) => `http://${host}`));
  for (const entry of extra) {
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
  return {
    decide(origin) {
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
      return {
        allowed: false,
        reason: `${origin} is not an allowed origin (allowed: ${this.describe().join(', ')}); start the stub with --origin ${origin} to allow it`,
      };
    },
    describe() {
      return [...[...anyPort].map((o) => `${o}:*`), ...exact];
    },
  };
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
