/**
 * The origin policy: which front-end origins the stub trusts, for CORS (stub/server/cors.ts
 * writes the headers) and for the redirects of the login pages (stub/profiles/lms.ts), in
 * every transport. By default any port of the devstack and Tutor MFE hosts; `--origin` adds
 * more.
 */

/** Hosts allowed on any port by default: devstack-style and Tutor-style MFE hosts. */
export const DEFAULT_ORIGIN_HOSTS = ['localhost', '127.0.0.1', 'apps.local.openedx.io'];

export interface OriginDecision {
  allowed: boolean;
  /** Why not, for the log line. */
  reason: string;
}

export interface OriginPolicy {
  decide(origin: string): OriginDecision;
  /** Human-readable list, for the banner and the docs. */
  describe(): string[];
  /** Host names of the allowed origins (any scheme and port). */
  hosts(): string[];
}

export class OriginSyntaxError extends Error {}

const MAX_REMEMBERED_ORIGINS = 256;

/** `extra` entries are origins (`http://host:port`), `http://host:*` for any port, or
 *  `http://*.domain:*` for any subdomain of a domain on any port (Tutor's `*.local.openedx.io`). */
export function createOriginPolicy(extra: string[] = []): OriginPolicy {
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
  const decided = new Map<string, OriginDecision>();
  const policy: OriginPolicy = {
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
  function decideOrigin(origin: string): OriginDecision {
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
